"""The web app manifests: one per language, each in its language, its icons found from it."""

import json

from forms.text import ui
from scripts.build.manifests import manifest_path, write_manifests


def test_each_language_gets_its_manifest_with_icons_relative_to_it(tmp_path):
    (tmp_path / "en").mkdir()
    write_manifests(tmp_path, ["da", "en"])
    danish = json.loads((tmp_path / "manifest.webmanifest").read_text())
    english = json.loads((tmp_path / "en" / "manifest.webmanifest").read_text())
    assert danish["lang"] == "da" and danish["name"] == ui("app_name", "da")
    assert english["lang"] == "en" and english["name"] == ui("app_name", "en")
    assert danish["icons"][0]["src"] == "assets/icons/icon-192.png"
    assert english["icons"][1]["src"] == "../assets/icons/icon-512.png"


def test_the_manifest_of_the_root_language_is_at_the_root():
    assert manifest_path("da", "da") == "manifest.webmanifest"
    assert manifest_path("en", "da") == "en/manifest.webmanifest"
