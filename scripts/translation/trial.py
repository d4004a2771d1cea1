"""A language tried out without touching the repository: the working tree copied to a folder,
the kit's out, every text pseudo-translated (pseudo.py), in, and built. For the tests and for
looking at a long, accented language (`make pseudo-language`); never shipped. A language CLDR
writes right to left (ar-XB: Arabic's) is pseudo-translated right to left too. Several languages
go into the one copy, out, filled and in one after the other, and are built together.

    python -m scripts.translation.trial da-XA [ar-XB …] build/pseudo-language
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.translation import cldr

ROOT = Path(__file__).resolve().parents[2]


def copy_of_the_repository(target: Path, root: Path = ROOT) -> Path:
    """The working tree's files (tracked and new, not ignored) copied to `target`, sharing the
    installed Python and npm packages."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = root / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for shared in (".venv", "node_modules"):
        (target / shared).symlink_to((root / shared).resolve())
    return target


def try_language(language: str, work: Path) -> dict:
    return try_languages([language], work)


def try_languages(languages: list[str], work: Path) -> dict:
    """work/repo (the copy), work/out (the PO files as written), work/filled (pseudo-translated),
    work/site (the build); with more than one language, out and filled hold a folder for each.
    Returns each step's finished process and the folders."""
    repo = copy_of_the_repository(work / "repo")
    site = work / "site"

    def run(*command):
        return subprocess.run(
            [sys.executable, "-m", *command], cwd=repo, capture_output=True, text=True
        )

    steps, folders = {}, {}
    for language in languages:
        named = "" if len(languages) == 1 else f" {language}"
        out = work / "out" / language if named else work / "out"
        filled = work / "filled" / language if named else work / "filled"
        steps["out" + named] = run("scripts.translation.out", language, "--folder", str(out))
        if out.exists():
            shutil.copytree(out, filled)
        rtl = ["--right-to-left"] if cldr.direction(language) == "rtl" else []
        steps["fill" + named] = run("scripts.translation.pseudo", str(filled), *rtl)
        steps["in" + named] = run("scripts.translation.into", language, "--folder", str(filled))
        folders[language] = {"out": out, "filled": filled}
    steps["build"] = subprocess.run(
        [str(repo / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=repo,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "FGC_EDITION"},
    )
    return {
        "steps": steps,
        "repo": repo,
        "site": site,
        **folders[languages[0]],
        "languages": folders,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("languages", nargs="+", metavar="language")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    shutil.rmtree(args.folder, ignore_errors=True)
    args.folder.mkdir(parents=True)
    tried = try_languages(args.languages, args.folder.resolve())
    for name, step in tried["steps"].items():
        if step.returncode != 0:
            print(f"{name} failed:\n{step.stdout}\n{step.stderr}", file=sys.stderr)
            sys.exit(1)
    for language in args.languages:
        print(f"{language}: built in {tried['site']} (pages at {tried['site']}/{language}/)")


if __name__ == "__main__":
    main()
