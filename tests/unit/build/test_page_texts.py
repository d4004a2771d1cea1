"""The texts every page shows, in every language."""

from forms.text import languages
from scripts.build.page_texts import SITE_TEXTS, page_texts


def test_every_page_text_exists_in_every_language():
    for code in languages():
        texts = page_texts(code)
        assert set(texts) == set(SITE_TEXTS)
        assert all(isinstance(text, str) and text for text in texts.values())
