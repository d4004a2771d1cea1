// The device's keeping: the family's choice to keep (or not), and the draft, the file record
// and the step written to the device's storage, only once that choice is made. The one choice
// covers the draft, the offline copy and the kept Python together.

import {
  ASIDE_KEY,
  CHILDS,
  DRAFT_KEY,
  FILE_KEY,
  KEEP_KEY,
  STEP_KEY,
  draftNotice,
  form,
  here,
  keepBox,
  keepNotice,
  panel,
  statusBox,
} from "./shell.js";
import { tell } from "./notices.js";
import { otherWindows } from "./other-windows.js";
import { describeKept } from "./worker-client.js";

const { LEAVE_KEY, askToPersist, canKeepSite, keepSite } = window.fgcDevice;

// Whether this form's draft is kept on the device (the family's choice, or on the child's form
// the child's own).
export function keeping() {
  try {
    return window.localStorage.getItem(KEEP_KEY) === "ja";
  } catch {
    return false;
  }
}

export const storage = {
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

export const keptHere = () => here.keepingHere;

export function showKeepChoice(value) {
  for (const choice of keepBox.querySelectorAll("input[name=fgc-keep]")) {
    choice.checked = choice.value === value;
  }
}

// Whether what this page holds is kept on the device now: this window keeps (a window opened
// before another one chose to keep does not), the device still does, and the last write worked.
export function draftIsKept() {
  return keptHere() && keeping() && !here.lastWriteFailed;
}

export function keepDraft() {
  // Both: this window's choice (another window may have just deleted everything) and the device's.
  if (!keptHere() || !keeping()) return;
  if (here.latestKept !== null && otherWindows.mayStore()) {
    here.lastWriteFailed = !storage.set(DRAFT_KEY, here.latestKept);
    if (!here.lastWriteFailed) otherWindows.stored(here.latestKept);
  }
}

// Written only when this window's record changes (or the family chooses to keep), so a window
// left open never writes back an older one over another window's.
export function keepFileRecord() {
  if (!keeping()) return;
  if (here.latestFileRecord === null) storage.remove(FILE_KEY);
  else storage.set(FILE_KEY, JSON.stringify(here.latestFileRecord));
}

export function keepStep(step) {
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

// With leaveDeletes, "Leave this page" deletes everything kept, too (assets/quick-exit.js).
async function keepOnDevice(leaveDeletes = false) {
  if (here.storedUnreadable) {
    const unread = storage.get(DRAFT_KEY);
    if (unread !== null && !storage.set(ASIDE_KEY, unread)) return false;
    here.storedUnreadable = false;
    draftNotice.replaceChildren();
  }
  if (!storage.set(KEEP_KEY, "ja")) return false;
  here.keepingHere = true;
  if (!CHILDS) {
    if (leaveDeletes) storage.set(LEAVE_KEY, "ja");
    else storage.remove(LEAVE_KEY);
    document.documentElement.toggleAttribute("data-leave-deletes", leaveDeletes);
  }
  keepDraft();
  if (here.lastWriteFailed) {
    // The device is full: nothing is kept after all, and the family is told that one thing.
    storage.remove(KEEP_KEY);
    here.keepingHere = false;
    here.lastWriteFailed = false;
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
  here.keepingHere = false;
  storage.remove(KEEP_KEY);
  otherWindows.base = null;
  tell(panel.dataset.msgKeepOff, "done", { box: keepNotice });
  const stored = storage.get(DRAFT_KEY);
  if (stored === null) return;
  describeKept(stored, (what) => {
    if (here.keepingHere) return;
    tell(panel.dataset.msgKeepOffStillKept.replace("{what}", what), "done", {
      more: true,
      box: keepNotice,
    });
  });
}

// "Use this choice": keep on this device (and perhaps delete it all on leaving), or keep nothing.
export async function keepChosen() {
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

// Keeping stops in this window (another window deleted everything, or chose to keep nothing).
export function stopKeepingHere() {
  here.keepingHere = false;
  showKeepChoice(null);
}
