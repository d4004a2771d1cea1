"""The web app manifests, one per language, so the site can be installed on a phone."""

import json
from pathlib import Path

from forms.text import ui

MANIFEST = "manifest.webmanifest"
THEME_COLOUR = "#1d4e5f"


def manifest_path(language: str, root_language: str) -> str:
    """Where a language's manifest is, from the site's root."""
    return MANIFEST if language == root_language else f"{language}/{MANIFEST}"


def manifest(language: str, icons: str) -> dict:
    """The manifest of one language, its icons in the folder `icons` (relative to it)."""
    return {
        "name": ui("app_name", language),
        "short_name": ui("app_short_name", language),
        "lang": language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {
                "src": f"{icons}icon-{size}.png",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in (192, 512)
        ],
    }


def write_manifests(site: Path, languages: list[str]) -> None:
    """A manifest for each language; the first is the one at the site's root."""
    for language in languages:
        path = manifest_path(language, languages[0])
        icons = "../" * path.count("/") + "assets/icons/"
        (site / path).write_text(json.dumps(manifest(language, icons), ensure_ascii=False))
