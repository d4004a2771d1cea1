// Registers the service worker that keeps the site working offline, once the page is idle, so
// it never competes with what the family reads or with Python's start.

(() => {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script?.dataset.serviceWorker) return;
  // Without it the site still works online; there is nothing to tell the family.
  const register = () =>
    navigator.serviceWorker.register(script.dataset.serviceWorker).catch(() => {});
  const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(callback, 2000));
  // On a form page, only once Python has started (or failed): the worker's download of the
  // whole site must not slow down the first start of the form's help.
  const form = document.querySelector("form.fgc-form");
  const started = () => !form || form.dataset.python !== "starting";
  window.addEventListener("load", () => {
    const wait = () => (started() ? whenIdle(register, { timeout: 10000 }) : setTimeout(wait, 500));
    wait();
  });
})();
