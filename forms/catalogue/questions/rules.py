"""Coaching for "Our questions": open questions, about the child, short, not repeated."""

import re

from forms.schema import FormDefinition
from forms.state import FormState
from forms.text import pick

LONG_QUESTION_WORDS = 40
# Below this many words a question is probably still being typed: no "about the child" hint yet.
MIN_WORDS_TO_JUDGE_SUBJECT = 6

APOSTROPHE = "\u2019"  # how phones type the apostrophe in "child's"
_WORD = re.compile(rf"[\w'{APOSTROPHE}-]+", re.UNICODE)


def words(text: str) -> list[str]:
    return [word.lower().replace(APOSTROPHE, "'") for word in _WORD.findall(text)]


def _all_languages(word_lists: dict) -> set[str]:
    return {word for language_words in word_lists.values() for word in language_words}


def is_yes_no(text: str, closed_starters: set[str]) -> bool:
    found = words(text)
    return bool(found) and found[0] in closed_starters


def is_about_child(text: str, child_words: set[str], child_name: str) -> bool:
    found = set(words(text))
    name_words = set(words(child_name))
    possessive = {f"{name}s" for name in name_words} | {f"{name}'s" for name in name_words}
    return bool(found & (child_words | name_words | possessive))


def coach(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    """Hints for each question, in the form's language, keyed by the question's field path."""
    language = state.language
    closed = _all_languages(definition.words["closed_starters"])
    about_child = _all_languages(definition.words["about_child"])
    messages = definition.messages
    child_name = state.values.get("child_name", "").strip()
    hints: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    for number, item in enumerate(state.items("questions"), start=1):
        text = item.values.get("text", "").strip()
        if not text:
            continue
        found = []
        count = len(words(text))
        if is_yes_no(text, closed):
            found.append(pick(messages["yes_no"], language))
        if count >= MIN_WORDS_TO_JUDGE_SUBJECT and not is_about_child(
            text, about_child, child_name
        ):
            if child_name:
                found.append(
                    pick(messages["not_about_named_child"], language).format(name=child_name)
                )
            else:
                found.append(pick(messages["not_about_child"], language))
        if count > LONG_QUESTION_WORDS:
            found.append(pick(messages["long"], language).format(words=count))
        key = " ".join(words(text))
        if key in seen:
            found.append(pick(messages["duplicate"], language).format(n=seen[key]))
        else:
            seen[key] = number
        if found:
            hints[f"questions/{item.uid}/text"] = found
    return hints
