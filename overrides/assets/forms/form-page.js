// The page side of a form: sends what the family does to the Python worker and shows its views.
// The text the family types is always the page's own: a view never overwrites a field's value.

const form = document.querySelector("form.fgc-form");
const BOOT_TIMEOUT_MS = 60000;
// Until Python is ready, what the family clicks waits here; then send() posts to the worker.
const pending = [];
let send = (event) => pending.push(event);

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

function setStatus(state) {
  form.dataset.python = state;
  const status = form.querySelector("[data-status]");
  status.querySelector(".fgc-status-text").textContent = status.dataset[state];
}

function applyView(view) {
  for (const [name, list] of Object.entries(view.lists)) {
    const items = form.querySelector(`[data-items-for="${name}"]`);
    if (items.dataset.structure === list.key) continue;
    const typed = typedValues();
    items.innerHTML = list.html;
    items.dataset.structure = list.key;
    for (const field of items.querySelectorAll("[data-field]")) {
      if (field.name in typed) field.value = typed[field.name];
    }
  }
  for (const box of form.querySelectorAll("[data-coach-for]")) {
    const html = view.coaching[box.dataset.coachFor] || "";
    if (box.innerHTML !== html) box.innerHTML = html;
  }
  form.querySelector("[data-document]").innerHTML = view.document;
  if (view.focus) document.getElementById(view.focus)?.focus();
  if (view.announce) form.querySelector(".fgc-status-text").textContent = view.announce;
}

function start() {
  let worker;
  const fail = () => {
    if (form.dataset.python === "starting") setStatus("failed");
    worker?.terminate();
  };
  const timer = setTimeout(fail, BOOT_TIMEOUT_MS);
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
    if (data.kind === "ready") {
      clearTimeout(timer);
      performance.mark("python-ready");
      // What was typed while Python started comes first, then anything clicked meanwhile.
      post({ type: "fields_restored", values: typedValues() });
      for (const event of pending.splice(0)) post(event);
      send = post;
      setStatus("ready");
      return;
    }
    applyView(data.view);
  };
  worker.postMessage({
    kind: "begin",
    pyodideURL: new URL(form.dataset.pyodide, location.href).href,
    formId: form.dataset.form,
    language: form.dataset.lang,
    today: today(),
  });
}

form.addEventListener("input", ({ target }) => {
  // Before Python is ready there is nothing to send: it reads every field once it starts.
  if (target.matches("[data-field]") && form.dataset.python === "ready") {
    send({ type: "field_changed", path: target.name, value: target.value });
  }
});

form.addEventListener("click", (click) => {
  const button = click.target.closest("button[data-action]");
  if (!button) return;
  if (button.dataset.action === "print") return window.print();
  send({
    type: button.dataset.action,
    list: button.dataset.list,
    uid: button.dataset.uid,
    offset: Number(button.dataset.offset || 0),
  });
});

form.addEventListener("submit", (submit) => submit.preventDefault());

// Boot once the page has painted, so reading and typing never wait for Python.
requestAnimationFrame(() => setTimeout(start, 0));
