"""A test-only copy of the site with one more language written right to left: the English pages
and texts under the code "ar" (a language CLDR knows), its theme saying `direction: rtl`. Never
shipped; it only shows that the layout follows the language's direction."""

import re
import shutil
import tomllib
from pathlib import Path

from support import ROOT, build_site

CODE = "ar"
# The theme of the language: the one setting a language written right to left needs.
LANGUAGE_ENTRY = f"""        - locale: {CODE}
          name: RTL test
          build: true
          theme:
            direction: rtl
"""
INLINE_EN = re.compile(r'(, en = ("(?:[^"\\]|\\.)*"))')


def _with_rtl_texts(text: str) -> str:
    """Every `en = …` of a TOML text table again as `ar = …` (one line or several)."""
    lines, out, copying = text.splitlines(keepends=True), [], None
    for line in lines:
        out.append(line)
        if copying is not None:
            copying.append(line)
            if line.strip() == "]":
                out.extend(copying)
                copying = None
            continue
        if line.startswith("en = ["):
            if line.rstrip().endswith("]"):
                out.append(f"{CODE} = " + line[len("en = ") :])
            else:
                copying = [f"{CODE} = ["]
                copying[0] += line[len("en = [") :]
            continue
        if line.startswith("en = "):
            out.append(f"{CODE} = " + line[len("en = ") :])
    return INLINE_EN.sub(rf"\1, {CODE} = \2", "".join(out))


def _copy_site(target: Path) -> Path:
    shutil.copytree(
        ROOT,
        target,
        symlinks=True,
        ignore=shutil.ignore_patterns(".git", "site", "__pycache__", ".*_cache", ".hypothesis"),
    )
    for page in (target / "docs").rglob("*.en.md"):
        shutil.copy(page, page.with_name(page.name.removesuffix(".en.md") + f".{CODE}.md"))
    for path in [*(target / "forms" / "definitions").glob("*.toml"), target / "edition.toml"]:
        text = _with_rtl_texts(path.read_text(encoding="utf-8"))
        tomllib.loads(text)  # still TOML
        path.write_text(text, encoding="utf-8")
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nhooks:", f"{LANGUAGE_ENTRY}\nhooks:", 1), encoding="utf-8")
    return target


def build_rtl_site(folder: Path) -> tuple[Path, object]:
    """The copy in `folder`/repo, built into `folder`/site: the site's folder and the build."""
    repo = _copy_site(folder / "repo")
    site = folder / "site"
    return site, build_site(site, root=repo)
