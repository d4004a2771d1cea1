// The menu button on narrow screens (and at high zoom) is Material's <label> for the drawer's
// checkbox; the header template makes it a named button in the Tab order. Material's keys open
// it on Enter; this adds Space, as on any button, says whether the menu is open (aria-expanded),
// and closes it on Escape with the focus back on the button. While the menu is closed, extra.css
// hides it, so that its links are no Tab stops nobody can see.

(() => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector("[data-menu-button]");
  if (!drawer || !button) return;

  const show = () => button.setAttribute("aria-expanded", String(drawer.checked));
  drawer.addEventListener("change", show);
  show();

  button.addEventListener("keydown", (event) => {
    if (event.key !== " ") return;
    event.preventDefault();
    button.click();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    button.focus();
  });
})();
