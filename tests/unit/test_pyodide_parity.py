"""The forms core gives the same views in Pyodide (Python 3.14, in Node) as on this CPython."""

import json
import shutil
import subprocess

from support import ROOT

from scripts.hooks import build_wheel

SCENARIO = """
import json
from forms.app import start, update
from forms.events import event_from_dict

def run(events):
    state, view = start("questions", "en", "2026-11-23")
    views = [view]
    for event in events:
        state, view = update(state, event_from_dict(event))
        views.append(view)
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
]

NODE_RUNNER = """
const { loadPyodide } = require(process.argv[2]);
const fs = require("fs");
(async () => {
  const pyodide = await loadPyodide({ indexURL: process.argv[3] });
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(process.argv[4])), "wheel");
  pyodide.runPython(fs.readFileSync(process.argv[5], "utf8"));
  const events = fs.readFileSync(process.argv[6], "utf8");
  const run = pyodide.globals.get("run");
  process.stdout.write(run(pyodide.toPy(JSON.parse(events))));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def test_the_same_events_give_the_same_views_in_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run the forms core in Pyodide"
    wheel = build_wheel(tmp_path)
    (tmp_path / "runner.js").write_text(NODE_RUNNER)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    (tmp_path / "events.json").write_text(json.dumps(EVENTS))
    pyodide = ROOT / "node_modules" / "pyodide"
    result = subprocess.run(
        [
            node,
            str(tmp_path / "runner.js"),
            str(pyodide / "pyodide.js"),
            str(pyodide) + "/",
            str(wheel),
            str(tmp_path / "scenario.py"),
            str(tmp_path / "events.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    namespace = {}
    exec(SCENARIO, namespace)
    in_cpython = namespace["run"](EVENTS)
    assert json.loads(result.stdout) == json.loads(in_cpython)
