"""Everything a family can do to a form, as small immutable values."""

from dataclasses import dataclass

from forms.typed_text import mended


@dataclass(frozen=True)
class FieldChanged:
    """A field's text changed; path is 'name' or 'list/uid/name'."""

    path: str
    value: str


@dataclass(frozen=True)
class FieldsRestored:
    """Many fields at once: what was typed before the form's help had started."""

    values: dict


@dataclass(frozen=True)
class ItemAdded:
    """An empty item at the end of a list; list_path is 'guests' or 'sections/s1/actions'."""

    list_path: str


@dataclass(frozen=True)
class ItemRemoved:
    list_path: str
    uid: str


@dataclass(frozen=True)
class ItemMoved:
    list_path: str
    uid: str
    offset: int


@dataclass(frozen=True)
class ItemOpened:
    """ "Change" on an item folded into a summary row: open it again (and fold the others)."""

    list_path: str
    uid: str


@dataclass(frozen=True)
class ItemClosed:
    """ "Done" on an open item: fold it into its summary row, once its required answers are
    given."""

    list_path: str
    uid: str


@dataclass(frozen=True)
class StepChosen:
    """Back, or "change" from the answers to check: go to a step without checking this one.
    Quiet: the page shows the step already (the one the family was typing in while Python
    started), so the focus stays where it is."""

    step: str
    quiet: bool = False


@dataclass(frozen=True)
class StepContinued:
    """Continue: the step's required answers are checked before the next step is shown."""


@dataclass(frozen=True)
class DraftOffered:
    """A file was picked to open; text is None when it was too big to read, or when its bytes
    are not UTF-8 text (not_text: the page refuses to guess at them)."""

    text: str | None
    size: int
    not_text: bool = False


@dataclass(frozen=True)
class OfferAccepted:
    pass


@dataclass(frozen=True)
class OfferDeclined:
    pass


@dataclass(frozen=True)
class EverythingDeleted:
    """Delete everything, here or (elsewhere) in another window of the same browser."""

    elsewhere: bool = False


@dataclass(frozen=True)
class DraftStored:
    """Another window stored the draft (text); base is what this window last stored or read."""

    base: str | None
    text: str


@dataclass(frozen=True)
class FieldKept:
    """Another window's text for a field (theirs) came while the family was typing in it here,
    or with keys still on their way: the page kept its own text (value), and the family chooses
    between the two."""

    path: str
    value: str
    theirs: str


@dataclass(frozen=True)
class ConflictsRestored:
    """The answers this tab had not yet chosen between, as it remembered them over a reload:
    (where, ours) pairs, where is a field's place by position (forms.merge.Conflict.where)."""

    conflicts: tuple


@dataclass(frozen=True)
class ConflictChosen:
    """For the first answer both windows changed: keep this window's text, or the other's."""

    keep_ours: bool


@dataclass(frozen=True)
class FileSaved:
    """The page has just handed the family the draft as a file."""


@dataclass(frozen=True)
class CalendarRequested:
    """The family asks for the form's dates as a calendar file; `now` is the page's clock
    (ISO 8601, UTC), the file's time stamp; `choices` what the family chose for the file
    (forms/calendar_file.py, Choices.read), as (name, value) pairs."""

    now: str
    choices: tuple = ()


Event = (
    FieldChanged
    | FieldsRestored
    | ItemAdded
    | ItemRemoved
    | ItemMoved
    | ItemOpened
    | ItemClosed
    | DraftOffered
    | FieldKept
    | ConflictsRestored
    | OfferAccepted
    | OfferDeclined
    | EverythingDeleted
    | FileSaved
    | CalendarRequested
    | DraftStored
    | ConflictChosen
    | StepChosen
    | StepContinued
)

_BY_TYPE = {
    "field_changed": lambda d: FieldChanged(path=str(d["path"]), value=mended(str(d["value"]))),
    "fields_restored": lambda d: FieldsRestored(
        values={str(k): mended(str(v)) for k, v in dict(d["values"]).items()}
    ),
    "item_added": lambda d: ItemAdded(list_path=str(d["list"])),
    "item_removed": lambda d: ItemRemoved(list_path=str(d["list"]), uid=str(d["uid"])),
    "item_moved": lambda d: ItemMoved(
        list_path=str(d["list"]), uid=str(d["uid"]), offset=1 if int(d["offset"]) > 0 else -1
    ),
    "item_opened": lambda d: ItemOpened(list_path=str(d["list"]), uid=str(d["uid"])),
    "item_closed": lambda d: ItemClosed(list_path=str(d["list"]), uid=str(d["uid"])),
    "step_chosen": lambda d: StepChosen(step=str(d["step"]), quiet=bool(d.get("quiet"))),
    "step_continued": lambda d: StepContinued(),
    "draft_offered": lambda d: DraftOffered(
        text=None if d.get("text") is None else str(d["text"]),
        size=int(d["size"]),
        not_text=bool(d.get("not_text")),
    ),
    "offer_accepted": lambda d: OfferAccepted(),
    "offer_declined": lambda d: OfferDeclined(),
    "everything_deleted": lambda d: EverythingDeleted(elsewhere=bool(d.get("elsewhere"))),
    "draft_stored": lambda d: DraftStored(
        base=None if d.get("base") is None else str(d["base"]), text=str(d["text"])
    ),
    "field_kept": lambda d: FieldKept(
        path=str(d["path"]), value=mended(str(d["value"])), theirs=mended(str(d["theirs"]))
    ),
    "conflicts_restored": lambda d: ConflictsRestored(
        conflicts=tuple(
            (tuple(c["where"]), mended(str(c["ours"]))) for c in list(d.get("conflicts") or [])
        )
    ),
    "conflict_ours": lambda d: ConflictChosen(keep_ours=True),
    "conflict_theirs": lambda d: ConflictChosen(keep_ours=False),
    "file_saved": lambda d: FileSaved(),
    "calendar_requested": lambda d: CalendarRequested(
        now=str(d["now"]), choices=tuple(dict(d.get("choices") or {}).items())
    ),
}


def event_from_dict(data: dict) -> Event:
    """The plain message a page sends ({'type': 'item_added', 'list': ...}) as an event."""
    try:
        build = _BY_TYPE[data["type"]]
    except KeyError as missing:
        raise ValueError(f"unknown event: {data!r}") from missing
    return build(data)
