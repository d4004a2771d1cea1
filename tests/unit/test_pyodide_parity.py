"""The forms core gives the same views in Pyodide (Python 3.14, in Node) as on this CPython."""

import json
import shutil
import subprocess

from support import ROOT, example_draft

from scripts.hooks import build_wheel

SCENARIO = """
import json
from forms.app import start, update
from forms.events import event_from_dict

from forms.schema import form_ids

def run(scenario):
    scenario = json.loads(scenario) if isinstance(scenario, str) else scenario
    state, view = start("questions", "en", "2026-11-23")
    views = [view]
    for event in scenario["events"]:
        state, view = update(state, event_from_dict(event))
        views.append(view)
    # Every form opened with every form's example, walked to its last step.
    for form_id in form_ids():
        state, view = start(form_id, "da", "2026-11-23", scenario["draft"])
        views.append(view)
        for _ in range(12):
            state, view = update(state, event_from_dict({"type": "step_continued"}))
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
  const scenario = fs.readFileSync(process.argv[6], "utf8");
  const run = pyodide.globals.get("run");
  process.stdout.write(run(scenario));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def test_the_same_events_give_the_same_views_in_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run the forms core in Pyodide"
    wheel = build_wheel(tmp_path)
    scenario = json.dumps({"events": EVENTS, "draft": example_draft()})
    (tmp_path / "runner.js").write_text(NODE_RUNNER)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    (tmp_path / "events.json").write_text(scenario)
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
    in_cpython = namespace["run"](scenario)
    assert json.loads(result.stdout) == json.loads(in_cpython)
