"""Python compiled ahead: the served library and the forms wheel with their bytecode (`.pyc`)
made at build time, by the Pyodide that runs them, under Node.

Pyodide's npm package ships its library as source only, so on a first visit the family's own
browser compiles every module it imports, which is most of Python's start. The bytecode must be
made by Pyodide's own Python (3.14 for Pyodide 314): the host's CPython writes another version,
which Pyodide would refuse. So the build starts that Pyodide under Node once and compiles there.

- The library keeps only the `.pyc` of each module, compiled as `python -OO` would (no
  docstrings, no asserts); a zip holds either, and without the source beside it Python loads
  the bytecode without checking it. A traceback through the library
  still names the file and line, but cannot show the line's text.
- The wheel keeps its `.py` and gains `__pycache__/<module>.cpython-<version>.pyc` beside them,
  so a traceback through the forms still shows their lines. The bytecode is "unchecked" (PEP
  552): Python uses it without reading the source's date, which a wheel does not keep.

The library's entries and the wheel's bytecode are stored, not compressed, inside their zip:
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

# Runs in Pyodide: compiles the library zip and the wheel in /work, a folder of the host.
COMPILER = r'''
import base64, hashlib, importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

MAGIC = importlib.util.MAGIC_NUMBER
# The library without its docstrings and asserts, as `python -OO` runs it; the forms as written.
LIBRARY_OPTIMIZE = 2
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
                data = bytecode(data, f"{LIBRARY}/{info.filename}", LIBRARY_OPTIMIZE)
                out.writestr(entry(info, name), data)
            else:
                out.writestr(entry(info, info.filename), data)


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def compile_wheel(source, target, site_packages):
    """The wheel with a __pycache__/*.pyc beside each .py, and its RECORD listing them."""
    with zipfile.ZipFile(source) as wheel, zipfile.ZipFile(target, "w") as out:
        infos = wheel.infolist()
        (record,) = [info for info in infos if info.filename.endswith(".dist-info/RECORD")]
        added = []
        for info in infos:
            if info is record:
                continue
            data = wheel.read(info)
            out.writestr(info, data, compress_type=info.compress_type)
            if info.filename.endswith(".py"):
                folder, _, module = info.filename.rpartition("/")
                name = f"{folder}/__pycache__/{module[:-3]}.{TAG}.pyc".lstrip("/")
                pyc = bytecode(data, f"{site_packages}/{info.filename}")
                out.writestr(entry(info, name), pyc)
                added.append(record_line(name, pyc))
        lines = wheel.read(record).decode().splitlines()
        last = lines.pop()  # the RECORD's own line, with no hash
        text = "\n".join([*lines, *added, last]) + "\n"
        out.writestr(record, text.encode(), compress_type=record.compress_type)


def compile_all(jobs):
    import site

    site_packages = site.getsitepackages()[0]
    for job in json.loads(jobs):
        if job["kind"] == "library":
            compile_library(job["source"], job["target"])
        else:
            compile_wheel(job["source"], job["target"], site_packages)
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


def compile_python(library: Path, wheel: Path, library_out: Path, wheel_out: Path) -> dict:
    """Writes the compiled library and wheel; returns Pyodide's bytecode magic and cache tag."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to compile Python for Pyodide at build time")
    with tempfile.TemporaryDirectory(prefix="fgc-bytecode-") as work:
        folder = Path(work)
        names = {"library": library, "wheel": wheel}
        for kind, path in names.items():
            shutil.copyfile(path, folder / f"{kind}.zip")
        jobs = [
            {"kind": kind, "source": f"/work/{kind}.zip", "target": f"/work/{kind}-pyc.zip"}
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
        shutil.copyfile(folder / "wheel-pyc.zip", wheel_out)
        return json.loads(result.stdout)


def is_unchecked(pyc: bytes) -> bool:
    """Whether a .pyc is hash-based and unchecked (PEP 552 flags 0b01)."""
    return int.from_bytes(pyc[4:8], "little") == 0b01


def pyc_files(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zipped:
        return {n: zipped.read(n) for n in zipped.namelist() if n.endswith(".pyc")}
