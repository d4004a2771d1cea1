"""The guest list's own part of the paper: the network map, the guests on rings around the
child, with the same as text."""

from functools import lru_cache
from html import escape

from forms.catalogue.guests.network_map import network_map
from forms.schema import FormDefinition
from forms.state import FormState
from forms.text import direction, pick


def network_map_section(definition: FormDefinition, state: FormState, blank: bool) -> str:
    """The guests on rings around the child, and the same as text for those who cannot see it."""
    language = state.language
    circles = definition.field_of_list("guests", "circle")
    order = [option.value for option in circles.options]
    labels = [pick(definition.texts["circles"][value], language) for value in order]
    people = []
    if not blank:
        for item in state.items("guests"):
            name = item.values.get("name", "").strip()
            circle = item.values.get("circle", "")
            if name and circle in order:
                people.append((name, order.index(circle)))
    centre = state.values.get("child_name", "").strip() or pick(
        definition.texts["child_in_centre"], language
    )
    svg, numbers = _map(
        centre if not blank else pick(definition.texts["child_in_centre"], language),
        tuple(people),
        tuple(labels),
        pick(definition.texts["map_title"], language),
        pick(definition.texts["map_description"], language),
        f"network-map-{'blank' if blank else 'filled'}",
        direction(language),
    )
    # Everyone by ring, as text; a name whose dot shows a number on the map has it here too:
    # the list is the map's key.
    shown = [
        (f'<span class="fgc-map-key">{number}</span> ' if number else "") + escape(name)
        for (name, _), number in zip(people, numbers, strict=True)
    ]
    text = "".join(
        f"<li><strong>{escape(label)}:</strong> "
        + (", ".join(s for s, (_, ring) in zip(shown, people, strict=True) if ring == index) or "–")
        + "</li>"
        for index, label in enumerate(labels)
    )
    return (
        '<section class="fgc-document-section fgc-document-map">'
        f"<h3>{escape(pick(definition.texts['map_title'], language))}</h3>"
        f'<figure class="fgc-map-figure">{svg}</figure>'
        + ("" if blank else f'<ul class="fgc-map-text">{text}</ul>')
        + "</section>"
    )


@lru_cache(maxsize=16)
def _map(centre, people, labels, title, description, svg_id, way) -> tuple[str, list]:
    """The map is drawn again only when a name, a circle or the child's name changes, not on
    every keystroke elsewhere in the form (placing labels costs time on a long guest list)."""
    return network_map(centre, list(people), list(labels), title, description, svg_id, way)
