// The caseworker's booklet on the page for professionals: print the cover page and every blank
// form, the cover page alone, or one blank form. The pages are in the page already (made at
// build time); this only marks which of them print, and prints. Where the site's edition sets
// no public address, the cover gets the address it is printed from: the site's start page as
// this browser reaches it (there is then no QR code: it is made at build time only).

(() => {
  const booklet = document.querySelector("[data-booklet]");
  if (!booklet) return;
  const root = document.documentElement;
  const pages = [...booklet.querySelectorAll("[data-booklet-page]")];
  for (const address of booklet.querySelectorAll("[data-booklet-address]")) {
    address.textContent = new URL(address.dataset.bookletAddress, location.href).href;
  }

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
