"""What the page is told after each call: one frozen View, each part named and described, and
turned into the JSON the Web Worker sends (View.to_dict). forms/app.py builds it: each event's
handler says what the page is to do or say (a Said), and the rest is the form as it now is."""

from dataclasses import dataclass, fields


class _Unsent:
    """A part only some views carry: left out of the JSON, not sent as null."""

    def __repr__(self) -> str:
        return "UNSENT"


UNSENT = _Unsent()


@dataclass(frozen=True)
class Said:
    """What one event (or the start) has the page do or say, beyond showing the form as it now
    is; nothing by default."""

    # The id of the element to move the keyboard focus to (an added item's first field, the
    # error summary, a step's heading, the offer, the notice…); None: the focus stays.
    focus: str | None = None
    # A short text for the page's live region, read out by screen readers ("Question 2 was
    # added."); None: nothing to say.
    announce: str | None = None
    # A notice about the draft for the panel above the form ({"kind": "done" | "error",
    # "html": …}): opened, not opened, deleted, refused, chosen; None: the notice stays.
    notice: dict | None = None
    # A draft file the family picked, summed up with the buttons to open it or not (HTML);
    # None: no offer (the page empties its place).
    offer: str | None = None
    # Field texts to write into the page's fields ({path: text}): after a draft was opened,
    # merged from another window or deleted; None: the fields keep what they hold.
    values: dict | None = None
    # True when every list is drawn again even where its structure did not change (a draft
    # opened or everything deleted): the fields must show the new texts.
    force: bool = False
    # Only after another window stored the draft: {"store": whether this window stores the
    # merged draft, "before": {path: the text here before the merge}, for the page to tell a
    # field the family is typing in from one the merge changed}; None otherwise.
    merged: dict | None = None
    # Only when the family asked for the dates: {"name", "text"} of the calendar file to save
    # (left out when there are no dates) and "message", what to tell the family; None otherwise.
    calendar: dict | None = None
    # Only at the start, when the draft kept on the device could not be read: True, and the
    # page stops keeping the draft there (never writing over it) and offers it as a file.
    stored_unreadable: bool | _Unsent = UNSENT
    # Only at the start from a kept draft: the "welcome back" notice (HTML) when the draft held
    # answers, else None.
    welcome: str | _Unsent | None = UNSENT


NOTHING_SAID = Said()


@dataclass(frozen=True, kw_only=True)
class View(Said):
    """Everything the page shows of the form as it now is, and (the parts of Said) what the
    last event has it do or say."""

    # Each list's {"key": its structure (the page redraws the list only when it changed, or
    # when forced), "html": its items}, by the list's name.
    lists: dict
    # The guests' names to pick from where a field offers them: a <datalist>'s options (HTML)
    # by the name of the source.
    suggestions: dict
    # The coaching under a field or list (HTML): the form's own advice, length messages, why an
    # item could not be added or removed; by the field's or list's path.
    coaching: dict
    # The error message under each field that has one (HTML), by the field's path.
    errors: dict
    # The error summary at the top of the step (HTML), "" when there are no errors; the page
    # also puts "Error:" in front of the page title while there is one.
    error_summary: str
    # The id of the step to show.
    step: str
    # The answers to check, on the last step (HTML).
    summary: str
    # The document to print or save as PDF (HTML).
    document: str
    # On a step where the child fills a house: the three houses as they look now (HTML) by the
    # step's id; else empty.
    houses: dict
    # The draft as JSON text: what the page keeps on the device and saves as a file.
    draft: str
    # What the device keeps instead of the draft while the family has still to choose between
    # this window's text and another's: the draft with the other's texts (as stored), so that
    # windows never write over each other's texts; None when there is nothing to choose.
    kept: str | None
    # This window's texts waiting for a choice ({"where": a field's place by position,
    # "ours": the text}), for the tab to remember over a reload.
    conflicts: list
    # The line that says when the answers were last saved to a file (HTML).
    file_status: str
    # When and what was last saved to a file (forms/file_status.py), for the page to keep.
    file_record: str | None
    # Whether answers would be lost with the page: not empty, and not all in a saved file (the
    # page then asks before the family leaves).
    unsaved: bool
    # The box to choose between this window's text and another window's (HTML), "" when none.
    conflict: str

    def to_dict(self) -> dict:
        """The view as the page receives it: one key a part (those only some views carry left
        out where not given)."""
        parts = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in parts.items() if value is not UNSENT}

    @staticmethod
    def keys() -> set[str]:
        """Every key a view can give the page."""
        return {f.name for f in fields(View)}
