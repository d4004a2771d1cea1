"""The site's one stylesheet, joined from its parts in `styles/` (one file for each thing styled).

The parts are joined in the order below, which is the cascade's: where two rules decide the same
property of the same element with the same specificity, the later wins. A new part is added to
ORDER where its rules must come; a part on disk that ORDER leaves out, or a part ORDER names that
is not there, stops the build.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "styles"
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
    "forms/guests.css",
    "forms/plan.css",
    "forms/wishes.css",
)


class StylesheetError(Exception):
    pass


def parts(folder: Path = STYLES) -> list[str]:
    """Every stylesheet in the folder, by its path inside it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.css"))


def joined(folder: Path = STYLES, order: tuple[str, ...] = ORDER) -> str:
    """The parts' text, each whole, in `order`, a blank line between two."""
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
    return "\n".join((folder / name).read_text(encoding="utf-8") for name in order)


def write_stylesheet(site: Path, folder: Path = STYLES, order: tuple[str, ...] = ORDER) -> Path:
    """The joined stylesheet written where the pages link to it."""
    path = site / SERVED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(joined(folder, order), encoding="utf-8")
    return path
