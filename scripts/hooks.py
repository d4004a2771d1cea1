"""MkDocs hook: MkDocs' events, each passed on to the build job it starts (scripts/build/).

The only file of the build that knows MkDocs: it reads what a job needs from MkDocs' config,
pages and i18n plugin, and calls plain functions with it.
"""

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_static_i18n.reconfigure import LUNR_LANGUAGES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.build import booklet, edition, pyodide_bundle
from scripts.build.compressed_copies import write_compressed_copies
from scripts.build.contacts import contacts_in_page, for_forms
from scripts.build.content_security_policy import with_policy
from scripts.build.form_pages import form_in_page, form_script
from scripts.build.locale_data import write_locale_data
from scripts.build.manifests import manifest_path, write_manifests
from scripts.build.page_texts import page_texts
from scripts.build.search_index import searching_own_index, split_search_index
from scripts.build.server_config import write_server_config
from scripts.build.service_worker import build_version, write_service_worker
from scripts.build.stylesheet import StylesheetError, write_stylesheet

# `mkdocs serve` injects its own inline reload script, which a strict policy would block, and
# should always show the newest files, so it gets neither the policy nor the offline copy.
_serving = False
# The served library and the forms' zip, made once per build when the configuration is read
# (pages name the folder of the one and the name and sha256 of the other).
_python: tuple[Path, Path] | None = None
# The site's edition (edition.toml at the repository's root, or the file FGC_EDITION names).
_edition = edition.Edition()
_told: set[str] = set()
ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.edition")
# The "not found" page of each language: MkDocs writes each language's over the one before at
# the site's root, so each is kept here and written to its own folder at the end.
ERROR_PAGE = "404.html"
_error_pages: dict[str, str] = {}


def _languages(config) -> list[str]:
    """The languages built, the one at the site's root first."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return [config["theme"]["language"]]
    others = [code for code in i18n.build_languages if code != i18n.default_language]
    return [i18n.default_language, *others]


def _directions(config) -> dict[str, str | None]:
    """Each built language's direction of writing as its configuration gives it (its `theme:`
    in mkdocs-static-i18n's languages, else the site's theme), None where none is given."""
    i18n = config["plugins"].get("i18n")
    site = config["theme"].get("direction")
    if i18n is None:
        return {config["theme"]["language"]: site}
    return {
        code: (i18n.get_language_config(code).theme or {}).get("direction", site)
        for code in _languages(config)
    }


def edition_path() -> Path:
    """The edition file: FGC_EDITION (a path, relative to the repository's root or whole) if set,
    else edition.toml at the root. Tests build with another one this way."""
    return ROOT / os.environ.get("FGC_EDITION", "edition.toml")


def _read_edition(config) -> edition.Edition:
    path = edition_path()
    try:
        read = edition.read(path, _languages(config))
    except edition.EditionError as error:
        raise PluginError(str(error)) from None
    missing = edition.not_set(read)
    message = f"Edition file {path.name}: not set yet: {', '.join(missing)}"
    if missing and message not in _told:
        # Once per process and edition (MkDocs reads its configuration more than once). INFO,
        # not WARNING: `mkdocs build --strict` fails on warnings, and an unset edition is a
        # proper build (the site then tells the family to ask the municipality).
        _told.add(message)
        log.info(message)
    return read


def _language(config) -> str:
    """The language being built (mkdocs-static-i18n builds one after the other)."""
    return config["theme"]["language"]


def _url(page, config):
    """The URL of a file at the site's root as seen from `page` (any language, any depth)."""
    page_dir = Path(page.file.abs_dest_path).parent
    site = Path(config["site_dir"])
    return lambda target: Path(os.path.relpath(site / target, page_dir)).as_posix()


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# Brotli's copies take long to make; kept per machine beside the installed npm packages.
COMPRESSED_COPIES_CACHE = (
    Path(__file__).resolve().parent.parent / "node_modules" / ".cache" / "fgc-compressed"
)
# Likewise the compiled Python, under the digest of what it is made from: compiled once for
# both languages and for every rebuild of `mkdocs serve` that changes no Python.
PYTHON_CACHE = COMPRESSED_COPIES_CACHE.with_name("fgc-python")
_PYTHON_DIR = tempfile.TemporaryDirectory(prefix="fgc-python-")


@event_priority(50)  # before mkdocs-static-i18n reads site_url for its language menu
def on_config(config):
    global _python, _edition
    _edition = _read_edition(config)
    if not _serving:
        # The public address for canonical links and sitemap.xml; none when it is not set (never
        # the developer's 127.0.0.1). `mkdocs serve` keeps the address it serves on.
        config["site_url"] = _edition.address or None
    extra = config["extra"]
    # A new edition (another address, other contacts) is a new build for the offline copy too.
    shown = (edition_path(), *((_edition.logo,) if _edition.logo else ()))
    extra["offline_version"] = None if _serving else build_version(also=shown)
    # One folder for the process: `mkdocs serve` builds again on every change, each build
    # replacing the Python of the one before.
    # The forms' dates, plurals and direction per language, from CLDR, before the forms are packed.
    write_locale_data(_directions(config))
    folder = Path(_PYTHON_DIR.name)
    shutil.rmtree(folder)
    folder.mkdir()
    library, forms = _python = pyodide_bundle.prepare_python(folder, PYTHON_CACHE)
    extra["python_core"] = pyodide_bundle.python_core_dir(library)
    extra["python_key"] = pyodide_bundle.python_key(extra["python_core"], forms)
    extra["python_forms"] = forms.name
    extra["python_forms_integrity"] = pyodide_bundle.integrity(forms)
    return config


def on_page_context(context, page, config, nav):
    context["site_text"] = page_texts(_language(config))
    manifest = manifest_path(_language(config), _languages(config)[0])
    context["manifest_url"] = _url(page, config)(manifest)
    return context


def on_template_context(context, template_name, config):
    """The same texts for pages made from a template alone (404.html), and its language's
    manifest (addressed from the site's root, as the page's other links are)."""
    context["site_text"] = page_texts(_language(config))
    manifest = manifest_path(_language(config), _languages(config)[0])
    context["manifest_url"] = urlsplit(config["site_url"] or "/").path + manifest
    return context


def on_post_template(output_content, template_name, config):
    if not _serving and template_name.endswith(".html"):
        output_content = with_policy(output_content)
    if template_name == ERROR_PAGE:
        _error_pages[_language(config)] = output_content
    return output_content


def _write_error_pages(site: Path, languages: list[str]) -> None:
    """Each language's "not found" page in its own folder, the first language's at the root."""
    for language, html in _error_pages.items():
        folder = site if language == languages[0] else site / language
        (folder / ERROR_PAGE).write_text(html, encoding="utf-8")


def on_page_content(html, page, config, files):
    extra = config["extra"]
    url = _url(page, config)
    contact = edition.contact(_edition, _language(config))
    html = contacts_in_page(html, contact, _language(config))
    html, form_id = form_in_page(
        html,
        _language(config),
        url,
        extra["python_core"],
        extra["python_key"],
        extra["python_forms"],
        extra["python_forms_integrity"],
        for_forms(contact),
    )
    if form_id is not None:
        page.meta["form"] = form_id
        page.meta["form_script"] = form_script(url)
    html = _with_booklet(html, page, config, url)
    return html


def _with_booklet(html, page, config, url):
    """The caseworker's booklet, on the page that has its marker (the page for professionals)."""
    if not booklet.BOOKLET_MARKER.search(html):
        return html
    languages = _languages(config)
    language = _language(config)
    prefix = "" if language == languages[0] else f"{language}/"
    pages = booklet.form_pages(Path(config["docs_dir"]))
    address = edition.address_in(_edition, language, languages[0])
    html, found = booklet.booklet_in_page(
        html,
        language,
        address,
        lambda form_id: url(prefix + pages[form_id]) + "/",
        home=url(prefix or ".") + "/",
        contact=edition.contact(_edition, language),
        logo=_logo(url, language),
    )
    if found:
        page.meta["booklet_script"] = url(booklet.SCRIPT)
    return html


def _logo_path() -> str:
    """Where the build puts the organisation's logo, below the site's root."""
    return f"assets/edition-logo{_edition.logo.suffix.lower()}"


def _logo(url, language) -> dict | None:
    if _edition.logo is None:
        return None
    return {"src": url(_logo_path()), "alt": _edition.organisation.get(language, "")}


def on_post_page(output, page, config):
    if _language(config) != _languages(config)[0]:
        output = searching_own_index(output, _language(config))
    return output if _serving else with_policy(output)


@event_priority(-110)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    i18n = config["plugins"].get("i18n")
    if i18n is not None and i18n.building:
        return  # the end of one language's build inside mkdocs-static-i18n's own loop
    site = Path(config["site_dir"])
    if i18n is not None:
        split_search_index(site, _languages(config), frozenset(LUNR_LANGUAGES))
    if not _serving and not _edition.address:
        # With no public address a sitemap has no address to give its pages (mkdocs-static-i18n
        # writes config.site_url before each page's path). Nothing of ours fetches it: the
        # language menu's links are plain links (overrides/main.html leaves out rel="alternate").
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
    if _edition.logo is not None:
        shutil.copyfile(_edition.logo, site / _logo_path())
    try:
        write_stylesheet(site)  # before the offline copy's list and the compressed copies
    except StylesheetError as error:
        raise PluginError(str(error)) from None
    _write_error_pages(site, _languages(config))
    write_manifests(site, _languages(config))
    pyodide_bundle.write_bundle(site, config["extra"]["python_core"], *_python)
    if not _serving:
        write_service_worker(site, config["extra"]["offline_version"], _languages(config))
        write_compressed_copies(site, COMPRESSED_COPIES_CACHE)
        # Last: the headers name the inline scripts of every page as finally written.
        write_server_config(site)
