// Steps as the browser's history, and the step kept for the next visit. Each step the family
// goes to is an entry in the tab's history, so the phone's Back goes one step back (as on
// GOV.UK), not off the form. The step is kept with the draft where the family keeps it, and the
// tab's history remembers it for a language switch or a reload. Also: where the family is on
// the page while Python starts, and back to that place once it has.

import { STEP_KEY, draftNotice, form, keepNotice, statusBox } from "./shell.js";
import { sayStatus } from "./notices.js";
import { keepStep, keeping, storage } from "./storage.js";
import { send } from "./worker-client.js";

// The language switch takes the step along in the address (#trin-<step>), read once here.
const STEP_HASH = /^#trin-([a-z_]+)$/;
const switchedAt = location.hash.match(STEP_HASH)?.[1];
if (switchedAt) history.replaceState(history.state, "", location.pathname + location.search);

export function rememberedStep() {
  if (history.state?.fgcStep) return history.state.fgcStep;
  if (switchedAt) return switchedAt;
  const kept = keeping() ? storage.get(STEP_KEY) : null;
  try {
    return kept ? JSON.parse(kept)[form.dataset.form] : undefined;
  } catch {
    return undefined;
  }
}

let steppingBack = false;
export function stepInHistory(step) {
  if (history.state?.fgcStep === step) return;
  if (steppingBack || !history.state?.fgcStep) {
    history.replaceState({ ...history.state, fgcStep: step }, "");
  } else {
    history.pushState({ fgcStep: step }, "");
  }
}

window.addEventListener("popstate", ({ state }) => {
  if (!state?.fgcStep || form.dataset.python !== "ready") return;
  if (state.fgcStep === form.dataset.step) return;
  steppingBack = true;
  send({ type: "step_chosen", step: state.fgcStep });
});

// One step at a time once Python leads; before that (or without it) every step shows.
export function showStep(step) {
  // What was told on the step before (an answer added, a choice made) is old news on this one.
  // (The status line is written only when its text changes: a screen reader says it anew each
  // time it is written. A kept draft that could not be read stays offered as a file.)
  if (step !== form.dataset.step && form.dataset.python === "ready") {
    sayStatus(statusBox.dataset.ready, { onlyIfNew: true });
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
export function whereTheFamilyIs() {
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
export function backTo(place) {
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
