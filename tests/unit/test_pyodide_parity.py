"""The forms core gives the same views in Pyodide (Python 3.14, in Node) as on this CPython, with
the trimmed, compiled standard library and the compiled forms' zip the site serves, started as
the site's worker starts it (no package loader: the zip first on sys.path, read by zipimport): the
library holds all that the forms and Pyodide's start need, and Python runs their bytecode."""

import ast
import importlib.util
import json
import shutil
import subprocess
import sys

from support import ROOT, example_draft

from scripts.build.pyodide_bundle import FORMS_PLACE, prepare_python, python_info
from scripts.build.python_bytecode import pyc_files
from scripts.build.python_stdlib import KEEP

# Imports every kept module in Pyodide: what a kept module imports must be kept too.
IMPORT_KEPT = """
import importlib, json, sys
def import_kept(names):
    failed = {}
    for name in json.loads(names):
        try:
            importlib.import_module(name)
        except Exception as error:
            failed[name] = repr(error)
    for codec in ("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "cp437", "ascii"):
        try:
            "Ærø – “søster”".encode(codec, errors="replace").decode(codec)
        except Exception as error:
            failed[codec] = repr(error)
    # Every module of the library came from its bytecode (but those frozen into Python itself),
    # and the forms from their zip's, which holds no source.
    modules = list(sys.modules.values())
    library = [m for m in modules if m.__spec__ and m.__spec__.origin != "frozen"
               and ".zip/" in (getattr(m, "__file__", None) or "")]
    from_source = sorted(m.__name__ for m in library if not m.__file__.endswith(".pyc"))
    forms = [m for name, m in list(sys.modules.items()) if name.startswith("forms.")]
    flags = {m.__name__: m.__loader__.get_data(m.__file__)[4:8].hex() for m in forms}
    forms_files = sorted({m.__file__.rpartition(".zip/")[0] + ".zip" for m in forms})
    return json.dumps({
        "failed": failed,
        "from_source": from_source,
        "library_modules": len(library),
        "forms_pyc_flags": sorted(set(flags.values())),
        "forms_modules": len(forms),
        "forms_files": forms_files,
        "magic": importlib.util.MAGIC_NUMBER.hex(),
    })
"""

SCENARIO = """
import json
from forms.app import start, update
from forms.events import event_from_dict

from forms.schema import form_ids

def run(scenario):
    scenario = json.loads(scenario) if isinstance(scenario, str) else scenario
    state, view = start("questions", "en", "2026-11-23")
    views = [view.to_dict()]
    for event in scenario["events"]:
        state, view = update(state, event_from_dict(event))
        views.append(view.to_dict())
    # Every form opened with every form's example, walked to its last step.
    for form_id in form_ids():
        state, view = start(form_id, "da", "2026-11-23", scenario["draft"])
        views.append(view.to_dict())
        for _ in range(12):
            state, view = update(state, event_from_dict({"type": "step_continued"}))
        views.append(view.to_dict())
    return json.dumps(views, sort_keys=True)
"""

EVENTS = [
    {"type": "field_changed", "path": "child_name", "value": "Noah <b>&"},
    {"type": "field_changed", "path": "questions/q1/text", "value": "Should Noah move?"},
    {"type": "item_added", "list": "questions"},
    {"type": "field_changed", "path": "questions/q2/text", "value": "Hvordan får Noah ro?"},
    {"type": "item_moved", "list": "questions", "uid": "q2", "offset": -1},
    {"type": "item_removed", "list": "questions", "uid": "q1"},
    {"type": "field_changed", "path": "questions/q2/text", "value": "x" * 600},
    # Another window stored a draft that changed the same answers: two conflicts, one chosen.
    {
        "type": "draft_stored",
        "base": None,
        "text": json.dumps(
            {
                "format": "familieraadslagning-kladde",
                "version": 1,
                "saved": "2026-11-23",
                "language": "da",
                "forms": {
                    "questions": {
                        "values": {"child_name": "Ida"},
                        "lists": {"questions": [{"text": "Hvem?"}, {"text": "Hvornår?"}]},
                    }
                },
            }
        ),
    },
    {"type": "conflict_theirs"},
]

NODE_RUNNER = """
const { loadPyodide } = require(process.argv[2]);
const fs = require("fs");
(async () => {
  // Started as the site's worker starts it: the served library, a lock with no packages, the
  // forms' zip written into Python's file system and put first on sys.path.
  const python = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
  const pyodide = await loadPyodide({
    indexURL: process.argv[3],
    stdLibURL: process.argv[7],
    lockFileContents: { info: python.info, packages: {} },
  });
  pyodide.FS.writeFile(python.place, fs.readFileSync(python.forms));
  pyodide.runPython(`import sys; sys.path.insert(0, "${python.place}")`);
  pyodide.runPython(fs.readFileSync(process.argv[5], "utf8"));
  const scenario = fs.readFileSync(process.argv[6], "utf8");
  const run = pyodide.globals.get("run");
  const views = run(scenario);
  // What Pyodide's start and the forms imported, before every kept module is imported below.
  const loaded = pyodide.runPython("import json, sys; json.dumps(sorted(sys.modules))");
  pyodide.runPython(fs.readFileSync(process.argv[8], "utf8"));
  const failed = pyodide.globals.get("import_kept")(fs.readFileSync(process.argv[9], "utf8"));
  process.stdout.write(JSON.stringify({ views, loaded, failed }));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def test_the_same_events_give_the_same_views_in_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run the forms core in Pyodide"
    library, forms = prepare_python(tmp_path)
    python = {"info": python_info(), "place": FORMS_PLACE, "forms": str(forms)}
    (tmp_path / "python.json").write_text(json.dumps(python))
    scenario = json.dumps({"events": EVENTS, "draft": example_draft()})
    (tmp_path / "runner.js").write_text(NODE_RUNNER)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    (tmp_path / "events.json").write_text(scenario)
    pyodide = ROOT / "node_modules" / "pyodide"
    (tmp_path / "import_kept.py").write_text(IMPORT_KEPT)
    (tmp_path / "kept.json").write_text(json.dumps(sorted(KEEP)))
    result = subprocess.run(
        [
            node,
            str(tmp_path / "runner.js"),
            str(pyodide / "pyodide.js"),
            str(pyodide) + "/",
            str(tmp_path / "python.json"),
            str(tmp_path / "scenario.py"),
            str(tmp_path / "events.json"),
            str(library),
            str(tmp_path / "import_kept.py"),
            str(tmp_path / "kept.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    in_pyodide = json.loads(result.stdout)
    namespace = {}
    exec(SCENARIO, namespace)
    in_cpython = namespace["run"](scenario)
    assert json.loads(in_pyodide["views"]) == json.loads(in_cpython)
    imported = json.loads(in_pyodide["failed"])
    assert imported["failed"] == {}
    assert imported["from_source"] == []
    assert imported["library_modules"] > 100
    # Unchecked hash-based bytecode (PEP 552), as the build wrote it: Python wrote none itself.
    assert imported["forms_modules"] >= 10
    assert imported["forms_pyc_flags"] == ["01000000"]
    assert imported["forms_files"] == [FORMS_PLACE]
    # Nothing installed the forms: Pyodide's package loader and what it alone needs stay out.
    loaded = {name.partition(".")[0] for name in json.loads(in_pyodide["loaded"])}
    assert {"email", "tarfile", "gzip"}.isdisjoint(loaded)
    pycs = [*pyc_files(library).values(), *pyc_files(forms).values()]
    assert {pyc[:4].hex() for pyc in pycs} == {imported["magic"]}


def imported_names(path) -> set[str]:
    """Top-level names of every module a file imports, inside functions too."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_module_the_forms_import_is_in_the_trimmed_library():
    imported = set().union(*(imported_names(path) for path in (ROOT / "forms").rglob("*.py")))
    outside = {
        name
        for name in imported - {"forms", "__future__"}
        if name not in sys.builtin_module_names and importlib.util.find_spec(name) is not None
    }
    assert outside - KEEP == set()
