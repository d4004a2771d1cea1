"""Where the forms are: each form a folder of a catalogue, `<root>/<id>/`, holding its `form.toml`
(its steps, fields, lists, texts, examples and what the core takes from it: its roles, its
meetings, its place in the booklet, its page) and, only where it needs them, its hooks
(`hooks.py`, forms/hooks.py says which) and the modules they use.

The site's catalogue is `forms/catalogue/`; a test adds another root (`added_root`) for a form
of its own. Folders are listed through the modules' own loader: a folder on disk here, the zip
that zipimport reads in the browser (where only the site's catalogue is)."""

import importlib
import importlib.util
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FORM_FILE = "form.toml"
HOOKS = "hooks"


@dataclass(frozen=True)
class Root:
    """A folder of form folders; `package` is its import name where it is a package inside
    forms/ (and so also inside the browser's zip), None for a folder elsewhere (a test's)."""

    folder: Path
    package: str | None = None


SITE = Root(Path(__file__).parent / "catalogue", "forms.catalogue")
_roots: list[Root] = [SITE]


def roots() -> tuple[Root, ...]:
    return tuple(_roots)


@contextmanager
def added_root(root: Root):
    """The catalogue with another root's forms in it, for as long as the block runs."""
    _roots.append(root)
    _forget()
    try:
        yield root
    finally:
        _roots.remove(root)
        _forget()


def _forget() -> None:
    catalogue.cache_clear()


def _form_folders(root: Root) -> list[str]:
    """The names of the root's folders that hold a form.toml."""
    loader = __spec__.loader
    archive = getattr(loader, "archive", None)  # imported from a zip by zipimport
    if archive is None or not str(root.folder).startswith(archive):
        return sorted(path.parent.name for path in root.folder.glob(f"*/{FORM_FILE}"))
    import zipfile

    inside = Path(root.folder).relative_to(archive).as_posix() + "/"
    with zipfile.ZipFile(archive) as zipped:
        names = [name.removeprefix(inside) for name in zipped.namelist() if name.startswith(inside)]
    ends = f"/{FORM_FILE}"
    return sorted(
        name.removesuffix(ends) for name in names if name.count("/") == 1 and name.endswith(ends)
    )


@cache
def catalogue() -> dict[str, Root]:
    """Every form's id -> the root its folder is in, the site's forms first."""
    found: dict[str, Root] = {}
    for root in _roots:
        for form_id in _form_folders(root):
            if form_id in found:
                raise ValueError(f"two forms called {form_id!r}")
            found[form_id] = root
    return found


def folder(form_id: str) -> Path:
    return catalogue()[form_id].folder / form_id


def read_form_file(form_id: str) -> bytes:
    return __spec__.loader.get_data(str(folder(form_id) / FORM_FILE))


def hooks_module(form_id: str):
    """The form's hooks.py as a module, or None where its folder has none."""
    root = catalogue()[form_id]
    if root.package is not None:
        name = f"{root.package}.{form_id}.{HOOKS}"
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            return None
    path = root.folder / form_id / f"{HOOKS}.py"
    if not path.is_file():
        return None
    name = f"_catalogue_{form_id}_{HOOKS}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
