// The caseworker's booklet on the page for professionals: print the cover page and every blank
// form, the cover page alone, or one blank form. The pages are in the page already (made at
// build time); this only marks which of them print, and prints.

(() => {
  const booklet = document.querySelector("[data-booklet]");
  if (!booklet) return;
  const root = document.documentElement;
  const pages = [...booklet.querySelectorAll("[data-booklet-page]")];

  function done() {
    delete root.dataset.printing;
    for (const page of pages) page.classList.remove("fgc-booklet-page--printed");
  }

  booklet.addEventListener("click", (click) => {
    const button = click.target.closest("[data-booklet-print]");
    if (!button) return;
    const what = button.dataset.bookletPrint;
    root.dataset.printing = what;
    for (const page of pages) {
      const printed = what === "booklet" || page.dataset.bookletPage === what;
      page.classList.toggle("fgc-booklet-page--printed", printed);
    }
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  });
})();
