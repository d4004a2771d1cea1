// A page of the site shown inside another site's frame shows nothing of itself, only a link
// that opens it in its own window: a page under someone else's frame could be made to take a
// click meant for something else ("Slet alt"'s confirmation, say). A server that sends the
// site's headers (scripts/host/nginx-familieraad.conf, _headers) forbids such frames outright
// (frame-ancestors); this is what a page can do alone where the host sends no headers.
//
// The first script of every page, before any button of the page does anything.

(() => {
  function framedByAnotherSite() {
    if (window.top === window.self) return false;
    try {
      return window.top.location.origin !== window.location.origin;
    } catch {
      return true; // another origin's window may not even be looked at
    }
  }

  if (!framedByAnotherSite()) return;
  const script = document.currentScript;
  const link = document.createElement("a");
  link.href = window.location.href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.textContent = script.dataset.link;
  link.style.textDecoration = "underline"; // the theme's links have none; this one stands alone
  const paragraph = document.createElement("p");
  paragraph.append(link);
  document.body.replaceChildren(paragraph);
  // Whatever the page's later scripts would add stays out of sight too.
  new MutationObserver(() => {
    if (document.body.firstChild !== paragraph || document.body.childNodes.length !== 1) {
      document.body.replaceChildren(paragraph);
    }
  }).observe(document.body, { childList: true });
})();
