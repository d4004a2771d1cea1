// A link to a place inside a content tab (pymdownx.tabbed: "Danmark", "Grønland") opens that
// tab first, so the reader lands on what the link points to and not on the tab that happens to
// be open. Covers a link from another page or a search hit (the address's #part on arrival), a
// link or a table-of-contents entry on the same page (the click), and Back/Forward (hashchange).
// Material's own "content.tabs.link" only opens a tab from a link to the tab's label, and
// remembers the last tab chosen; this script runs after that and wins for the place linked to.

(() => {
  function targetOf(hash) {
    if (!hash || hash.length < 2) return null;
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return null;
    }
    const target = document.getElementById(id);
    return target && target.closest(".tabbed-block") ? target : null;
  }

  // The radio buttons to choose, outermost tab first, for a place inside (nested) tabs.
  function inputsFor(target) {
    const inputs = [];
    let block = target.closest(".tabbed-block");
    while (block) {
      const set = block.closest(".tabbed-set");
      const blocks = [...block.parentElement.children].filter((element) =>
        element.classList.contains("tabbed-block"),
      );
      const input = set.querySelectorAll(":scope > input")[blocks.indexOf(block)];
      if (input) inputs.unshift(input);
      block = set.parentElement.closest(".tabbed-block");
    }
    return inputs;
  }

  function openTabOf(target) {
    for (const input of inputsFor(target)) {
      if (!input.checked) input.click();
    }
  }

  function showTarget(hash) {
    const target = targetOf(hash);
    if (!target) return;
    openTabOf(target);
    target.scrollIntoView();
  }

  // A same-page link: open the tab before the browser follows the link, which then scrolls to a
  // place it can see.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a[href*='#']");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname !== location.pathname) return;
      const target = targetOf(url.hash);
      if (target) openTabOf(target);
    },
    true,
  );
  window.addEventListener("hashchange", () => showTarget(location.hash));
  showTarget(location.hash);
})();
