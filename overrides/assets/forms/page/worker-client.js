// The worker client: starts the form's Python in its worker (form-worker.js), sends it what the
// family does, and hands each answer to its place: views to view.js (or, merged from another
// window, to other-windows.js), descriptions of a kept draft to whoever asked. If Python could
// not start, or stops after it has started, the family is told at once.

import { FROM_WORKER, message } from "../messages.js";
import {
  CHILDS,
  DRAFT_KEY,
  FILE_KEY,
  KEEP_KEY,
  form,
  here,
  keepNotice,
  statusBox,
  today,
  typedBeforeReady,
  typedValues,
} from "./shell.js";
import { sayStatus, setStatus, showProgress, tell } from "./notices.js";
import { keepStep, keeping, showKeepChoice, storage } from "./storage.js";
import { otherWindows } from "./other-windows.js";
import { applyView } from "./view.js";
import { backTo, rememberedStep, stepInHistory, whereTheFamilyIs } from "./steps.js";
import { carried } from "./leaving.js";

const { leaveDeletes } = window.fgcDevice;

// No fixed time-out while Python's files are arriving (a slow line is normal): the start is
// given up only when nothing has arrived for this long.
const STALL_MS = 90000;

// Until Python is ready, what the family does waits here; then it is posted to the worker.
const pending = [];
let post = null;
export function send(event) {
  if (post) post(event);
  else pending.push(event);
}

// What a kept draft holds ("5 forms, kept 3 December"), said by Python; without Python, nothing
// more than the question itself is said.
const describing = new Map();
let describeWorker = null;
export function describeKept(text, callback) {
  if (!describeWorker || form.dataset.python !== "ready") return;
  const id = String(describing.size + Math.random());
  describing.set(id, callback);
  describeWorker.postMessage(message("describe", { id, text, language: form.dataset.lang }));
}

// Python stopped after it had started (an error in the worker, or the worker gone): the family
// is told at once, not left with "ready". What they typed stays on the page, printable, and
// counts as not kept: leaving asks first, and no file is made from answers older than the page.
function stopped() {
  for (const field of form.querySelectorAll("[data-field]")) {
    if (field.value) typedBeforeReady.add(field.name);
  }
  setStatus("failed");
  sayStatus(statusBox.dataset.stopped);
}

let mergeKeptOnReady = false;

export function start() {
  let worker;
  let timer;
  const fail = () => {
    clearTimeout(timer);
    if (form.dataset.python === "starting") setStatus("failed");
    else if (form.dataset.python === "ready") stopped();
    worker?.terminate();
    // "Keep" chosen while Python was starting kept nothing: said so, and not left ticked.
    if (here.keepingHere && here.latestDraft === null && storage.get(DRAFT_KEY) === null) {
      here.keepingHere = false;
      storage.remove(KEEP_KEY);
      showKeepChoice(null);
      tell(statusBox.dataset.keepNeedsPython, "error", { box: keepNotice });
    }
  };
  const waitForMore = () => {
    clearTimeout(timer);
    timer = setTimeout(fail, STALL_MS);
  };
  waitForMore();
  try {
    worker = new Worker(form.dataset.worker, { type: "module" });
  } catch {
    fail();
    return;
  }
  const postEvent = (event) => worker.postMessage(message("event", { event }));
  // What the worker says, by kind (messages.js, FROM_WORKER).
  const fromWorker = {
    failed: fail,
    progress: (data) => {
      waitForMore();
      showProgress(data.received);
    },
    described: (data) => {
      describing.get(data.id)?.(data.text);
      describing.delete(data.id);
    },
    ready: (data) => {
      clearTimeout(timer);
      ready(data.view, postEvent);
      describeWorker = worker;
    },
    view: (data) => {
      if (data.view.merged) otherWindows.applyMerged(data.view);
      else applyView(data.view);
    },
  };
  worker.onerror = fail;
  worker.onmessage = ({ data }) => {
    if (data.kind in FROM_WORKER) fromWorker[data.kind](data);
  };
  const kept = keeping();
  here.keepingHere = kept;
  if (kept) showKeepChoice(!CHILDS && leaveDeletes() ? "leave" : "device");
  // Answers this tab carried from a page that did not keep them (a window opened before another
  // one chose to keep, or whose device was full) are not left behind on a page that keeps: it
  // starts from them and merges the kept draft in, as from another window.
  const carriedToKeep = kept ? carried() : undefined;
  mergeKeptOnReady = carriedToKeep !== undefined;
  otherWindows.base = kept && !mergeKeptOnReady ? storage.get(DRAFT_KEY) : null;
  // A draft kept before the family chose to keep nothing more is still theirs, and shown; what
  // this tab carried over from another form page is newer than it.
  const leftKept = kept ? null : storage.get(DRAFT_KEY);
  worker.postMessage(
    message("begin", {
      pyodideURL: new URL(form.dataset.pyodide, location.href).href,
      formsURL: new URL(form.dataset.pythonForms, location.href).href,
      formsIntegrity: form.dataset.pythonFormsIntegrity,
      pythonInfo: JSON.parse(form.dataset.pythonInfo),
      pythonKey: form.dataset.pythonKey,
      keepPython: window.fgcDevice.keeping(),
      formId: form.dataset.form,
      language: form.dataset.lang,
      today: today(),
      stored:
        carriedToKeep ??
        otherWindows.base ??
        (kept ? undefined : carried() ?? history.state?.fgcDraft ?? leftKept ?? undefined),
      fileSaved: kept ? storage.get(FILE_KEY) ?? undefined : undefined,
      contact: form.dataset.contact ?? undefined,
      step: rememberedStep(),
    }),
  );
}

// Python's first view: shown where the family is, then what waited for Python is sent to it.
function ready(view, postEvent) {
  performance.mark("python-ready");
  // Until now every step was shown: Python's start must not take the family away from the
  // step and the field they are in, nor move that field on the screen.
  const place = whereTheFamilyIs();
  const firstStep = view.step;
  if (place.step) view.step = place.step;
  if (view.stored_unreadable) {
    // Not written over by what is typed next: this window keeps nothing until the family
    // chooses to keep again, which first sets the unread draft aside.
    here.storedUnreadable = true;
    here.keepingHere = false;
    showKeepChoice(null);
  }
  // Texts this tab had not yet chosen between, before a reload (read before the view).
  const remembered = history.state?.fgcConflicts;
  applyView(view, { restoring: true });
  setStatus("ready");
  stepInHistory(form.dataset.step);
  keepStep(form.dataset.step);
  if (view.welcome) keepNotice.innerHTML = view.welcome;
  backTo(place);
  // Python goes to that step first, so no view shows another one meanwhile.
  if (place.step && place.step !== firstStep) {
    postEvent({ type: "step_chosen", step: place.step, quiet: true });
  }
  // The page now holds the draft and what was typed meanwhile: Python reads it all.
  postEvent({ type: "fields_restored", values: typedValues() });
  if (here.keepingHere && remembered?.length) {
    postEvent({ type: "conflicts_restored", conflicts: remembered });
  }
  if (mergeKeptOnReady && here.keepingHere) otherWindows.mergeStored();
  for (const event of pending.splice(0)) postEvent(event);
  post = postEvent;
}
