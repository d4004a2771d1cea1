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

  // A second table under the same heading is named by the heading and its own column headings,
  // so no two regions of the page have the same name (axe's landmark-unique).
  function name(box, heading, named) {
    const count = (named.get(heading.id) || 0) + 1;
    named.set(heading.id, count);
    const row = box.querySelector("thead tr");
    if (count === 1 || !row) return heading.id;
    row.id = row.id || `${heading.id}-table-${count}`;
    return `${heading.id} ${row.id}`;
  }

  function reachable() {
    const named = new Map();
    for (const box of document.querySelectorAll(".md-typeset__scrollwrap[aria-labelledby]")) {
      const first = box.getAttribute("aria-labelledby").split(" ")[0];
      named.set(first, (named.get(first) || 0) + 1);
    }
    for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
      box.setAttribute("tabindex", "0");
      const heading = headingBefore(box);
      if (heading) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", name(box, heading, named));
      }
    }
  }

  if (window.document$) window.document$.subscribe(reachable);
  else reachable();
})();
