"""The started Python kept on the device for the next visit: made before anything the family
typed is read, replaced when it is broken, and never in the way of a form."""

from pagecheck import (
    DRAFT_KEY,
    go_to_step,
    keep_on_this_device,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)

PAGE = "skemaer/vores-spoergsmaal/"
PREFIX = "familieraadslagning-python-"
SECRET = "Zebrafinke-4711"

KEPT = f"""async () => {{
  const names = (await caches.keys()).filter((name) => name.startsWith("{PREFIX}"));
  if (names.length !== 1) return null;
  const cache = await caches.open(names[0]);
  const keys = await cache.keys();
  if (keys.length !== 1) return null;
  const response = await cache.match(keys[0]);
  const packed = (await response.clone().arrayBuffer()).byteLength;
  const memory = response.body.pipeThrough(new DecompressionStream("gzip"));
  let bytes;
  try {{
    bytes = new Uint8Array(await new Response(memory).arrayBuffer());
  }} catch {{
    return null;  // not (yet) a kept Python: the broken one of the test below
  }}
  const text = new TextDecoder("latin1").decode(bytes);
  return {{
    name: names[0], size: bytes.length, packed, holdsSecret: text.includes("{SECRET}")
  }};
}}"""

BREAK = f"""async () => {{
  const name = (await caches.keys()).find((name) => name.startsWith("{PREFIX}"));
  const cache = await caches.open(name);
  const [key] = await cache.keys();
  await cache.put(key, new Response("not a memory"));
}}"""

FORGET = f"""async () => {{
  for (const name of await caches.keys()) {{
    if (name.startsWith("{PREFIX}")) await caches.delete(name);
  }}
}}"""


def kept(page, timeout_s=30) -> dict:
    """The kept Python, once the page has finished keeping it."""
    wait_until(page, f"({KEPT})().then((kept) => kept !== null && kept.size > 1e6)", timeout_s)
    return page.evaluate(KEPT)


def test_python_is_kept_after_the_first_start_and_holds_nothing_typed(page, site_url, guarded):
    open_form(page, site_url + PAGE)
    keep_on_this_device(page)
    page.reload()
    assert wait_for_python(page) == "ready"
    first = kept(page)
    assert first["name"].startswith(PREFIX)
    # Kept small: gzipped, a fraction of the memory it holds.
    assert first["packed"] < first["size"] / 3

    # The family keeps a draft; then the kept Python is gone (a new Pyodide, say), so the next
    # start begins with the draft already stored and makes a new one.
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill(f"Hvordan kan {SECRET} hjælpe?")
    draft = f"{stored(DRAFT_KEY)} || ''"
    wait_until(page, f"({draft}).includes('{SECRET}')")
    page.evaluate(FORGET)
    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.input_value("#f-questions-q1-text") == f"Hvordan kan {SECRET} hjælpe?"
    again = kept(page)
    assert not again["holdsSecret"]

    # The next visit starts from it, and the form works as before.
    page.reload()
    assert wait_for_python(page) == "ready"
    go_to_step(page, "check")
    assert SECRET in page.locator("[data-document]").inner_text()
    guarded.assert_clean()


def test_a_broken_kept_python_is_replaced_and_the_form_still_starts(page, site_url, guarded):
    open_form(page, site_url + PAGE)
    keep_on_this_device(page)
    page.reload()
    assert wait_for_python(page) == "ready"
    kept(page)
    page.evaluate(BREAK)
    page.reload()
    assert wait_for_python(page) == "ready"
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvem henter Emma?")
    go_to_step(page, "check")
    assert "Hvem henter Emma?" in page.locator("[data-document]").inner_text()
    assert kept(page)["size"] > 1e6
    guarded.assert_clean()
