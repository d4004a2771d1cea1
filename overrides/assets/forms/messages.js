// Every message between the form page, its worker and the forms' Python, in one place: each
// message's name and the fields it carries. The page's modules and the worker build and read
// their messages from these tables; tests/unit/test_page_contract.py holds the page, the worker
// and Python (forms/events.py) to them.

// What the family did, from the page to Python (forms/events.py reads exactly these, by `type`).
// A button Python draws sends its `data-action` as the type, with BUTTON_FIELDS.
export const TO_PYTHON = Object.freeze({
  field_changed: ["path", "value"],
  fields_restored: ["values"],
  item_added: ["list"],
  item_removed: ["list", "uid"],
  item_moved: ["list", "uid", "offset"],
  item_opened: ["list", "uid"],
  item_closed: ["list", "uid"],
  step_chosen: ["step", "quiet"],
  step_continued: [],
  draft_offered: ["text", "size", "not_text"],
  offer_accepted: [],
  offer_declined: [],
  everything_deleted: ["elsewhere"],
  draft_stored: ["base", "text"],
  field_kept: ["path", "value", "theirs"],
  conflicts_restored: ["conflicts"],
  conflict_ours: [],
  conflict_theirs: [],
  file_saved: [],
  calendar_requested: ["now", "choices"],
});

// What a button Python draws (`<button data-action=… data-list=… data-uid=… data-offset=…
// data-step=…>`) tells Python, whichever its action.
export const BUTTON_FIELDS = Object.freeze(["list", "uid", "offset", "step"]);

// From the page to its worker (form-worker.js), by `kind`.
export const TO_WORKER = Object.freeze({
  // Start Python and the form: where Python and the forms are, what the device keeps.
  begin: [
    "pyodideURL",
    "formsURL",
    "formsIntegrity",
    "pythonInfo",
    "pythonKey",
    "keepPython",
    "formId",
    "language",
    "today",
    "stored",
    "fileSaved",
    "contact",
    "step",
  ],
  // One of TO_PYTHON, for Python.
  event: ["event"],
  // What a kept draft holds, in a few words (for the question before deleting it).
  describe: ["id", "text", "language"],
});

// From the worker to the page, by `kind`.
export const FROM_WORKER = Object.freeze({
  // How many bytes of Python's files have arrived so far.
  progress: ["received"],
  // Python has started: the first view.
  ready: ["view"],
  // The view after an event.
  view: ["view"],
  // The answer to "describe".
  described: ["id", "text"],
  // Python could not start, or stopped after it had started.
  failed: ["reason"],
});

// From the worker to its keeper (python-keeper.js), by `kind`: keep this started Python's memory
// (the snapshot's buffer transferred) in cache storage `cacheName` under `key`, deleting the
// caches of other builds, whose names begin with `prefix`.
export const TO_KEEPER = Object.freeze({
  keep: ["cacheName", "prefix", "key", "snapshot"],
});

// Between windows of the same browser showing the site, on their own channel: everything was
// deleted in another window (the family's, or on the child's form the child's own).
export const BETWEEN_WINDOWS = Object.freeze({
  deleted: "deleted",
  deleted_child: "deleted-child",
});

// A message of TO_WORKER, FROM_WORKER or TO_KEEPER: {kind, ...fields}.
export function message(kind, fields = {}) {
  return { kind, ...fields };
}

// The message a button Python draws sends: its action as the type, and its data.
export function buttonMessage(button) {
  return {
    type: button.dataset.action,
    list: button.dataset.list,
    uid: button.dataset.uid,
    offset: Number(button.dataset.offset || 0),
    step: button.dataset.step,
  };
}
