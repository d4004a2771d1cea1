"""A picture's description is read once: the timeline, the network map and the three houses are
named by their title and described by their description, as Chromium gives them to a screen
reader (its accessibility tree), never with the description inside the name as well."""

import pytest
from pagecheck import go_to_step, kept_before_opening, open_form
from support import example_draft


def pictures_as_read(page) -> list[dict]:
    """Each picture (svg role=img) a screen reader meets: its name, its description, and the
    text of its <desc>."""
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("Accessibility.enable")
    root = client.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = client.send("DOM.querySelectorAll", {"nodeId": root, "selector": "svg[role=img]"})
    read = []
    for node_id in found["nodeIds"]:
        node = client.send("Accessibility.getPartialAXTree", {"nodeId": node_id})["nodes"][0]
        if node.get("ignored"):
            continue
        desc = client.send("DOM.querySelector", {"nodeId": node_id, "selector": "desc"})
        desc_text = ""
        if desc["nodeId"]:
            outer = client.send("DOM.getOuterHTML", {"nodeId": desc["nodeId"]})["outerHTML"]
            desc_text = page.evaluate(
                "html => new DOMParser().parseFromString(html, 'image/svg+xml')"
                ".documentElement.textContent",
                outer,
            )
        read.append(
            {
                "name": " ".join(node.get("name", {}).get("value", "").split()),
                "description": " ".join(node.get("description", {}).get("value", "").split()),
                "desc": " ".join(desc_text.split()),
            }
        )
    client.detach()
    return read


def assert_each_read_once(pictures: list[dict], at_least: int) -> None:
    described = [picture for picture in pictures if picture["desc"]]
    assert len(described) >= at_least, pictures
    for picture in described:
        assert picture["name"], picture
        assert picture["desc"] not in picture["name"], picture
        assert picture["description"] == picture["desc"], picture


@pytest.mark.parametrize("start", ["", "en/"])
def test_the_timeline_is_described_once(page, site_url, start):
    page.goto(site_url + start + "saadan-foregaar-det/")
    assert_each_read_once(pictures_as_read(page), 1)


@pytest.mark.parametrize(
    ("path", "step", "pictures"),
    [
        ("skemaer/hvem-skal-med/", "check", 1),
        ("en/skemaer/hvem-skal-med/", "check", 1),
        ("skemaer/mine-oensker/", "check", 1),
        ("en/skemaer/mine-oensker/", "good", 1),
    ],
)
def test_the_map_and_the_houses_are_described_once(page, site_url, path, step, pictures):
    page.add_init_script(kept_before_opening(example_draft()))
    open_form(page, site_url + path)
    go_to_step(page, step)
    page.wait_for_function(
        "document.querySelector('section.fgc-step:not([hidden]) svg[role=img] desc') !== null"
    )
    assert_each_read_once(pictures_as_read(page), pictures)
