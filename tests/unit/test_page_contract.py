"""The page, its worker and Python agree on their messages, all declared in one place
(overrides/assets/forms/messages.js): every message the page or the worker sends or handles is
declared there, with its fields; Python reads exactly the declared page-to-Python messages and
their fields; every button Python draws has a handler on the page or in Python, and neither side
keeps a handler that nothing can reach (a renamed action would otherwise leave a button that does
nothing, with no error anywhere)."""

import ast
import inspect
import re
from pathlib import Path

from forms.events import _BY_TYPE

ROOT = Path(__file__).resolve().parents[2]
SHELL = ROOT / "overrides" / "assets" / "forms"
MESSAGES = SHELL / "messages.js"
WORKER = SHELL / "form-worker.js"
KEEPER = SHELL / "python-keeper.js"
ENTRY = SHELL / "form-page.js"


def page_modules() -> list[Path]:
    return [ENTRY, *sorted((SHELL / "page").glob("*.js"))]


def page_script() -> str:
    """Every module of the page, together."""
    return "\n".join(path.read_text(encoding="utf-8") for path in page_modules())


def worker_script() -> str:
    return WORKER.read_text(encoding="utf-8")


# ----- Reading the JavaScript -----


def declared(table: str) -> dict[str, set[str]]:
    """A table of messages.js (`export const TABLE = Object.freeze({ name: ["field", …], … })`):
    each message's name and its fields."""
    source = MESSAGES.read_text(encoding="utf-8")
    pattern = rf"^export const {table} = Object\.freeze\(\{{\n(.*?)^\}}\);"
    found = re.search(pattern, source, re.S | re.M)
    assert found, f"messages.js declares no {table}"
    body = re.sub(r"//[^\n]*", "", found.group(1))
    return {
        name: set(re.findall(r'"(\w+)"', fields))
        for name, fields in re.findall(r"^\s*(\w+): \[(.*?)\],", body, re.S | re.M)
    }


def button_fields() -> set[str]:
    source = MESSAGES.read_text(encoding="utf-8")
    found = re.search(r"^export const BUTTON_FIELDS = Object\.freeze\(\[(.*?)\]\);", source, re.M)
    assert found, "messages.js declares no BUTTON_FIELDS"
    return set(re.findall(r'"(\w+)"', found.group(1)))


def balanced(source: str, start: int) -> str:
    """The text of the bracketed expression opening at `start`, brackets included."""
    depth = 0
    for end in range(start, len(source)):
        if source[end] in "([{":
            depth += 1
        elif source[end] in ")]}":
            depth -= 1
            if depth == 0:
                return source[start : end + 1]
    raise AssertionError(f"unbalanced: {source[start : start + 80]!r}")


def top_level_keys(literal: str) -> set[str]:
    """The keys of an object literal `{ a, b: x(y, z), c }` (shorthand ones included)."""
    keys, depth, part = set(), 0, ""
    for char in literal[1:-1] + ",":
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0 and part.strip():
            key = re.match(r"\s*(\w+)\s*(?::|$)", part)
            assert key, f"not a key: {part!r}"
            keys.add(key.group(1))
            part = ""
        else:
            part += char
    return keys


def sent(source: str, call: str, name_key: str | None) -> dict[str, set[str]]:
    """Every `call("name", {fields})` (name_key None) or `call({name_key: "name", fields})`:
    each name with the union of the fields sent with it."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(rf"\b{call}\(", source):
        args = balanced(source, match.end() - 1)[1:-1].strip()
        if name_key is None:
            named = re.match(r'"(\w+)"(?:,\s*(\{.*\}))?\s*,?\s*$', args, re.S)
            assert named, f"{call}({args[:60]}…) names no message"
            name, fields = named.group(1), top_level_keys(named.group(2) or "{}")
        else:
            if not args.startswith("{"):
                continue
            fields = top_level_keys(args)
            named = re.search(rf'\b{name_key}: "(\w+)"', args)
            assert named, f"{call}({args[:60]}…) names no message"
            name = named.group(1)
            fields.discard(name_key)
        found.setdefault(name, set()).update(fields)
    return found


def handlers(source: str, table: str) -> set[str]:
    """The keys of a handlers' table `const table = { name: …, … };` (two-space indented)."""
    found = re.search(rf"^( *)const {table} = \{{\n(.*?)^\1\}};", source, re.S | re.M)
    assert found, f"no handlers' table {table}"
    indent = found.group(1) + "  "
    return set(re.findall(rf"^{indent}(\w+)(?::|\()", found.group(2), re.M))


def actions_python_draws() -> set[str]:
    """The `data-action` of every button forms/ renders (as an attribute or a keyword)."""
    pattern = re.compile(r"""data[-_]action=(?:\\?["'])(\w+)""")
    return {
        action
        for path in (ROOT / "forms").rglob("*.py")
        for action in pattern.findall(path.read_text(encoding="utf-8"))
    }


def actions_the_page_handles() -> set[str]:
    """The keys of the page's own `actions` table (work done in the browser: print, files…)."""
    return handlers(page_script(), "actions")


def messages_the_page_sends() -> dict[str, set[str]]:
    source = page_script()
    found = sent(source, "send", "type")
    for name, fields in sent(source, "postEvent", "type").items():
        found.setdefault(name, set()).update(fields)
    return found


# ----- Reading the Python -----


def fields_python_reads() -> dict[str, set[str]]:
    """For each message forms/events.py reads (its `_BY_TYPE` table), the fields it reads of it
    (`d["field"]`, `d.get("field")`)."""
    tree = ast.parse((ROOT / "forms" / "events.py").read_text(encoding="utf-8"))
    (table,) = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_BY_TYPE" for t in node.targets)
    ]
    reads = {}
    for key, value in zip(table.keys, table.values, strict=True):
        fields = set()
        for node in ast.walk(value):
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Name)
                and node.value.id == "d"
                and isinstance(node.slice, ast.Constant)
            ):
                fields.add(node.slice.value)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "d"
            ):
                fields.add(node.args[0].value)
        reads[key.value] = fields
    return reads


# ----- The checks -----


def test_the_scan_finds_what_it_looks_for():
    # Guards the guards: were a pattern to stop matching, the checks below would pass on nothing.
    assert {"print", "item_added", "offer_accepted"} <= actions_python_draws()
    assert {"print", "save_file", "delete_all"} <= actions_the_page_handles()
    assert {"field_changed", "draft_stored", "fields_restored"} <= set(messages_the_page_sends())
    assert messages_the_page_sends()["draft_offered"] == {"text", "size", "not_text"}
    assert declared("TO_PYTHON")["field_kept"] == {"path", "value", "theirs"}
    assert {"begin", "event", "describe"} == set(declared("TO_WORKER"))
    assert fields_python_reads()["item_moved"] == {"list", "uid", "offset"}
    assert button_fields() == {"list", "uid", "offset", "step"}
    assert len(page_modules()) > 5


def test_python_reads_exactly_the_declared_messages_and_their_fields():
    assert fields_python_reads() == declared("TO_PYTHON")


def test_every_message_the_page_sends_to_python_is_declared_with_its_fields():
    to_python = declared("TO_PYTHON")
    for name, fields in messages_the_page_sends().items():
        assert name in to_python, f"the page sends {name!r}, not in messages.js"
        assert fields == to_python[name], name


def test_a_message_no_script_sends_by_name_comes_from_a_button_with_its_fields():
    by_name = messages_the_page_sends()
    for name, fields in declared("TO_PYTHON").items():
        if name not in by_name:
            assert name in actions_python_draws(), f"nothing sends {name!r}"
            assert fields <= button_fields(), name


def test_every_button_python_draws_is_handled_by_the_page_or_by_python():
    handled = actions_the_page_handles() | set(declared("TO_PYTHON"))
    assert actions_python_draws() - handled == set()
    assert actions_the_page_handles().isdisjoint(set(_BY_TYPE) - {"calendar_requested"})


def test_no_handler_on_either_side_is_left_without_a_button_or_a_message():
    assert actions_the_page_handles() - actions_python_draws() == set()
    reached = actions_python_draws() | set(messages_the_page_sends())
    assert set(_BY_TYPE) - reached == set()


def test_the_page_and_the_worker_send_and_handle_exactly_the_declared_messages():
    to_worker, from_worker = declared("TO_WORKER"), declared("FROM_WORKER")
    assert sent(page_script(), "message", None) == to_worker
    assert handlers(worker_script(), "fromPage") == set(to_worker)
    assert handlers(page_script(), "fromWorker") == set(from_worker)
    # The worker's own messages go to the page, or to its keeper (python-keeper.js).
    to_keeper = declared("TO_KEEPER")
    assert set(from_worker).isdisjoint(to_keeper)
    assert sent(worker_script(), "message", None) == from_worker | to_keeper
    assert handlers(KEEPER.read_text(encoding="utf-8"), "fromFormWorker") == set(to_keeper)


def test_the_worker_begins_python_with_what_begin_carries():
    # forms.worker.begin's arguments, in the order the worker passes them.
    python = re.search(r"async function begin\(\{ (.*?), \.\.\.python \}\)", worker_script())
    assert python, "the worker's begin() was not found"
    from forms.worker import begin

    names = python.group(1).split(", ")
    snake = [re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower() for name in names]
    assert snake == list(inspect.signature(begin).parameters)
    assert set(names) < declared("TO_WORKER")["begin"]


def test_no_script_posts_a_message_outside_the_declared_ones():
    # Every message goes through messages.js: no literal {kind: …} or {type: …} elsewhere, but
    # for the button's message, built in messages.js itself.
    for path in [*page_modules(), WORKER, KEEPER]:
        assert not re.search(r"\bkind: \"", path.read_text(encoding="utf-8")), path.name


def keys_the_page_reads() -> set[str]:
    # (Not the module view.js, named in comments and imports.)
    return set(re.findall(r"\bview\.(?!js\b)(\w+)", page_script()))


def keys_python_can_give() -> set[str]:
    """Every key a view can give the page: the fields of forms.view.View, the one shape every
    view has (the parts only some views carry among them)."""
    from forms.view import View

    return View.keys()


def test_the_page_reads_only_what_a_view_holds_and_every_part_of_it():
    from forms.app import start

    assert keys_the_page_reads() - keys_python_can_give() == set()
    assert keys_python_can_give() - keys_the_page_reads() == set()
    # And the JSON the page receives holds those keys, no other.
    _, first = start("questions", "en", "2026-12-07", None, None, None, None)
    sent = set(first.to_dict())
    assert sent <= keys_python_can_give()
    assert keys_python_can_give() - sent == {"stored_unreadable", "welcome"}
