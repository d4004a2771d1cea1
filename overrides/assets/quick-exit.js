// Leave the site at once: the "leave this page" link, or the Shift key pressed three times.
// The page is blanked first, then replaced (not added to) in the browser's history.

(() => {
  const link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  const SHIFT_PRESSES = 3;
  const WITHIN_MS = 1500;
  let presses = [];

  function leave(event) {
    event?.preventDefault();
    document.title = "";
    document.body.replaceChildren();
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift" || event.repeat) return;
    const now = performance.now();
    presses = presses.filter((time) => now - time < WITHIN_MS).concat(now);
    if (presses.length >= SHIFT_PRESSES) leave(event);
  });
})();
