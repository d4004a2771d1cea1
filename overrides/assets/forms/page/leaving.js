// Leaving the page with answers that are neither kept nor in a saved file. The browser asks
// first, unless the family follows one of the site's own links (the language switch, the
// menu). Whatever way the page is left, the answers go along in this tab's memory (window.name:
// not the device's storage, never sent with a request, gone with the tab), and the next form
// page in this tab opens with them. Nothing is written to the device. (It is handed over before
// the page goes, at beforeunload: the browser takes a tab's name along when the next page
// starts loading, before the old page's pagehide.) "Leave this page" (assets/quick-exit.js)
// marks the page as leaving: then nothing goes along, and nothing is asked.

import { CHILDS, form, here, typedBeforeReady } from "./shell.js";
import { draftIsKept } from "./storage.js";

// The child's form hands over to itself only; an adult's form never reads the child's draft.
const HANDOVER = CHILDS ? "familieraadslagning-barn:" : "familieraadslagning-kladde:";
let followingOwnLink = false;

const leaving = () => document.documentElement.dataset.leaving;

function hasUnsavedAnswers() {
  // Without Python nothing typed is kept, whatever was chosen.
  if (form.dataset.python !== "ready") return typedBeforeReady.size > 0;
  // A text the family has not yet chosen to keep over another window's is in this window only.
  if (here.conflictsHere.length > 0) return true;
  if (draftIsKept()) return false;
  return here.unsaved;
}

// What another page of this tab handed over, read once and held for a second start.
let handedOverText;
export function carried() {
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
  if (leaving() || draftIsKept() || !here.unsaved) return;
  window.name = HANDOVER + here.latestDraft;
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
export function rememberInHistory(now = false) {
  clearTimeout(historyTimer);
  const write = () => {
    if (leaving() || draftIsKept() || !here.unsaved) return;
    if (history.state?.fgcDraft === here.latestDraft) return;
    try {
      history.replaceState({ ...history.state, fgcDraft: here.latestDraft }, "");
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
export function rememberConflicts(conflicts) {
  here.conflictsHere = conflicts;
  const before = history.state?.fgcConflicts ?? [];
  if (JSON.stringify(before) === JSON.stringify(conflicts)) return;
  if (leaving()) return;
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
  if (leaving()) return;
  handOver();
  // Also into this page's history entry at once, not a moment later: a reload right after
  // typing finds the answers there even where the tab's name does not come along.
  if (!leavingTheSite()) rememberInHistory(true);
  if (followingOwnLink && here.latestDraft !== null) return;
  followingOwnLink = false;
  if (!hasUnsavedAnswers()) return;
  event.preventDefault();
  event.returnValue = "";
});
