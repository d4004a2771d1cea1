// The theme's keyboard shortcuts are off on form pages. Material opens its search on s, f and
// /, and goes to the next or previous page on n, . and p, , when the focus is not in a field.
// On a form page a key meant for a field must never do that.

const THEME_SHORTCUTS = new Set(["s", "f", "/", "n", ".", "p", ","]);
window.addEventListener(
  "keydown",
  (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !THEME_SHORTCUTS.has(event.key)) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable]")) return;
    event.stopPropagation();
  },
  true,
);
