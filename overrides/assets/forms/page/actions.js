// What the family does on the form: typing (sent to Python), and the buttons. A button's
// `data-action` is either done here, by the page's actions table below (work only a browser can
// do: print, files, the device's storage), or sent to Python as a message (messages.js).
// tests/unit/test_page_contract.py holds this table and the buttons Python draws to each other.

import { buttonMessage } from "../messages.js";
import { CHILDS, DRAFT_KEY, confirmBox, form, here, panel, typedBeforeReady } from "./shell.js";
import { resetProgress, setStatus, tell, tellNeedsPython } from "./notices.js";
import { keepChosen, showKeepChoice, storage } from "./storage.js";
import { otherWindows } from "./other-windows.js";
import { askForCalendar, openFile, saveFile, saveUnreadable } from "./files.js";
import { describeKept, send, start } from "./worker-client.js";

const { CHILD_PREFIX, forgetEverything } = window.fgcDevice;

function print({ blank }) {
  form.classList.toggle("fgc-print-blank", blank);
  window.addEventListener("afterprint", () => form.classList.remove("fgc-print-blank"), {
    once: true,
  });
  window.print();
}

function deleteEverything() {
  confirmBox.hidden = true;
  history.replaceState({ fgcStep: history.state?.fgcStep }, "");
  here.keepingHere = false;
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
  save_unreadable: saveUnreadable,
  save_file_first: saveFile,
  calendar_requested: askForCalendar,
  open_file: openFile,
  delete_all: () => {
    const what = confirmBox.querySelector("[data-delete-what]");
    what.textContent = "";
    confirmBox.hidden = false;
    confirmBox.querySelector("p").focus();
    describeKept(storage.get(DRAFT_KEY) ?? here.latestDraft, (text) => {
      what.textContent = panel.dataset.msgDeleteWhat.replace("{what}", text);
    });
  },
  keep_chosen: keepChosen,
  python_retry: () => {
    // A new start: the browser keeps the files that did arrive, so it goes on from those.
    setStatus("starting");
    resetProgress();
    start();
  },
  delete_confirmed: deleteEverything,
  delete_cancelled: () => {
    confirmBox.hidden = true;
    panel.querySelector("[data-action=delete_all]").focus();
  },
};

form.addEventListener("input", ({ target }) => {
  if (!target.matches("[data-field]")) return;
  if (form.dataset.python === "ready") {
    send({ type: "field_changed", path: target.name, value: target.value });
  } else {
    // Python reads every field once it starts; this only marks what it must not overwrite.
    typedBeforeReady.add(target.name);
  }
});

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
  send(buttonMessage(button));
});

form.addEventListener("submit", (submit) => submit.preventDefault());
