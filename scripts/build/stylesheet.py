"""The site's one stylesheet, joined from its parts in `styles/` (one file for each thing styled)
and each form's own styles in its folder (`forms/catalogue/<id>/*.css`).

The parts are joined in the order below, which is the cascade's: where two rules decide the same
property of the same element with the same specificity, the later wins. A new part is added to
ORDER where its rules must come; a part on disk that ORDER leaves out, or a part ORDER names that
is not there, stops the build. The forms' own styles come last, form by form (by id), so that a
form's rule wins over the site's where they tie.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "styles"
CATALOGUE = ROOT / "forms" / "catalogue"
# Where the pages link to it (mkdocs.yml's extra_css), below the site's root.
SERVED = "assets/stylesheets/extra.css"
ORDER = (
    "base.css",
    "form-fields.css",
    "document.css",
    # After the fields and the document it hides or reshapes on paper; before the parts whose
    # own rules for paper must win over it (a select keeps its width, the blank template).
    "print.css",
    "form-steps.css",
    "exit-button.css",
    "pages.css",
    "booklet.css",
)


class StylesheetError(Exception):
    pass


def parts(folder: Path = STYLES) -> list[str]:
    """Every stylesheet in the folder, by its path inside it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.css"))


def form_styles(catalogue: Path = CATALOGUE) -> list[Path]:
    """Each form's own stylesheets, in its folder: by the form's id, then by name."""
    return sorted(catalogue.glob("*/*.css"), key=lambda path: (path.parent.name, path.name))


def joined(
    folder: Path = STYLES, order: tuple[str, ...] = ORDER, catalogue: Path | None = CATALOGUE
) -> str:
    """The parts' text, each whole, in `order`, then the forms' own; a blank line between two."""
    found = parts(folder)
    problems = []
    if twice := sorted({name for name in order if order.count(name) > 1}):
        problems.append(f"named twice in the order: {', '.join(twice)}")
    if missing := [name for name in order if name not in found]:
        problems.append(f"in the order but not in {folder}: {', '.join(missing)}")
    if unlisted := [name for name in found if name not in order]:
        problems.append(f"in {folder} but not in the order: {', '.join(unlisted)}")
    if problems:
        raise StylesheetError("The stylesheet's parts: " + "; ".join(problems))
    paths = [folder / name for name in order]
    paths += form_styles(catalogue) if catalogue is not None else []
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


def write_stylesheet(
    site: Path,
    folder: Path = STYLES,
    order: tuple[str, ...] = ORDER,
    catalogue: Path | None = CATALOGUE,
) -> Path:
    """The joined stylesheet written where the pages link to it."""
    path = site / SERVED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(joined(folder, order, catalogue), encoding="utf-8")
    return path
