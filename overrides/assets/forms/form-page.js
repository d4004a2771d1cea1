// The page side of a form: sends what the family does to the Python worker and shows its views;
// owns what only a page can do: the device's storage, saving and opening files, printing.
// The text the family types is the page's own: a view never overwrites a field the family has
// typed in, except when the family itself opens a file or deletes everything.

// What the site keeps on the device, and deleting it: assets/device.js, a plain script.
const {
  CHILD_PREFIX,
  KEEP_KEY: FAMILY_KEEP_KEY,
  LEAVE_KEY,
  PREFIX,
  askToPersist,
  canKeepSite,
  forgetEverything,
  keepSite,
  leaveDeletes,
} = window.fgcDevice;

const form = document.querySelector("form.fgc-form");
const panel = form.querySelector("[data-draft]");
const draftNotice = panel.querySelector("[data-draft-notice]");
// The choice to keep the draft on the device is asked before the first step.
const keepBox = form.querySelector("[data-keep]");
const keepNotice = keepBox.querySelector("[data-keep-notice]");
// No fixed time-out while Python's files are arriving (a slow line is normal): the start is
// given up only when nothing has arrived for this long.
const STALL_MS = 90000;
// The status says how much has arrived at most this often, so a screen reader is not flooded.
const PROGRESS_EVERY_MS = 3000;
// The child's form is the child's (forms/definitions/wishes.toml, own_draft): its own choice about
// keeping and its own draft, under keys of its own, never the family's "yes" nor the family's
// draft or file; nothing carried between it and the adults' forms in this tab's memory either.
const CHILDS = form.hasAttribute("data-own-draft");
const KEYS_START = CHILDS ? CHILD_PREFIX : PREFIX;
const KEEP_KEY = CHILDS ? `${CHILD_PREFIX}gem-paa-enheden` : FAMILY_KEEP_KEY;
const DRAFT_KEY = `${KEYS_START}kladde`;
// When the draft was last saved to a file (forms/file_status.py says what it holds).
const FILE_KEY = `${KEYS_START}gemt-som-fil`;
// The step each form was on, kept with the draft: the next visit opens there.
const STEP_KEY = `${KEYS_START}trin`;
// A kept draft this page could not read (from a newer version of the site, say), set aside
// before this page keeps anything of its own.
const ASIDE_KEY = `${KEYS_START}kladde-ulaeselig`;
let storedUnreadable = false;

// Until Python is ready, what the family clicks waits here; then send() posts to the worker.
const pending = [];
let send = (event) => pending.push(event);
const typedBeforeReady = new Set();
let latestDraft = null;
// What the device keeps of it: the same, except where the family has still to choose between
// this window's text and another window's (then the other's, as stored; see otherWindows).
let latestKept = null;
// Those texts of this window, by their place in the form, which only this tab holds.
let conflictsHere = [];
let latestFileRecord = null;
const baseTitle = document.title;

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function typedValues() {
  const values = {};
  for (const field of form.querySelectorAll("[data-field]")) values[field.name] = field.value;
  return values;
}

const statusBox = form.querySelector("[data-status]");
const retryBox = form.querySelector("[data-retry]");

function setStatus(state) {
  form.dataset.python = state;
  statusBox.querySelector(".fgc-status-text").textContent = statusBox.dataset[state];
  retryBox.hidden = state !== "failed";
}

let progressShown = 0;
function showProgress(bytes) {
  const now = performance.now();
  if (form.dataset.python !== "starting" || now - progressShown < PROGRESS_EVERY_MS) return;
  progressShown = now;
  const mb = new Intl.NumberFormat(form.dataset.lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1e6);
  statusBox.querySelector(".fgc-status-text").textContent = statusBox.dataset.progress.replace(
    "{mb}",
    mb,
  );
}

// A control that needs Python, pressed when Python could not start: said beside it, not ignored.
function tellNeedsPython(button) {
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

function tell(text, kind = "done", { more = false, box = draftNotice } = {}) {
  const message = document.createElement("p");
  message.className = `fgc-notice-message fgc-notice-message--${kind}`;
  message.textContent = text;
  if (more) box.append(message);
  else box.replaceChildren(message);
}

// ----- The device's storage: used only once the family has chosen to keep the draft -----

// Whether this form's draft is kept on the device (the family's choice, or on the child's form
// the child's own).
function keeping() {
  try {
    return window.localStorage.getItem(KEEP_KEY) === "ja";
  } catch {
    return false;
  }
}

// This form's keys: the child's own, or the family's (every key of the site but the child's).
const ours = (key) =>
  CHILDS ? key.startsWith(CHILD_PREFIX) : key.startsWith(PREFIX) && !key.startsWith(CHILD_PREFIX);

const storage = {
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, value);
      return true;
    } catch (error) {
      const full = error && (error.name === "QuotaExceededError" || error.code === 22);
      tell(panel.dataset[full ? "msgStorageFull" : "msgStorageUnavailable"], "error");
      return false;
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing could be stored either.
    }
  },
};

// Whether this window keeps (the choice made here with "Use this choice", or found kept at
// start); keeping() says what the device holds now. Moving through the two choices with the
// arrow keys changes nothing until the family presses the button.
let keepingHere = false;
const keptHere = () => keepingHere;

function showKeepChoice(value) {
  for (const choice of keepBox.querySelectorAll("input[name=fgc-keep]")) {
    choice.checked = choice.value === value;
  }
}

// Whether the last time this window wrote the draft, the device refused it (full storage): then
// the answers count as not kept, whatever was chosen, until a write succeeds again.
let lastWriteFailed = false;

// Whether what this page holds is kept on the device now: this window keeps (a window opened
// before another one chose to keep does not), the device still does, and the last write worked.
function draftIsKept() {
  return keptHere() && keeping() && !lastWriteFailed;
}

function keepDraft() {
  // Both: this window's choice (another window may have just deleted everything) and the device's.
  if (!keptHere() || !keeping()) return;
  if (latestKept !== null && otherWindows.mayStore()) {
    lastWriteFailed = !storage.set(DRAFT_KEY, latestKept);
    if (!lastWriteFailed) otherWindows.stored(latestKept);
  }
}

// Written only when this window's record changes (or the family chooses to keep), so a window
// left open never writes back an older one over another window's.
function keepFileRecord() {
  if (!keeping()) return;
  if (latestFileRecord === null) storage.remove(FILE_KEY);
  else storage.set(FILE_KEY, JSON.stringify(latestFileRecord));
}

// The one choice covers the draft, the offline copy and the kept Python together.
// With leaveDeletes, "Leave this page" deletes everything kept, too (assets/quick-exit.js).
async function keepOnDevice(leaveDeletes = false) {
  if (storedUnreadable) {
    const unread = storage.get(DRAFT_KEY);
    if (unread !== null && !storage.set(ASIDE_KEY, unread)) return false;
    storedUnreadable = false;
    draftNotice.replaceChildren();
  }
  if (!storage.set(KEEP_KEY, "ja")) return false;
  keepingHere = true;
  if (!CHILDS) {
    if (leaveDeletes) storage.set(LEAVE_KEY, "ja");
    else storage.remove(LEAVE_KEY);
    document.documentElement.toggleAttribute("data-leave-deletes", leaveDeletes);
  }
  keepDraft();
  if (lastWriteFailed) {
    // The device is full: nothing is kept after all, and the family is told that one thing.
    storage.remove(KEEP_KEY);
    keepingHere = false;
    lastWriteFailed = false;
    draftNotice.replaceChildren();
    tell(panel.dataset.msgStorageFull, "error", { box: keepNotice });
    return false;
  }
  keepFileRecord();
  keepStep(form.dataset.step);
  if (!CHILDS) keepSite();
  // Never that the site is kept where it cannot be (plain http).
  const siteKept = CHILDS || canKeepSite();
  tell(panel.dataset[siteKept ? "msgKeepOn" : "msgKeepOnDraftOnly"], "done", { box: keepNotice });
  const lasting = await askToPersist();
  tell(panel.dataset[lasting ? "msgPersistGranted" : "msgPersistRefused"], "done", {
    more: true,
    box: keepNotice,
  });
  return true;
}

// "Keep nothing" stops keeping from now on: nothing already kept is deleted here (that is
// "Delete everything", which asks first). The family is told what is still kept.
function keepNothing() {
  keepingHere = false;
  storage.remove(KEEP_KEY);
  otherWindows.base = null;
  tell(panel.dataset.msgKeepOff, "done", { box: keepNotice });
  const stored = storage.get(DRAFT_KEY);
  if (stored === null) return;
  describeKept(stored, (what) => {
    if (keepingHere) return;
    tell(panel.dataset.msgKeepOffStillKept.replace("{what}", what), "done", {
      more: true,
      box: keepNotice,
    });
  });
}

async function keepChosen() {
  const chosen = keepBox.querySelector("input[name=fgc-keep]:checked");
  if (!chosen) return tell(panel.dataset.msgKeepChooseFirst, "error", { box: keepNotice });
  // Without Python there is no draft to keep: said honestly, nothing written.
  if (chosen.value !== "shared" && form.dataset.python === "failed") {
    showKeepChoice(null);
    return tell(statusBox.dataset.keepNeedsPython, "error", { box: keepNotice });
  }
  if (chosen.value === "device" || chosen.value === "leave") {
    if (!(await keepOnDevice(chosen.value === "leave"))) showKeepChoice(null);
  } else {
    keepNothing();
  }
}

// What a kept draft holds ("5 forms, kept 3 December"), said by Python; without Python, nothing
// more than the question itself is said.
const describing = new Map();
let describeWorker = null;
function describeKept(text, callback) {
  if (!describeWorker || form.dataset.python !== "ready") return;
  const id = String(describing.size + Math.random());
  describing.set(id, callback);
  describeWorker.postMessage({ kind: "describe", id, text, language: form.dataset.lang });
}

// ----- Other windows of the same browser: what one stores, the others merge in -----
// Each window remembers the stored draft it last wrote or read (its base). When another window
// has stored a different one, Python merges the three before this window stores anything, and
// this window then stores the result only where it differs from the other's: so windows settle
// on one draft instead of answering each other forever. "Delete everything" is told to the
// other windows on a channel of their own, since on storage alone it looks like "do not keep".

const conflictBox = form.querySelector("[data-conflict]");
// "Delete everything" on the child's form deletes the child's own only, and is told as such.
const DELETED = CHILDS ? "deleted-child" : "deleted";

const otherWindows = {
  base: null,
  merging: 0,
  shownConflict: "",
  channel: "BroadcastChannel" in window ? new BroadcastChannel(`${PREFIX}vinduer`) : null,

  // Whether this window may store its draft now; when another window's must be merged first,
  // that is started, and the merged draft is stored when Python has made it.
  mayStore() {
    if (storage.get(KEEP_KEY) !== "ja" || this.merging > 0) return false;
    return !this.mergeStored();
  },
  stored(text) {
    this.base = text;
  },
  mergeStored() {
    const text = storage.get(DRAFT_KEY);
    if (text === null || text === this.base) return false;
    this.merging += 1;
    send({ type: "draft_stored", base: this.base, text });
    this.base = text;
    return true;
  },
  applyMerged(view) {
    this.merging -= 1;
    const typing = document.activeElement?.matches("[data-field]") ? document.activeElement : null;
    const [start, end] = [typing?.selectionStart, typing?.selectionEnd];
    // The field the family is typing in, and any field holding keys Python had not yet seen
    // when it merged, is never written over: the page keeps its text, and Python is told, so
    // that the other window's text waits for the family's choice instead.
    const keptTexts = [];
    for (const [path, theirs] of Object.entries(view.values ?? {})) {
      const field = form.querySelector(`[data-field][name="${CSS.escape(path)}"]`);
      if (!field) continue;
      const typingHere = field === typing && document.hasFocus();
      if (!typingHere && field.value === (view.merged.before?.[path] ?? field.value)) continue;
      delete view.values[path];
      keptTexts.push([path, theirs]);
    }
    // Nor is the focus taken from a field the family is typing in: the status line says it.
    const conflictNews = Boolean(typing && view.focus === "fgc-conflict-intro");
    if (conflictNews) view.focus = null;
    latestDraft = view.draft;
    latestKept = view.kept ?? view.draft;
    applyView(view);
    if (conflictNews) {
      const intro = conflictBox.querySelector("#fgc-conflict-intro")?.textContent;
      if (intro) form.querySelector(".fgc-status-text").textContent = intro;
    }
    for (const [path, theirs] of keptTexts) {
      const field = form.querySelector(`[data-field][name="${CSS.escape(path)}"]`);
      if (field && field.value !== theirs) {
        send({ type: "field_kept", path, value: field.value, theirs });
      }
    }
    // A list drawn again takes the field the family was typing in with it: give it back.
    if (typing && !view.focus && !typing.isConnected) {
      const field = document.getElementById(typing.id);
      field?.focus();
      try {
        field?.setSelectionRange?.(start, end);
      } catch {
        // A date or a choice has no text selection to give back.
      }
    }
    if (view.merged.store) keepDraft();
  },
  showConflict(html) {
    if (html === this.shownConflict) return;
    conflictBox.innerHTML = html;
    this.shownConflict = html;
  },
  stopKeeping(message) {
    keepingHere = false;
    showKeepChoice(null);
    this.base = null;
    tell(message);
  },
  tellDeleted() {
    this.channel?.postMessage(DELETED);
  },
};

window.addEventListener("storage", ({ key }) => {
  if ((key !== null && !ours(key)) || !keptHere()) return;
  if (storage.get(KEEP_KEY) !== "ja") otherWindows.stopKeeping(conflictBox.dataset.msgKeepOff);
  else if (key === DRAFT_KEY || key === null) otherWindows.mergeStored();
});

otherWindows.channel?.addEventListener("message", ({ data }) => {
  if (data !== DELETED) return;
  otherWindows.stopKeeping(conflictBox.dataset.msgDeleted);
  if (form.dataset.python !== "ready") {
    for (const field of form.querySelectorAll("[data-field]")) field.value = "";
  }
  send({ type: "everything_deleted", elsewhere: true });
});

// ----- Views from Python -----

function applyView(view, { restoring = false } = {}) {
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
    const field = form.querySelector(`[data-field][name="${CSS.escape(path)}"]`);
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
  if (view.announce) form.querySelector(".fgc-status-text").textContent = view.announce;
  if (view.calendar) saveCalendar(view.calendar);
  const fileRecord = view.file_record ?? null;
  if (JSON.stringify(fileRecord) !== JSON.stringify(latestFileRecord)) {
    latestFileRecord = fileRecord;
    if (!restoring) keepFileRecord();
  }
  unsaved = Boolean(view.unsaved);
  if (unsaved && !draftIsKept()) rememberInHistory();
  if (!restoring) rememberConflicts(view.conflicts ?? []);
  const kept = view.kept ?? view.draft;
  latestDraft = view.draft;
  if (kept !== latestKept) {
    latestKept = kept;
    // At start the kept draft stays as it is, even one that could not be read: only what the
    // family does next is written over it.
    if (!restoring) keepDraft();
  }
}

// ----- Steps as the browser's history, and the step kept for the next visit -----
// Each step the family goes to is an entry in the tab's history, so the phone's Back goes one
// step back (as on GOV.UK), not off the form. The step is kept with the draft where the family
// keeps it, and the tab's history remembers it for a language switch or a reload.

// The language switch takes the step along in the address (#trin-<step>), read once here.
const STEP_HASH = /^#trin-([a-z_]+)$/;
const switchedAt = location.hash.match(STEP_HASH)?.[1];
if (switchedAt) history.replaceState(history.state, "", location.pathname + location.search);

function rememberedStep() {
  if (history.state?.fgcStep) return history.state.fgcStep;
  if (switchedAt) return switchedAt;
  const kept = keeping() ? storage.get(STEP_KEY) : null;
  try {
    return kept ? JSON.parse(kept)[form.dataset.form] : undefined;
  } catch {
    return undefined;
  }
}

function keepStep(step) {
  if (!keptHere() || !keeping() || !step) return;
  let steps = {};
  try {
    steps = JSON.parse(storage.get(STEP_KEY) ?? "{}") ?? {};
  } catch {
    // An unreadable record is replaced.
  }
  if (steps[form.dataset.form] === step) return;
  storage.set(STEP_KEY, JSON.stringify({ ...steps, [form.dataset.form]: step }));
}

let steppingBack = false;
function stepInHistory(step) {
  if (history.state?.fgcStep === step) return;
  if (steppingBack || !history.state?.fgcStep) history.replaceState({ ...history.state, fgcStep: step }, "");
  else history.pushState({ fgcStep: step }, "");
}

window.addEventListener("popstate", ({ state }) => {
  if (!state?.fgcStep || form.dataset.python !== "ready") return;
  if (state.fgcStep === form.dataset.step) return;
  steppingBack = true;
  send({ type: "step_chosen", step: state.fgcStep });
});

// One step at a time once Python leads; before that (or without it) every step shows.
function showStep(step) {
  // What was told on the step before (an answer added, a choice made) is old news on this one.
  // (The status line is written only when its text changes: a screen reader says it anew each
  // time it is written. A kept draft that could not be read stays offered as a file.)
  if (step !== form.dataset.step && form.dataset.python === "ready") {
    const status = form.querySelector("[data-status] .fgc-status-text");
    if (status.textContent !== statusBox.dataset.ready) status.textContent = statusBox.dataset.ready;
    keepNotice.replaceChildren();
    if (!draftNotice.querySelector("[data-action=save_unreadable]")) draftNotice.replaceChildren();
  }
  form.dataset.step = step;
  if (form.dataset.python === "ready") {
    stepInHistory(step);
    steppingBack = false;
    keepStep(step);
  }
  for (const section of form.querySelectorAll("[data-step-id]")) {
    section.hidden = section.dataset.stepId !== step;
  }
}

// The step the family is in (the one with the focus, else the first one on the screen once
// they have scrolled), the field they are typing in, and where it is on the screen.
function whereTheFamilyIs() {
  const active = form.contains(document.activeElement) ? document.activeElement : null;
  let step = active?.closest("[data-step-id]")?.dataset.stepId;
  if (!step && window.scrollY > 0) {
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const onScreen = [...form.querySelectorAll("[data-step-id]")].find(
      (section) => section.getBoundingClientRect().bottom > header,
    );
    step = onScreen?.dataset.stepId;
  }
  const anchor = active ?? (step ? form.querySelector(`[data-step-id="${step}"]`) : null);
  return {
    step,
    active,
    id: active?.id,
    selection: [active?.selectionStart, active?.selectionEnd],
    anchor,
    top: anchor?.getBoundingClientRect().top,
  };
}

// Back to that place: the same field focused (a list drawn again makes a new one), with the
// same text selected, at the same height on the screen.
function backTo(place) {
  let anchor = place.anchor;
  if (place.active && !place.active.isConnected) {
    anchor = place.id ? document.getElementById(place.id) : null;
    anchor?.focus({ preventScroll: true });
    try {
      anchor?.setSelectionRange?.(...place.selection);
    } catch {
      // A date or a choice has no text selection to give back.
    }
  }
  if (anchor?.isConnected && place.top !== undefined) {
    window.scrollBy(0, anchor.getBoundingClientRect().top - place.top);
  }
}

function print({ blank }) {
  form.classList.toggle("fgc-print-blank", blank);
  window.addEventListener("afterprint", () => form.classList.remove("fgc-print-blank"), {
    once: true,
  });
  window.print();
}

// ----- Starting Python -----

let mergeKeptOnReady = false;

function start() {
  let worker;
  let timer;
  const fail = () => {
    clearTimeout(timer);
    if (form.dataset.python === "starting") setStatus("failed");
    else if (form.dataset.python === "ready") stopped();
    worker?.terminate();
    // "Keep" chosen while Python was starting kept nothing: said so, and not left ticked.
    if (keepingHere && latestDraft === null && storage.get(DRAFT_KEY) === null) {
      keepingHere = false;
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
  const post = (event) => worker.postMessage({ kind: "event", event });
  worker.onerror = fail;
  worker.onmessage = ({ data }) => {
    if (data.kind === "failed") return fail();
    if (data.kind === "progress") {
      waitForMore();
      return showProgress(data.received);
    }
    if (data.kind === "described") {
      describing.get(data.id)?.(data.text);
      describing.delete(data.id);
      return;
    }
    if (data.kind === "ready") {
      clearTimeout(timer);
      performance.mark("python-ready");
      // Until now every step was shown: Python's start must not take the family away from the
      // step and the field they are in, nor move that field on the screen.
      const place = whereTheFamilyIs();
      const firstStep = data.view.step;
      if (place.step) data.view.step = place.step;
      if (data.view.stored_unreadable) {
        // Not written over by what is typed next: this window keeps nothing until the family
        // chooses to keep again, which first sets the unread draft aside.
        storedUnreadable = true;
        keepingHere = false;
        showKeepChoice(null);
      }
      // Texts this tab had not yet chosen between, before a reload (read before the view).
      const remembered = history.state?.fgcConflicts;
      applyView(data.view, { restoring: true });
      setStatus("ready");
      stepInHistory(form.dataset.step);
      keepStep(form.dataset.step);
      if (data.view.welcome) keepNotice.innerHTML = data.view.welcome;
      backTo(place);
      // Python goes to that step first, so no view shows another one meanwhile.
      if (place.step && place.step !== firstStep) {
        post({ type: "step_chosen", step: place.step, quiet: true });
      }
      // The page now holds the draft and what was typed meanwhile: Python reads it all.
      post({ type: "fields_restored", values: typedValues() });
      if (keepingHere && remembered?.length) {
        post({ type: "conflicts_restored", conflicts: remembered });
      }
      if (mergeKeptOnReady && keepingHere) otherWindows.mergeStored();
      for (const event of pending.splice(0)) post(event);
      send = post;
      describeWorker = worker;
      return;
    }
    if (data.view.merged) otherWindows.applyMerged(data.view);
    else applyView(data.view);
  };
  const kept = keeping();
  keepingHere = kept;
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
  worker.postMessage({
    kind: "begin",
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
  });
}

// ----- What the family does -----

form.addEventListener("input", ({ target }) => {
  if (!target.matches("[data-field]")) return;
  if (form.dataset.python === "ready") {
    send({ type: "field_changed", path: target.name, value: target.value });
  } else {
    // Python reads every field once it starts; this only marks what it must not overwrite.
    typedBeforeReady.add(target.name);
  }
});

// Python stopped after it had started (an error in the worker, or the worker gone): the family
// is told at once, not left with "ready". What they typed stays on the page, printable, and
// counts as not kept: leaving asks first, and no file is made from answers older than the page.
function stopped() {
  for (const field of form.querySelectorAll("[data-field]")) {
    if (field.value) typedBeforeReady.add(field.name);
  }
  setStatus("failed");
  statusBox.querySelector(".fgc-status-text").textContent = statusBox.dataset.stopped;
}

function saveFile() {
  if (latestDraft === null || form.dataset.python === "failed") {
    return tell(panel.dataset.msgSaveUnavailable, "error");
  }
  const name = panel.dataset.fileName.replace("{date}", today());
  download(latestDraft, name, "application/json");
  tell(panel.dataset.msgFileSaved.replace("{name}", name));
  send({ type: "file_saved" });
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
function saveCalendar(calendar) {
  if (calendar.text) download(calendar.text, calendar.name, "text/calendar");
  form.querySelector("[data-calendar-notice]").innerHTML = calendar.message;
}

// What the family chose for the calendar file: its length, time zone, reminder, title.
function calendarChoices() {
  const choices = {};
  for (const input of form.querySelectorAll("[data-calendar-choice]")) {
    choices[input.name] = input.type === "checkbox" ? input.checked : input.value;
  }
  return choices;
}

const fileInput = panel.querySelector("[data-file-input]");
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

const confirmBox = panel.querySelector("[data-confirm]");

function deleteEverything() {
  confirmBox.hidden = true;
  history.replaceState({ fgcStep: history.state?.fgcStep }, "");
  keepingHere = false;
  showKeepChoice(null);
  // On the child's form, the child's own only; on the family's, everything but the child's own.
  forgetEverything(CHILDS ? { only: CHILD_PREFIX } : { spare: CHILD_PREFIX });
  otherWindows.tellDeleted();
  if (form.dataset.python === "ready") {
    send({ type: "everything_deleted" });
  } else {
    for (const field of form.querySelectorAll("[data-field]")) field.value = "";
    tell(panel.dataset.msgDeleted);
  }
  panel.querySelector("[data-action=delete_all]").focus();
}

const actions = {
  print: () => print({ blank: false }),
  print_blank: () => print({ blank: true }),
  save_file: saveFile,
  save_unreadable: () => {
    const unread = storedUnreadable ? storage.get(DRAFT_KEY) : storage.get(ASIDE_KEY);
    if (unread === null) return;
    const name = panel.dataset.fileName.replace("{date}", today());
    download(unread, name, "application/json");
  },
  save_file_first: saveFile,
  calendar_requested: () =>
    send({ type: "calendar_requested", now: new Date().toISOString(), choices: calendarChoices() }),
  open_file: () => fileInput.click(),
  delete_all: () => {
    const what = confirmBox.querySelector("[data-delete-what]");
    what.textContent = "";
    confirmBox.hidden = false;
    confirmBox.querySelector("p").focus();
    describeKept(storage.get(DRAFT_KEY) ?? latestDraft, (text) => {
      what.textContent = panel.dataset.msgDeleteWhat.replace("{what}", text);
    });
  },
  keep_chosen: keepChosen,
  python_retry: () => {
    // A new start: the browser keeps the files that did arrive, so it goes on from those.
    setStatus("starting");
    progressShown = 0;
    start();
  },
  delete_confirmed: deleteEverything,
  delete_cancelled: () => {
    confirmBox.hidden = true;
    panel.querySelector("[data-action=delete_all]").focus();
  },
};

form.addEventListener("click", (click) => {
  // An error summary's link takes the focus to its field (not only the view), as GOV.UK does.
  const link = click.target.closest(".fgc-error-summary a");
  if (link) {
    click.preventDefault();
    const field = document.getElementById(link.hash.slice(1));
    field?.focus();
    field?.closest(".fgc-field")?.scrollIntoView({ block: "start" });
    return;
  }
  const button = click.target.closest("button[data-action]");
  if (!button) return;
  const action = button.dataset.action;
  if (action in actions) return actions[action]();
  if (form.dataset.python === "failed") return tellNeedsPython(button);
  send({
    type: action,
    list: button.dataset.list,
    uid: button.dataset.uid,
    offset: Number(button.dataset.offset || 0),
    step: button.dataset.step,
  });
});

form.addEventListener("submit", (submit) => submit.preventDefault());

// ----- The theme's keyboard shortcuts are off on form pages -----
// Material opens its search on s, f and /, and goes to the next or previous page on n, . and p, ,
// when the focus is not in a field. On a form page a key meant for a field must never do that.
const THEME_SHORTCUTS = new Set(["s", "f", "/", "n", ".", "p", ","]);
window.addEventListener(
  "keydown",
  (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !THEME_SHORTCUTS.has(event.key)) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable]")) return;
    event.stopPropagation();
  },
  true,
);

// ----- Leaving the page with answers that are neither kept nor in a saved file -----
// The browser asks first, unless the family follows one of the site's own links (the language
// switch, the menu). Whatever way the page is left, the answers go along in this tab's memory
// (window.name: not the device's storage, never sent with a request, gone with the tab), and the
// next form page in this tab opens with them. Nothing is written to the device. (It is handed
// over before the page goes, at beforeunload: the browser takes a tab's name along when the next
// page starts loading, before the old page's pagehide.)

// The child's form hands over to itself only; an adult's form never reads the child's draft.
const HANDOVER = CHILDS ? "familieraadslagning-barn:" : "familieraadslagning-kladde:";
let unsaved = false;
let followingOwnLink = false;

function hasUnsavedAnswers() {
  // Without Python nothing typed is kept, whatever was chosen.
  if (form.dataset.python !== "ready") return typedBeforeReady.size > 0;
  // A text the family has not yet chosen to keep over another window's is in this window only.
  if (conflictsHere.length > 0) return true;
  if (draftIsKept()) return false;
  return unsaved;
}

// What another page of this tab handed over, read once and held for a second start.
let handedOverText;
function carried() {
  handedOverText ??= handedOver() ?? null;
  return handedOverText ?? undefined;
}

function handedOver() {
  const name = window.name;
  if (!name.startsWith(HANDOVER)) return undefined;
  window.name = "";
  return name.slice(HANDOVER.length);
}

// Where the page is going, when it knows (a link followed, a script's navigation): the answers
// go along only to the site's own pages. The browser's own navigations (the address bar, a
// reload) say nothing here; then the answers go along, as a reload needs them.
let leavingTo = null;

function leavingTheSite() {
  return leavingTo !== null && leavingTo.origin !== location.origin;
}

function handOver() {
  if (leavingTheSite()) {
    window.name = "";
    return;
  }
  if (document.documentElement.dataset.leaving || draftIsKept() || !unsaved) return;
  window.name = HANDOVER + latestDraft;
}

// The Navigation API (where the browser has it) tells the destination of every navigation the
// page starts, a script's included; whichever of it and "beforeunload" comes first, a tab going
// to another site carries nothing.
window.navigation?.addEventListener("navigate", (event) => {
  leavingTo = new URL(event.destination.url);
  if (leavingTheSite()) window.name = "";
});

// Also in this page's own entry in the tab's history (kept by the browser with the entry, in
// the tab's memory like window.name), so that the form reached again by Back shows the answers
// it had: the browser does not give window.name back on Back. Written as the answers change (a
// moment after), never while the page is being left: history must not change during Back.
let historyTimer;
function rememberInHistory(now = false) {
  clearTimeout(historyTimer);
  const write = () => {
    if (document.documentElement.dataset.leaving || draftIsKept() || !unsaved) return;
    if (history.state?.fgcDraft === latestDraft) return;
    try {
      history.replaceState({ ...history.state, fgcDraft: latestDraft }, "");
    } catch {
      // Too big for the history: window.name still carries it forward.
    }
  };
  if (now) write();
  else historyTimer = setTimeout(write, 1000);
}

// This window's texts still waiting for the family's choice against another window's, in this
// page's entry in the tab's history (the tab's memory, as above): a reload shows the choice
// again, with this window's text in the field.
function rememberConflicts(conflicts) {
  conflictsHere = conflicts;
  const before = history.state?.fgcConflicts ?? [];
  if (JSON.stringify(before) === JSON.stringify(conflicts)) return;
  if (document.documentElement.dataset.leaving) return;
  try {
    history.replaceState({ ...history.state, fgcConflicts: conflicts }, "");
  } catch {
    // Too big for the history: leaving the page still asks first.
  }
}

document.addEventListener("click", (click) => {
  const link = click.target.closest("a[href]");
  if (!link || link.hasAttribute("data-quick-exit") || link.hasAttribute("download")) return;
  const url = new URL(link.href, location.href);
  leavingTo = url;
  followingOwnLink = url.origin === location.origin && url.pathname !== location.pathname;
  if (followingOwnLink) {
    handOver();
    rememberInHistory(true);
  }
  // The same form in another language opens at the step the family is on.
  if (followingOwnLink && link.hasAttribute("hreflang") && form.dataset.python === "ready") {
    link.href = `${url.origin}${url.pathname}#trin-${form.dataset.step}`;
  }
});

window.addEventListener("beforeunload", (event) => {
  // "Leave this page" never waits for a question, and takes nothing along.
  if (document.documentElement.dataset.leaving) return;
  handOver();
  // Also into this page's history entry at once, not a moment later: a reload right after
  // typing finds the answers there even where the tab's name does not come along.
  if (!leavingTheSite()) rememberInHistory(true);
  if (followingOwnLink && latestDraft !== null) return;
  followingOwnLink = false;
  if (!hasUnsavedAnswers()) return;
  event.preventDefault();
  event.returnValue = "";
});

// Boot once the page has painted, so reading and typing never wait for Python.
requestAnimationFrame(() => setTimeout(start, 0));
