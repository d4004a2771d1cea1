"""The translator's kit: a language's texts out as PO files, filled, and back in as a language
of the site. Built in a copy of the repository with every text pseudo-translated (accented,
lengthened, marked ⟦…⟧), so any text that did not come through the kit shows up plain."""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from html.parser import HTMLParser

import pytest
from support import PSEUDO_LANGUAGE, ROOT, RTL_PSEUDO_LANGUAGE, without_cldr_dates

from forms.text import date_in
from scripts.build.locale_data import locale_data
from scripts.translation import catalog as po
from scripts.translation import form_texts, into, out, pages, words
from scripts.translation.pseudo import pseudo
from scripts.translation.trial import try_language

DOCS = ROOT / "docs"
LANGUAGE = PSEUDO_LANGUAGE
# A word in plain letters: the pseudo-translation accents every letter it writes.
PLAIN_WORD = re.compile(r"[A-Za-zæøåÆØÅ]{2,}")
HIDDEN = {"script", "style", "template", "svg", "code", "pre"}
READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


class VisibleText(HTMLParser):
    """The text a reader sees or hears on a page: its text and its labels, not code."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []
        self.code: list[str] = []  # file names and commands, written as they are

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        self.texts += [value for key, value in attrs if key in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)
        elif self.lasttag in ("code", "pre"):
            self.code.append(data)


def plain_words(html: str) -> set[str]:
    """The words in plain letters a reader meets, but for those the page also shows as code (a
    file name in a heading is a name in its table of contents too)."""
    parser = VisibleText()
    parser.feed(html)
    code = {word for text in parser.code for word in PLAIN_WORD.findall(text)}
    return {word for text in parser.texts for word in PLAIN_WORD.findall(text)} - code


def test_every_po_file_passes_msgfmt_check_as_written_and_filled(pseudo_language):
    files = [*pseudo_language["out"].rglob("*.po"), *pseudo_language["filled"].rglob("*.po")]
    assert len(files) == 2 * (len(out.page_sources()) + 2)
    for path in files:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_the_po_files_hold_the_danish_with_the_english_beside_it(pseudo_language):
    catalog = po.load(pseudo_language["out"] / "pages" / "dine-rettigheder.po")
    title = catalog.get("Dine rettigheder")
    assert title.string == ""
    assert "English: Your rights" in title.auto_comments
    forms = po.load(pseudo_language["out"] / "forms.po")
    label = forms.get("Barnets fornavn", "questions.toml:fields[child_name].label")
    assert "English: The child's first name" in label.auto_comments


def test_every_page_is_built_in_the_new_language(pseudo_language):
    site = pseudo_language["site"]
    for source in out.page_sources():
        name = out.page_name(source)
        path = site / LANGUAGE / ("" if name == "index" else name) / "index.html"
        assert path.exists(), path
        assert f'lang="{LANGUAGE}"' in path.read_text(encoding="utf-8")


def test_no_danish_text_is_left_on_the_new_languages_pages(pseudo_language):
    """Every word a reader sees is pseudo-translated, but for the names of the other languages
    in the language menu."""
    names = {"Dansk", "English"}
    site = pseudo_language["site"] / LANGUAGE
    left = {}
    for path in sorted(site.rglob("*.html")):
        plain = plain_words(path.read_text(encoding="utf-8")) - names
        if plain:
            left[path.relative_to(site).as_posix()] = sorted(plain)
    assert left == {}


def test_the_check_takes_out_a_date_from_cldr_never_a_month_name_alone():
    """A language's month names come from CLDR, not from its translator (a pseudo-language's are
    its base language's): a date written by the forms is no untranslated text, a month name
    standing alone in a sentence is."""
    locale = locale_data({"kl": None})["kl"]
    text = pseudo("Udskrevet") + " " + date_in("2026-12-07", locale) + ". Decembarip"
    assert PLAIN_WORD.findall(text) == ["decembarip", "Decembarip"]
    assert PLAIN_WORD.findall(without_cldr_dates(text, locale)) == ["Decembarip"]


def test_the_check_sees_a_danish_word_left(pseudo_language):
    html = "<main><p>" + pseudo("Det, du skriver, bliver hos dig") + "</p><p>Forberedelse</p>"
    assert plain_words(html) == {"Forberedelse"}


def test_a_language_lunr_cannot_stem_is_searched_without_a_stemmer(pseudo_language):
    site = pseudo_language["site"]
    index = json.loads((site / LANGUAGE / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["en"]
    assert index["config"]["pipeline"] == []
    assert index["docs"] and all("⟦" in doc["title"] for doc in index["docs"] if doc["title"])
    danish = json.loads((site / "search" / "search_index.json").read_text())
    assert danish["config"]["lang"] == ["da"]


def test_the_theme_and_the_manifest_speak_the_new_language(pseudo_language):
    site = pseudo_language["site"] / LANGUAGE
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "⟦Ĝǻ ţíļ íñðĥóļðéţ" in home  # Material's "skip to content", from the kit
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == LANGUAGE
    assert manifest["name"].startswith("⟦")


def test_the_repository_is_left_without_the_new_language(pseudo_language):
    assert not list(DOCS.rglob(f"*.{LANGUAGE}.md"))
    assert not (ROOT / "forms" / "translations" / f"{LANGUAGE}.toml").exists()
    assert pseudo_language["repo"] != ROOT


def test_a_second_round_keeps_the_translations_and_marks_what_changed(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    folder = tmp_path / "kl"
    out.write_out(LANGUAGE, folder, docs)
    page = folder / "pages" / "sikker-brug.po"
    catalog = po.load(page)
    first, second = [m for m in catalog if m.id][2:4]
    for message in (first, second):
        message.string = "Oversat: " + message.id
    with page.open("wb") as file:
        po.write_po(file, catalog, width=0)
    source = docs / "sikker-brug.da.md"
    changed = second.id.replace(second.id[:12], second.id[:12] + " nu", 1)
    source.write_text(source.read_text(encoding="utf-8").replace(second.id, changed, 1))

    counts = out.write_out(LANGUAGE, folder, docs)["pages/sikker-brug.po"]

    again = po.load(page)
    kept = again.get(first.id)
    assert (kept.string, kept.fuzzy) == ("Oversat: " + first.id, False)
    marked = again.get(changed)
    assert marked.fuzzy and marked.string == "Oversat: " + second.id
    # The translator's tool shows what the Danish was (msgmerge's --previous).
    assert f'#| msgid "{second.id}"\nmsgid "{changed}"' in page.read_text(encoding="utf-8")
    assert again.get(second.id) is None
    assert counts["translated"] == 1 and counts["fuzzy"] == 1


def test_an_incomplete_folder_is_refused_and_nothing_is_written(pseudo_language):
    with pytest.raises(into.Incomplete) as refused:
        into.read_in(LANGUAGE, pseudo_language["out"], pseudo_language["repo"])
    assert "forms.po: questions.toml:fields[child_name].label: Barnets fornavn" in str(
        refused.value
    )


def _page_as_read(text: str) -> tuple[dict, str]:
    """A page's front matter and its body as HTML (with the site's Markdown extensions), its
    white space made single."""
    import markdown
    import yaml

    _, front, body = text.split("---\n", 2)
    config = yaml.safe_load(re.sub(r"!!python\S*", "", (ROOT / "mkdocs.yml").read_text()))
    extensions, settings = [], {}
    for extension in config["markdown_extensions"]:
        name = extension if isinstance(extension, str) else next(iter(extension))
        extensions.append(name)
        if isinstance(extension, dict):
            settings[name] = extension[name]
    html = markdown.markdown(body, extensions=extensions, extension_configs=settings)
    return yaml.safe_load(front), re.sub(r"\s+", " ", html)


def test_every_page_comes_back_the_same_through_the_cutter():
    """Each Danish page cut into texts and put together again with the texts unchanged reads
    the same: the same front matter and the same HTML (soft line breaks may become spaces)."""
    for source in out.page_sources():
        text = source.read_text(encoding="utf-8")
        again = pages.put_together(pages.cut(text), lambda t: t.text)
        assert _page_as_read(again) == _page_as_read(text), source


def test_every_form_text_has_a_key_of_its_own():
    keys = [key for key, _, _ in form_texts.texts()]
    assert len(keys) == len(set(keys)) > 400


STATED_WORDS = re.compile(r"(?:omkring|about) ([\d.,]+) (?:ord|words)", re.I)


@pytest.mark.parametrize("page", ["for-fagfolk.da.md", "for-fagfolk.en.md"])
def test_the_length_stated_for_a_translation_is_within_a_tenth_of_the_real(page, pseudo_language):
    stated = STATED_WORDS.search((DOCS / page).read_text(encoding="utf-8"))
    assert stated, "the page says how many words a translator gets"
    number = int(re.sub(r"[.,]", "", stated[1]))
    real = sum(words.count(pseudo_language["out"]).values())
    assert abs(number - real) <= real / 10, (number, real)


def test_the_forms_have_every_text_in_the_new_language(pseudo_language):
    """The forms' own checks (tests/unit/test_text.py, test_locale_data.py), run in the copy with
    the language added: every text of every definition has it, through the overlay, each text
    with a count in every plural category of the language, and the dates and plural rules the
    build wrote (locales.json) are those of the languages the site now builds."""
    repo = pseudo_language["repo"]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/unit/test_text.py",
            "tests/unit/build/test_locale_data.py",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b[1-9]\d* passed", result.stdout)
    assert " skipped" not in result.stdout
    listed = tomllib.loads((repo / "forms" / "definitions" / "languages.toml").read_text("utf-8"))
    assert list(listed["languages"]) == ["da", "en", LANGUAGE]
    assert listed["cldr"][LANGUAGE] == LANGUAGE
    written = json.loads((repo / "forms" / "definitions" / "locales.json").read_text("utf-8"))
    assert written[LANGUAGE]["months"][2] == "marsip"  # Kalaallisut's March, from CLDR
    said = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from forms.text import ui_count; print(ui_count('kept_forms', 2, {LANGUAGE!r}))",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert said.strip() == pseudo("{count} skemaer").replace("{count}", "2")
    languages = subprocess.run(
        [
            sys.executable,
            "-c",
            "from forms.text import languages, ui; "
            f"print(list(languages())); print(ui('exit_button', {LANGUAGE!r}))",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert languages[0] == f"['da', 'en', {LANGUAGE!r}]"
    assert languages[1].startswith("⟦")


def test_a_pseudo_language_under_a_five_letter_code_is_built_whole(tmp_path):
    """An en-XA-like pseudo-language, never shipped (`make pseudo-language`): a code with a
    region (da-XA) goes through the kit as a two-letter one does."""
    code = "da-XA"
    tried = try_language(code, tmp_path)
    for name, step in tried["steps"].items():
        assert step.returncode == 0, f"{name}: {step.stdout}\n{step.stderr}"
    site = tried["site"] / code
    for source in out.page_sources():
        name = out.page_name(source)
        path = site / ("" if name == "index" else name) / "index.html"
        html = path.read_text(encoding="utf-8")
        assert f'lang="{code}"' in html
        assert plain_words(html) - {"Dansk", "English"} == set(), path
    said = subprocess.run(
        [sys.executable, "-c", f"from forms.text import ui; print(ui('exit_button', {code!r}))"],
        cwd=tried["repo"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert said.startswith("⟦")
    assert not (ROOT / "forms" / "translations" / f"{code}.toml").exists()
    # Its dates and counts are its base language's: Danish.
    definitions = tried["repo"] / "forms" / "definitions"
    assert tomllib.loads((definitions / "languages.toml").read_text("utf-8"))["cldr"][code] == "da"
    written = json.loads((definitions / "locales.json").read_text("utf-8"))
    assert written[code]["months"] == written["da"]["months"]


LANGUAGE_LIST = """# The languages.
[languages]
da = "Dansk"
en = "English"

# Their CLDR locales.
[cldr]
da = "da"
en = "en_GB"
"""


def test_a_language_goes_into_both_tables_of_the_language_list_once(tmp_path):
    path = tmp_path / "languages.toml"
    path.write_text(LANGUAGE_LIST, encoding="utf-8")
    into._add_to_language_list("kl", "Kalaallisut", path)
    into._add_to_language_list("kl", "Kalaallisut", path)  # a second round
    into._add_to_language_list("ar-XB", "Pseudo", path)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert written["languages"] == {
        "da": "Dansk",
        "en": "English",
        "kl": "Kalaallisut",
        "ar-XB": "Pseudo",
    }
    assert written["cldr"] == {"da": "da", "en": "en_GB", "kl": "kl", "ar-XB": "ar"}
    assert path.read_text(encoding="utf-8").count("# Their CLDR locales.") == 1


def test_a_pseudo_language_written_right_to_left_is_built_right_to_left(rtl_pseudo_language):
    """ar-XB (tests/conftest.py): its direction is Arabic's in CLDR, and the kit says so to
    Material (the language's theme, the theme's words it writes) and to the forms (locales.json);
    its texts are the PO files' own, set right to left."""
    code, repo = RTL_PSEUDO_LANGUAGE, rtl_pseudo_language["repo"]
    page = (rtl_pseudo_language["site"] / code / "hvad-er-det" / "index.html").read_text("utf-8")
    assert '<body dir="rtl"' in page
    assert plain_words(page) - {"Dansk", "English"} == set()
    assert "\u202e" in page  # the words written from the right
    partial = repo / "overrides" / "partials" / "languages" / f"{code}.html"
    assert '"direction": "rtl"' in partial.read_text(encoding="utf-8")
    written = json.loads((repo / "forms" / "definitions" / "locales.json").read_text("utf-8"))
    assert written[code]["direction"] == "rtl"
    assert [name for name, _ in written[code]["plural"]] == ["few", "many", "one", "two", "zero"]
    overlay = tomllib.loads((repo / "forms" / "translations" / f"{code}.toml").read_text("utf-8"))
    assert list(overlay["ui.toml"]["kept_forms"]) == ["zero", "one", "two", "few", "many", "other"]
    po_file = rtl_pseudo_language["filled"] / "forms.po"
    assert po.load(po_file).get("{count} skemaer", "ui.toml:kept_forms/few").string == pseudo(
        "{count} skemaer", right_to_left=True
    )
