// Leave the site at once: the "leave this page" link, or Alt+Shift+Q.
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

  function leave(event) {
    event?.preventDefault();
    // Nothing goes along to another page of the site either (assets/forms/page/leaving.js).
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

  // Alt+Shift+Q (Option+Shift+Q on a Mac), from anywhere on the page, a form's fields included.
  // Not Shift pressed three times, as GOV.UK's "Exit this page" has it: a screen reader's users
  // press Shift (NVDA) or Control on its own to stop the speech, and would leave the site by
  // mistake; Escape closes the search and a field's suggestions, and switches a screen reader
  // out of its forms mode. Screen readers leave Alt+Shift with a letter to the page. The key's
  // place, not its letter, is read: Option+Shift+Q types "Œ" on a Mac.
  document.addEventListener("keydown", (event) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code === "KeyQ" || event.key.toLowerCase() === "q") leave(event);
  }, true);
})();
