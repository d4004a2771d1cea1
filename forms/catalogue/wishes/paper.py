"""The child's three houses on paper and on the step where the child fills one."""

from html import escape

from forms.catalogue.wishes.three_houses import three_houses_svg
from forms.schema import FormDefinition
from forms.state import FormState
from forms.text import direction, pick


def houses_section(
    definition: FormDefinition,
    state: FormState,
    blank: bool,
    svg_id: str | None = None,
    only: str | None = None,
) -> str:
    """The child's three houses with the child's words in them (or `only` one of them, on the
    step where the child fills it); on a blank template three empty houses to write or draw in.
    Words that do not fit a house continue below the drawing."""
    language = state.language
    texts = definition.texts
    kinds = [only] if only else list(texts["houses"])
    names = [pick(texts["houses"][kind], language) for kind in kinds]
    words = ["" if blank else state.values.get(kind, "").strip() for kind in kinds]
    description = pick(
        texts["houses_blank_description" if blank else "houses_description"], language
    )
    title = pick(texts["houses_title"], language)
    if only:
        title, description = pick(texts["houses_live"], language), names[0]
    svg, rests = three_houses_svg(
        list(zip(kinds, names, words, strict=True)),
        title,
        description,
        svg_id or f"houses-{'blank' if blank else 'filled'}",
        direction(language),
    )
    more = "".join(
        f'<p class="fgc-houses-more"><strong>'
        f"{escape(pick(texts['houses_more'], language).format(house=name))}:</strong> "
        f"{escape(rest)}</p>"
        for name, rest in zip(names, rests, strict=True)
        if rest
    )
    return (
        '<section class="fgc-document-section fgc-document-houses">'
        f'<figure class="fgc-houses-figure">{svg}</figure>{more}</section>'
    )


def live_houses(definition: FormDefinition, state: FormState) -> dict[str, str]:
    """On a step where the child fills a house: that house as it looks now, by the step."""
    if state.step not in definition.texts.get("houses", {}):
        return {}
    step = state.step
    return {step: houses_section(definition, state, False, f"houses-live-{step}", only=step)}
