// Files: saving the draft to a file, opening one (its text handed to Python, which reads and
// checks it), the calendar file Python wrote, and a kept draft that could not be read. Every
// file is made here and saved on the device, never sent.

import { ASIDE_KEY, DRAFT_KEY, fileInput, form, here, panel, today } from "./shell.js";
import { tell } from "./notices.js";
import { storage } from "./storage.js";
import { send } from "./worker-client.js";

export function saveFile() {
  if (here.latestDraft === null || form.dataset.python === "failed") {
    return tell(panel.dataset.msgSaveUnavailable, "error");
  }
  const name = panel.dataset.fileName.replace("{date}", today());
  download(here.latestDraft, name, "application/json");
  tell(panel.dataset.msgFileSaved.replace("{name}", name));
  send({ type: "file_saved" });
}

// A kept draft this page could not read, as it was kept (or as it was set aside).
export function saveUnreadable() {
  const unread = here.storedUnreadable ? storage.get(DRAFT_KEY) : storage.get(ASIDE_KEY);
  if (unread === null) return;
  const name = panel.dataset.fileName.replace("{date}", today());
  download(unread, name, "application/json");
}

// Hands the family a file, as "save to a file" does: made here, saved on the device, never sent.
function download(text, name, type) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// The meetings' dates as Python wrote them (forms/calendar_file.py), or why there are none.
export function saveCalendar(calendar) {
  if (calendar.text) download(calendar.text, calendar.name, "text/calendar");
  form.querySelector("[data-calendar-notice]").innerHTML = calendar.message;
}

// What the family chose for the calendar file: its length, time zone, reminder, title.
export function askForCalendar() {
  const choices = {};
  for (const input of form.querySelectorAll("[data-calendar-choice]")) {
    choices[input.name] = input.type === "checkbox" ? input.checked : input.value;
  }
  send({ type: "calendar_requested", now: new Date().toISOString(), choices });
}

export function openFile() {
  fileInput.click();
}

fileInput.addEventListener("change", async () => {
  const file = fileInput.files[0];
  fileInput.value = "";
  if (!file) return;
  const maxBytes = Number(panel.dataset.maxBytes);
  // A file too big is not read at all: Python is told only its size, and says so. Bytes that
  // are not UTF-8 are not a draft this site wrote: refused, not read with characters replaced.
  if (file.size > maxBytes) return send({ type: "draft_offered", size: file.size });
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    send({ type: "draft_offered", text, size: file.size });
  } catch {
    send({ type: "draft_offered", size: file.size, not_text: true });
  }
});
