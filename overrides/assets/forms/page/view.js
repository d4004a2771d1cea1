// Applying a view from Python to the page: lists drawn again, values, coaching, errors, the
// summary and the paper, the draft's notices, the title, the focus; then what the view means
// for the device (kept draft and file record) and for the tab's memory (leaving.js).

import {
  baseTitle,
  draftNotice,
  fieldNamed,
  form,
  here,
  panel,
  typedBeforeReady,
  typedValues,
} from "./shell.js";
import { sayStatus } from "./notices.js";
import { draftIsKept, keepDraft, keepFileRecord } from "./storage.js";
import { otherWindows } from "./other-windows.js";
import { showStep } from "./steps.js";
import { saveCalendar } from "./files.js";
import { rememberConflicts, rememberInHistory } from "./leaving.js";

export function applyView(view, { restoring = false } = {}) {
  const force = view.force;
  for (const [name, list] of Object.entries(view.lists)) {
    const items = form.querySelector(`[data-items-for="${name}"]`);
    if (items.dataset.structure === list.key) continue;
    const typed = typedValues();
    items.innerHTML = list.html;
    items.dataset.structure = list.key;
    if (force) continue;
    for (const field of items.querySelectorAll("[data-field]")) {
      if (field.name in typed) field.value = typed[field.name];
    }
  }
  for (const [path, value] of Object.entries(view.values || {})) {
    const field = fieldNamed(path);
    if (field && (force || !(restoring && typedBeforeReady.has(path)))) field.value = value;
  }
  for (const [selector, key, html] of [
    ["[data-coach-for]", "coachFor", view.coaching],
    ["[data-error-for]", "errorFor", view.errors],
    ["[data-houses]", "houses", view.houses ?? {}],
  ]) {
    for (const box of form.querySelectorAll(selector)) {
      const wanted = html[box.dataset[key]] || "";
      if (box.innerHTML !== wanted) box.innerHTML = wanted;
    }
  }
  // A field with an error is marked invalid, so a screen reader says so on reaching it.
  for (const field of form.querySelectorAll("[data-field]")) {
    if (field.name in view.errors) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }
  for (const [source, html] of Object.entries(view.suggestions || {})) {
    const list = form.querySelector(`datalist[data-suggestions="${source}"]`);
    if (list && list.innerHTML !== html) list.innerHTML = html;
  }
  // The summary is an alert: drawn again only when it changes, so that a screen reader says
  // it when it appears or changes, not on every key typed while it shows.
  const summary = form.querySelector("[data-error-summary]");
  if (summary.dataset.shown !== view.error_summary) {
    summary.innerHTML = view.error_summary;
    summary.dataset.shown = view.error_summary;
  }
  showStep(view.step);
  // The page's title names the step ("Trin 2 af 5: Hvem skal med? – …"), an error first.
  const heading = form.querySelector(`[data-step-id="${view.step}"] [data-page-title]`);
  const titled = heading
    ? summary.dataset.stepTitle
        .replace("{step}", heading.dataset.pageTitle)
        .replace("{page}", baseTitle)
    : baseTitle;
  const title = (view.error_summary ? summary.dataset.titlePrefix : "") + titled;
  // Leaving quickly has emptied the title: it stays empty.
  if (document.title !== title && !document.documentElement.dataset.leaving) {
    document.title = title;
  }
  form.querySelector("[data-summary]").innerHTML = view.summary;
  form.querySelector("[data-document]").innerHTML = view.document;
  panel.querySelector("[data-offer]").innerHTML = view.offer || "";
  const fileStatus = panel.querySelector("[data-file-status]");
  if (fileStatus.innerHTML !== view.file_status) fileStatus.innerHTML = view.file_status;
  otherWindows.showConflict(view.conflict);
  if (view.notice) draftNotice.innerHTML = view.notice.html;
  if (view.focus) document.getElementById(view.focus)?.focus();
  if (view.announce) sayStatus(view.announce);
  if (view.calendar) saveCalendar(view.calendar);
  const fileRecord = view.file_record ?? null;
  if (JSON.stringify(fileRecord) !== JSON.stringify(here.latestFileRecord)) {
    here.latestFileRecord = fileRecord;
    if (!restoring) keepFileRecord();
  }
  here.unsaved = Boolean(view.unsaved);
  if (here.unsaved && !draftIsKept()) rememberInHistory();
  if (!restoring) rememberConflicts(view.conflicts ?? []);
  const kept = view.kept ?? view.draft;
  here.latestDraft = view.draft;
  if (kept !== here.latestKept) {
    here.latestKept = kept;
    // At start the kept draft stays as it is, even one that could not be read: only what the
    // family does next is written over it.
    if (!restoring) keepDraft();
  }
}
