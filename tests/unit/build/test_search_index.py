"""The search index split by language, and each page pointed to its own language's index."""

import json

from scripts.build.search_index import searching_own_index, split_search_index


def test_each_language_gets_the_index_of_its_own_pages(tmp_path):
    (tmp_path / "search").mkdir()
    merged = {
        "config": {"lang": ["da", "en"], "separator": " "},
        "docs": [
            {"location": "", "title": "Forside"},
            {"location": "hvad-er-det/", "title": "Hvad er det"},
            {"location": "en/", "title": "Home"},
            {"location": "en/hvad-er-det/", "title": "What it is"},
        ],
    }
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged))
    split_search_index(tmp_path, ["da", "en"])
    danish = json.loads((tmp_path / "search" / "search_index.json").read_text())
    english = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text())
    assert danish["config"] == {"lang": ["da"], "separator": " "}
    assert [doc["title"] for doc in danish["docs"]] == ["Forside", "Hvad er det"]
    assert english["config"]["lang"] == ["en"]
    assert [doc["location"] for doc in english["docs"]] == ["", "hvad-er-det/"]


def test_a_page_in_another_language_searches_that_languages_index():
    page = '<script id="__config" type="application/json">{"base": "../..", "x": 1}</script>'
    assert '"base": "../../en/"' in searching_own_index(page, "en")
    assert searching_own_index("<p>no settings</p>", "en") == "<p>no settings</p>"
