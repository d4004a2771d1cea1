// Other windows of the same browser: what one stores, the others merge in.
// Each window remembers the stored draft it last wrote or read (its base). When another window
// has stored a different one, Python merges the three before this window stores anything, and
// this window then stores the result only where it differs from the other's: so windows settle
// on one draft instead of answering each other forever. "Delete everything" is told to the
// other windows on a channel of their own, since on storage alone it looks like "do not keep".

import {
  CHANNEL,
  DELETED,
  DRAFT_KEY,
  KEEP_KEY,
  conflictBox,
  fieldNamed,
  form,
  here,
  ours,
} from "./shell.js";
import { sayStatus, tell } from "./notices.js";
import { keepDraft, keptHere, stopKeepingHere, storage } from "./storage.js";
import { applyView } from "./view.js";
import { send } from "./worker-client.js";

export const otherWindows = {
  base: null,
  merging: 0,
  shownConflict: "",
  channel: "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null,

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
      const field = fieldNamed(path);
      if (!field) continue;
      const typingHere = field === typing && document.hasFocus();
      if (!typingHere && field.value === (view.merged.before?.[path] ?? field.value)) continue;
      delete view.values[path];
      keptTexts.push([path, theirs]);
    }
    // Nor is the focus taken from a field the family is typing in: the status line says it.
    const conflictNews = Boolean(typing && view.focus === "fgc-conflict-intro");
    if (conflictNews) view.focus = null;
    here.latestDraft = view.draft;
    here.latestKept = view.kept ?? view.draft;
    applyView(view);
    if (conflictNews) {
      const intro = conflictBox.querySelector("#fgc-conflict-intro")?.textContent;
      if (intro) sayStatus(intro);
    }
    for (const [path, theirs] of keptTexts) {
      const field = fieldNamed(path);
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
    stopKeepingHere();
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
