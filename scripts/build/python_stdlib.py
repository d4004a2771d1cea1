"""The part of Python's standard library that the forms need, as the site serves it.

Pyodide's `python_stdlib.zip` holds the whole library (2.4 MiB, already compressed, so a host
cannot make it smaller). Booting Pyodide imports about 145 modules of it, and `forms/` a few
more; the rest (email, http, xml, unittest, pydoc, multiprocessing, ...) is never used. The
site serves a copy with only the modules and packages named in KEEP.

KEEP is checked by tests/unit/test_pyodide_parity.py: in Pyodide under Node, with this trimmed
library, every kept module is imported (so what they import is kept too), every form runs every
example, and every module `forms/` imports is in the list. When `forms/` starts to use another
part of the library, add its top-level name here.
"""

import zipfile
from pathlib import Path

# Top-level modules and packages (a package is kept whole).
KEEP = frozenset(
    {
        # What Pyodide's boot imports (sys.modules right after loadPyodide).
        "__future__",
        "_collections_abc",
        "_colorize",
        "_opcode_metadata",
        "_py_warnings",
        "_pyodide",
        "_sitebuiltins",
        "_weakrefset",
        "abc",
        "annotationlib",
        "ast",
        "asyncio",
        "bisect",
        "bz2",
        "codecs",
        "codeop",
        "collections",
        "compression",
        "concurrent",
        "contextlib",
        "contextvars",
        "copy",
        "copyreg",
        "dataclasses",
        "dis",
        "encodings",
        "enum",
        "fnmatch",
        "functools",
        "genericpath",
        "glob",
        "heapq",
        "importlib",
        "inspect",
        "io",
        "json",
        "keyword",
        "linecache",
        "locale",
        "logging",
        "lzma",
        "ntpath",
        "opcode",
        "operator",
        "os",
        "pathlib",
        "posixpath",
        "pyodide",
        "random",
        "re",
        "reprlib",
        "selectors",
        "shutil",
        "signal",
        "site",
        "socket",
        "stat",
        "string",
        "struct",
        "subprocess",
        "tempfile",
        "textwrap",
        "threading",
        "token",
        "tokenize",
        "traceback",
        "types",
        "typing",
        "warnings",
        "weakref",
        "zipfile",
        "zipimport",
        # What forms/ imports, and what those import in turn.
        "_pydatetime",
        "_strptime",
        "calendar",
        "datetime",
        "html",
        "math",
        "tomllib",
        "unicodedata",
        "zlib",  # built into Pyodide itself (no file in the zip); named for the check above
    }
)


# Of the 120 codecs, the ones for Unicode and Western European text; a codec is looked up only
# when text is encoded or decoded by name, which the forms do only as UTF-8.
KEEP_CODECS = frozenset(
    {
        "__init__",
        "aliases",
        "ascii",
        "charmap",
        "cp1252",
        "cp437",  # zipfile reads file names in it: the forms list their catalogue in their zip
        "latin_1",
        "raw_unicode_escape",
        "unicode_escape",
        "utf_16",
        "utf_16_be",
        "utf_16_le",
        "utf_32",
        "utf_32_be",
        "utf_32_le",
        "utf_8",
        "utf_8_sig",
    }
)


# Parts of kept packages that nothing imports here: other platforms' code, the REPL, and what
# Pyodide's start, its package loader and the forms never reach (measured in Pyodide: none of
# them is in sys.modules after every form has been walked through in both languages).
DROP = frozenset(
    {
        "asyncio.__main__",
        "asyncio.proactor_events",
        "asyncio.tools",
        "asyncio.windows_events",
        "asyncio.windows_utils",
        "concurrent.futures.process",
        "concurrent.interpreters",
        "html.parser",
        "importlib.metadata",  # only Pyodide's package loader used it, with email
        "importlib.resources",
        "logging.config",
        "logging.handlers",
        "pathlib.types",
        "pyodide._nodesock_transport",
        "pyodide.console",
        "pyodide.http",
    }
)


def module_name(name: str) -> str:
    """The module a file of the library holds: `email/parser.py` is `email.parser`."""
    return name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def kept(name: str) -> bool:
    """Whether a file of the library (a path inside the zip) is served."""
    module = module_name(name)
    if any(module == drop or module.startswith(drop + ".") for drop in DROP):
        return False
    top, _, rest = name.partition("/")
    if top == "encodings":
        return rest.removesuffix(".py") in KEEP_CODECS
    return top.removesuffix(".py") in KEEP


def trim(source: Path, target: Path) -> None:
    """Writes to `target` the library in `source` with only what KEEP names, in the same order
    and with the same dates, so the same input always gives the same bytes."""
    with zipfile.ZipFile(source) as whole, zipfile.ZipFile(target, "w") as part:
        for info in whole.infolist():
            if kept(info.filename):
                part.writestr(info, whole.read(info), compress_type=info.compress_type)
