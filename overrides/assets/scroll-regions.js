// A table wider than the screen slides sideways in its own box (Material's wrapper around
// tables). The box is made reachable by keyboard, so the arrow keys can slide it (WCAG 2.1.1;
// axe's scrollable-region-focusable), and named by the heading above it for a screen reader.
// Runs after Material's script has put the wrappers in (its document$ tells when).

(() => {
  function headingBefore(element) {
    for (let node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && node.id) return node;
    }
    return null;
  }

  function reachable() {
    for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      box.setAttribute("tabindex", "0");
      const heading = headingBefore(box);
      if (heading) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", heading.id);
      }
    }
  }

  if (window.document$) window.document$.subscribe(reachable);
  else reachable();
})();
