// Registers the service worker that keeps the site working offline, once the page is idle, so
// it never competes with what the family reads or with Python's start.

(() => {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script?.dataset.serviceWorker) return;
  // Without it the site still works online; there is nothing to tell the family.
  const register = () =>
    navigator.serviceWorker.register(script.dataset.serviceWorker).catch(() => {});
  const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(callback, 2000));
  window.addEventListener("load", () => whenIdle(register, { timeout: 10000 }));
})();
