// The page side of a form: sends what the family does to the Python worker and shows its views;
// owns what only a page can do: the device's storage, saving and opening files, printing. Each
// job is a module of its own in page/:
//   shell.js          what the modules share: the form's elements, its keys, this window's state
//   notices.js        the status line and the notices
//   storage.js        the device's keeping (the family's choice, the draft, the file record)
//   other-windows.js  other windows of the same browser: merging, "delete everything"
//   worker-client.js  starting Python in its worker, sending to it, its answers
//   view.js           applying a view from Python to the page
//   steps.js          steps as the tab's history, and the step kept for the next visit
//   files.js          saving and opening files, the calendar file
//   leaving.js        leaving with unsaved answers: asking first, handing them to the next page
//   actions.js        what the family does: typing, and the page's actions table
//   shortcuts.js      the theme's keyboard shortcuts off on form pages
// Every message between the page, the worker and Python is defined in messages.js.

import "./page/shortcuts.js";
import "./page/leaving.js";
import "./page/actions.js";
import { start } from "./page/worker-client.js";

// Boot once the page has painted, so reading and typing never wait for Python.
requestAnimationFrame(() => setTimeout(start, 0));
