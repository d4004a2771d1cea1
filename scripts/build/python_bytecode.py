"""Python compiled ahead: the served library and the forms' zip with their bytecode (`.pyc`)
made at build time, by the Pyodide that runs them, under Node.

Pyodide's npm package ships its library as source only, so on a first visit the family's own
browser compiles every module it imports, which is most of Python's start. The bytecode must be
made by Pyodide's own Python (3.14 for Pyodide 314): the host's CPython writes another version,
which Pyodide would refuse. So the build starts that Pyodide under Node once and compiles there.

- The library keeps only the `.pyc` of each module, compiled as `python -OO` would (no
  docstrings, no asserts); a zip holds either, and without the source beside it Python loads
  the bytecode without checking it. A traceback through the library
  still names the file and line, but cannot show the line's text.
- The forms' zip, which Python's own zipimport reads, likewise holds each module's `.pyc` only
  (`forms/app.pyc`), compiled the same way (no docstrings: the forms read none, and they hold
  no asserts; the browser need not fetch their words), beside the forms' data files
  (`forms/definitions/*.toml`, each form's `forms/catalogue/<id>/form.toml`). The bytecode is
  "unchecked" (PEP 552): Python uses it without a source to compare it with. A traceback names
  the file and line, not its text.

The entries of both zips are stored, not compressed, inside their zip:
compressed as a whole by the host (the build's `.br` and `.gz` copies), the many small files
share one dictionary and come out much smaller than compressed one by one (the library: 1.0 MiB
with Brotli, 1.4 MiB gzipped, against 1.6 MiB with each entry deflated). Every `.pyc` is made
from the same source with the same compiler, and the zips keep the entries' order and dates, so
the same input gives the same bytes.
"""

import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
COMPILE_TIMEOUT_S = 300

# Runs in Pyodide: compiles the library zip and the forms' zip in /work, a folder of the host.
COMPILER = r'''
import base64, hashlib, importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

MAGIC = importlib.util.MAGIC_NUMBER
# Without docstrings and asserts, as `python -OO` runs it: the library and the forms alike.
OPTIMIZE = 2
TAG = sys.implementation.cache_tag
# Where Pyodide puts its library, so the compiled code names the path it is loaded from.
LIBRARY = next(path for path in sys.path if path.endswith(".zip"))


def bytecode(source, filename, optimize=0):
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)


def entry(info, name):
    copy = zipfile.ZipInfo(name, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_STORED
    copy.external_attr = info.external_attr
    return copy


def compile_library(source, target):
    """Each module's .py replaced by its .pyc, in the same place."""
    with zipfile.ZipFile(source) as whole, zipfile.ZipFile(target, "w") as out:
        for info in whole.infolist():
            data = whole.read(info)
            if info.filename.endswith(".py"):
                name = info.filename[:-3] + ".pyc"
                data = bytecode(data, f"{LIBRARY}/{info.filename}", OPTIMIZE)
                out.writestr(entry(info, name), data)
            else:
                out.writestr(entry(info, info.filename), data)


def compile_forms(source, target, place):
    """Each module's .py replaced by its .pyc, its data files as they are;
    `place` is where the worker writes the zip, so tracebacks name the module's file there."""
    with zipfile.ZipFile(source) as whole, zipfile.ZipFile(target, "w") as out:
        for info in whole.infolist():
            data = whole.read(info)
            if info.filename.endswith(".py"):
                pyc = bytecode(data, f"{place}/{info.filename}", OPTIMIZE)
                out.writestr(entry(info, info.filename[:-3] + ".pyc"), pyc)
            else:
                out.writestr(entry(info, info.filename), data)


def compile_all(jobs):
    for job in json.loads(jobs):
        if job["kind"] == "library":
            compile_library(job["source"], job["target"])
        else:
            compile_forms(job["source"], job["target"], job["place"])
    return json.dumps({"magic": MAGIC.hex(), "tag": TAG})
'''

RUNNER = """
const { loadPyodide } = require(process.argv[2]);
const fs = require("fs");
(async () => {
  const pyodide = await loadPyodide({ indexURL: process.argv[3] });
  pyodide.FS.mkdirTree("/work");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: process.argv[4] }, "/work");
  pyodide.runPython(fs.readFileSync(process.argv[5], "utf8"));
  const made = pyodide.globals.get("compile_all")(fs.readFileSync(process.argv[6], "utf8"));
  process.stdout.write(made);
})().catch((error) => { console.error(error); process.exit(1); });
"""


def compile_python(
    library: Path, forms: Path, library_out: Path, forms_out: Path, forms_place: str
) -> dict:
    """Writes the compiled library and forms (the zip the worker writes at `forms_place`);
    returns Pyodide's bytecode magic and cache tag."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to compile Python for Pyodide at build time")
    with tempfile.TemporaryDirectory(prefix="fgc-bytecode-") as work:
        folder = Path(work)
        names = {"library": library, "forms": forms}
        for kind, path in names.items():
            shutil.copyfile(path, folder / f"{kind}.zip")
        jobs = [
            {
                "kind": kind,
                "source": f"/work/{kind}.zip",
                "target": f"/work/{kind}-pyc.zip",
                "place": forms_place,
            }
            for kind in names
        ]
        (folder / "jobs.json").write_text(json.dumps(jobs))
        (folder / "compiler.py").write_text(COMPILER)
        (folder / "runner.js").write_text(RUNNER)
        result = subprocess.run(
            [
                node,
                str(folder / "runner.js"),
                str(PYODIDE_PACKAGE / "pyodide.js"),
                str(PYODIDE_PACKAGE) + "/",
                work,
                str(folder / "compiler.py"),
                str(folder / "jobs.json"),
            ],
            capture_output=True,
            text=True,
            timeout=COMPILE_TIMEOUT_S,
        )
        if result.returncode != 0:
            raise RuntimeError(f"compiling Python in Pyodide failed:\n{result.stderr}")
        shutil.copyfile(folder / "library-pyc.zip", library_out)
        shutil.copyfile(folder / "forms-pyc.zip", forms_out)
        return json.loads(result.stdout)


def is_unchecked(pyc: bytes) -> bool:
    """Whether a .pyc is hash-based and unchecked (PEP 552 flags 0b01)."""
    return int.from_bytes(pyc[4:8], "little") == 0b01


def pyc_files(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zipped:
        return {n: zipped.read(n) for n in zipped.namelist() if n.endswith(".pyc")}
