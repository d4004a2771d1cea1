// The menu button on narrow screens (and at high zoom): Material's is a <label> for the menu's
// checkbox, which a keyboard cannot reach and a screen reader cannot name. With script, the
// header shows a real button in its place (overrides/partials/header.html, extra.css): it opens
// and closes the menu, says whether the menu is open (aria-expanded), and Escape closes the
// menu with the focus back on the button. While the menu is closed, extra.css hides it, so that
// its links are no Tab stops nobody can see.

(() => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector("[data-menu-button]");
  if (!drawer || !button) return;

  const show = () => button.setAttribute("aria-expanded", String(drawer.checked));
  drawer.addEventListener("change", show);
  show();

  // A click on the checkbox itself, as Material's label gives it: its change event included.
  button.addEventListener("click", () => drawer.click());

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !drawer.checked) return;
    drawer.click();
    button.focus();
  });
})();
