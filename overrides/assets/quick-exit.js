// Leave the site at once: the "leave this page" link, or the Shift key pressed three times.
// The page is blanked first; what this tab holds (answers carried between pages) is dropped;
// where the family set it so (the keep choice, assets/device.js), everything the site kept on
// this device is deleted too (waiting for that at most FORGET_MS; what a busy browser has not
// done by then, the next page of the site to open finishes, assets/device.js); then the page is replaced
// (not added to) in the browser's history, and this tab marked as left, so that Back never shows
// the site again (assets/left.js). One tap by mistake loses nothing kept: the page is hidden,
// not the family's work, unless they chose that.

(() => {
  const FORGET_MS = 1000;
  const { forgetEverything, leaveDeletes } = window.fgcDevice;
  const LEFT = "familieraadslagning.forladt";
  const link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  const SHIFT_PRESSES = 3;
  const WITHIN_MS = 1500;
  let presses = [];

  function leave(event) {
    event?.preventDefault();
    // Nothing goes along to another page of the site either (assets/forms/form-page.js).
    document.documentElement.dataset.leaving = "yes";
    window.name = "";
    document.title = "";
    document.body.replaceChildren();
    const away = () => {
      try {
        window.sessionStorage.setItem(LEFT, "ja");
      } catch {
        // Without it, Back shows the blanked page, then the site again.
      }
      window.location.replace(link.href);
    };
    const forget = leaveDeletes() ? forgetEverything() : Promise.resolve();
    Promise.race([forget, new Promise((done) => setTimeout(done, FORGET_MS))]).then(away, away);
  }

  // The banner's button, and on a narrow screen the header's (overrides/partials/header.html).
  for (const button of document.querySelectorAll("[data-quick-exit]")) {
    button.addEventListener("click", leave);
  }

  // Only Shift pressed and let go on its own counts: Shift+Tab (going back by keyboard) and
  // capital letters never do, and any other key starts the count again.
  let shiftAlone = false;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    presses = [];
  });
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    const now = performance.now();
    presses = presses.filter((time) => now - time < WITHIN_MS).concat(now);
    if (presses.length >= SHIFT_PRESSES) leave(event);
  });
})();
