// What every part of a form page shares: the form's elements, the keys under which this form
// keeps things on the device, and what this window holds now. The text the family types is the
// page's own: a view never overwrites a field the family has typed in, except when the family
// itself opens a file or deletes everything.

import { BETWEEN_WINDOWS } from "../messages.js";

// What the site keeps on the device, and deleting it: assets/device.js, a plain script.
const { CHILD_PREFIX, KEEP_KEY: FAMILY_KEEP_KEY, PREFIX } = window.fgcDevice;

export const form = document.querySelector("form.fgc-form");
export const panel = form.querySelector("[data-draft]");
export const draftNotice = panel.querySelector("[data-draft-notice]");
// The choice to keep the draft on the device is asked before the first step.
export const keepBox = form.querySelector("[data-keep]");
export const keepNotice = keepBox.querySelector("[data-keep-notice]");
export const statusBox = form.querySelector("[data-status]");
export const retryBox = form.querySelector("[data-retry]");
export const conflictBox = form.querySelector("[data-conflict]");
export const confirmBox = panel.querySelector("[data-confirm]");
export const fileInput = panel.querySelector("[data-file-input]");
export const baseTitle = document.title;

// The child's form is the child's (forms/definitions/wishes.toml, own_draft): its own choice about
// keeping and its own draft, under keys of its own, never the family's "yes" nor the family's
// draft or file; nothing carried between it and the adults' forms in this tab's memory either.
export const CHILDS = form.hasAttribute("data-own-draft");
const KEYS_START = CHILDS ? CHILD_PREFIX : PREFIX;
export const KEEP_KEY = CHILDS ? `${CHILD_PREFIX}gem-paa-enheden` : FAMILY_KEEP_KEY;
export const DRAFT_KEY = `${KEYS_START}kladde`;
// When the draft was last saved to a file (forms/file_status.py says what it holds).
export const FILE_KEY = `${KEYS_START}gemt-som-fil`;
// The step each form was on, kept with the draft: the next visit opens there.
export const STEP_KEY = `${KEYS_START}trin`;
// A kept draft this page could not read (from a newer version of the site, say), set aside
// before this page keeps anything of its own.
export const ASIDE_KEY = `${KEYS_START}kladde-ulaeselig`;
// "Delete everything" on the child's form deletes the child's own only, and is told as such.
export const DELETED = CHILDS ? BETWEEN_WINDOWS.deleted_child : BETWEEN_WINDOWS.deleted;
export const CHANNEL = `${PREFIX}vinduer`;

// This form's keys: the child's own, or the family's (every key of the site but the child's).
export const ours = (key) =>
  CHILDS ? key.startsWith(CHILD_PREFIX) : key.startsWith(PREFIX) && !key.startsWith(CHILD_PREFIX);

// What this window holds now.
export const here = {
  // The draft as Python last wrote it.
  latestDraft: null,
  // What the device keeps of it: the same, except where the family has still to choose between
  // this window's text and another window's (then the other's, as stored; see other-windows.js).
  latestKept: null,
  // Those texts of this window, by their place in the form, which only this tab holds.
  conflictsHere: [],
  // When the draft was last saved to a file, as Python said.
  latestFileRecord: null,
  // Whether this window keeps (the choice made here with "Use this choice", or found kept at
  // start); keeping() in storage.js says what the device holds now. Moving through the two
  // choices with the arrow keys changes nothing until the family presses the button.
  keepingHere: false,
  // Whether the last time this window wrote the draft, the device refused it (full storage):
  // then the answers count as not kept, whatever was chosen, until a write succeeds again.
  lastWriteFailed: false,
  // The kept draft could not be read: not written over until the family chooses to keep again.
  storedUnreadable: false,
  // Whether the answers are neither kept nor in a saved file, as Python said.
  unsaved: false,
};

// Fields typed in before Python was ready (or after it stopped): Python must not overwrite them.
export const typedBeforeReady = new Set();

export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function typedValues() {
  const values = {};
  for (const field of form.querySelectorAll("[data-field]")) values[field.name] = field.value;
  return values;
}

export function fieldNamed(path) {
  return form.querySelector(`[data-field][name="${CSS.escape(path)}"]`);
}
