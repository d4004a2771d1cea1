"""Small pictures drawn for the steps of the child's form: a face, friends, a helper, a speech
bubble, a lock, and the three houses. They only decorate (the step's heading says it all), so
screen readers skip them."""

from forms.catalogue.wishes import three_houses

INK = "#1a1a1a"
FILL = "#e9e4f5"
SHAPES = {
    # A smiling face.
    "me": '<circle cx="32" cy="32" r="26"/>'
    '<circle cx="23" cy="27" r="3" fill="{ink}"/><circle cx="41" cy="27" r="3" fill="{ink}"/>'
    '<path d="M21 39q11 10 22 0" fill="none"/>',
    # Two people side by side.
    "people": '<circle cx="22" cy="20" r="9"/><path d="M6 56q0-22 16-22t16 22z"/>'
    '<circle cx="44" cy="22" r="8"/><path d="M30 56q2-19 14-19t14 19z"/>',
    # A big and a small person holding hands.
    "helper": '<circle cx="20" cy="16" r="9"/><path d="M8 58V32q0-6 12-6t12 6v26z"/>'
    '<circle cx="46" cy="30" r="7"/><path d="M38 58V44q0-5 8-5t8 5v14z"/>'
    '<path d="M30 42h10" fill="none"/>',
    # A speech bubble.
    "how": '<path d="M8 12h48v30H26l-12 12v-12H8z"/><path d="M18 24h28M18 32h20" fill="none"/>',
    # A padlock.
    "private": '<path d="M20 28v-8a12 12 0 0 1 24 0v8" fill="none"/>'
    '<rect x="12" y="28" width="40" height="28" rx="4"/>'
    '<circle cx="32" cy="40" r="4" fill="{ink}"/><path d="M32 44v6" fill="none"/>',
}


def picture(name: str) -> str:
    """The step's picture as inline SVG, hidden from screen readers; "" for no picture."""
    if name in three_houses.KINDS:
        return three_houses.icon(name)
    shape = SHAPES.get(name)
    if shape is None:
        return ""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="fgc-step-picture" viewBox="0 0 64 64"'
        ' aria-hidden="true" focusable="false">'
        f'<g fill="{FILL}" stroke="{INK}" stroke-width="3" stroke-linejoin="round"'
        f' stroke-linecap="round">{shape.format(ink=INK)}</g></svg>'
    )
