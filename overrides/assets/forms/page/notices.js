// What the page says of itself: the status line (Python starting, ready, failed, stopped, how
// much has arrived) and the notices beside the draft's controls. Every text comes from Python
// (forms/render.py draws it into the page's data attributes, from forms/definitions/ui.toml).

import { draftNotice, form, statusBox, retryBox } from "./shell.js";

// The status says how much has arrived at most this often, so a screen reader is not flooded.
const PROGRESS_EVERY_MS = 3000;

export function setStatus(state) {
  form.dataset.python = state;
  sayStatus(statusBox.dataset[state]);
  retryBox.hidden = state !== "failed";
}

// The status line's text, written only when it changes where `onlyIfNew` (a screen reader says
// it anew each time it is written).
export function sayStatus(text, { onlyIfNew = false } = {}) {
  const line = statusBox.querySelector(".fgc-status-text");
  if (onlyIfNew && line.textContent === text) return;
  line.textContent = text;
}

let progressShown = 0;
export function resetProgress() {
  progressShown = 0;
}

export function showProgress(bytes) {
  const now = performance.now();
  if (form.dataset.python !== "starting" || now - progressShown < PROGRESS_EVERY_MS) return;
  progressShown = now;
  const mb = new Intl.NumberFormat(form.dataset.lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1e6);
  sayStatus(statusBox.dataset.progress.replace("{mb}", mb));
}

// A control that needs Python, pressed when Python could not start: said beside it, not ignored.
export function tellNeedsPython(button) {
  let note = button.parentElement.querySelector(":scope > [data-needs-python-note]");
  if (!note) {
    note = document.createElement("p");
    note.dataset.needsPythonNote = "";
    note.className = "fgc-notice-message fgc-notice-message--error";
    note.setAttribute("role", "alert");
    button.after(note);
  }
  note.textContent = statusBox.dataset.needsPython;
}

export function tell(text, kind = "done", { more = false, box = draftNotice } = {}) {
  const message = document.createElement("p");
  message.className = `fgc-notice-message fgc-notice-message--${kind}`;
  message.textContent = text;
  if (more) box.append(message);
  else box.replaceChildren(message);
}
