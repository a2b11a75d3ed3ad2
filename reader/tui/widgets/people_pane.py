"""Every person in the corpus, most-cited first, narrowed as you type (folded like search).

Rows are fetched in OFFSET blocks for the current narrowing text; the pane shows
the variants of the person under the cursor. While the list has focus every letter
typed (Arabic or Latin) and a paste go to the narrowing text; arrows move, digits
switch panes. The pane owns
the narrowing text; what it reads goes through `StoreRequest`s.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.render.engine import BidiMode
from reader.store.read.rows import ListedPerson
from reader.tui.store_request import StoreRequest
from reader.tui.strips import counted, visual_strip, with_marks
from reader.tui.ui_text import ui
from reader.tui.widgets.block_cache import BLOCK, BlockCache, BlockRead, Read
from reader.tui.widgets.engine_text import EngineLine, EngineText
from reader.tui.widgets.line_list import LineList

MAX_BLOCKS = 40
FIRST = 100  # persons read with each narrowing


def _is_narrowing_key(character: str | None, typed: str) -> bool:
    """Letters and marks of any script narrow (Latin too: they go to the text, not to
    commands); a space, hyphen or apostrophe only once something is typed. Digits stay
    the pane keys."""
    if character is None or len(character) != 1:
        return False
    if character in " -'":
        return bool(typed)
    return unicodedata.category(character)[0] in "LM"


class PeopleList(LineList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--dim",
        "people--chosen",
    }

    chosen_ids: reactive[frozenset[int]] = reactive(frozenset())
    """The persons in the article filter, drawn with a tick."""

    @dataclass(eq=False, repr=False)
    class Highlighted(Message):
        """The cursor rests on another person: show their variants. A newer one replaces
        a queued one."""

        people_list: PeopleList
        """The list whose cursor moved."""
        person: ListedPerson | None
        """The person now under the cursor (None while their block is read)."""

        @property
        def control(self) -> PeopleList:
            return self.people_list

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, PeopleList.Highlighted) and message.control is self.control

    @dataclass(eq=False, repr=False)
    class Toggled(Message):
        """Enter on a person: add them to the article filter, or take them out."""

        people_list: PeopleList
        """The list Enter was pressed in."""
        person: ListedPerson
        """The person to add or remove."""

        @property
        def control(self) -> PeopleList:
            return self.people_list

    @dataclass(eq=False, repr=False)
    class Typed(Message):
        """A key that edits the narrowing text, in the order typed."""

        people_list: PeopleList
        """The list that had the focus."""
        character: str | None
        """The text to append (a key's character, or a whole paste); None for Backspace."""

        @property
        def control(self) -> PeopleList:
            return self.people_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.narrow = ""
        self.typed = ""
        """The narrowing text as typed so far: ahead of `narrow`, which is the text the
        rows were read for, so a key typed before the read lands is judged right."""
        self._cache: BlockCache[ListedPerson] = BlockCache(self, limit=MAX_BLOCKS)

    def reset(self, narrow: str, count: int, first: list[ListedPerson]) -> None:
        self.narrow = narrow
        self._cache.reset({0: first})
        self.set_count(count, cursor=0)

    def person(self, index: int) -> ListedPerson | None:
        return self._cache.get(index, self._reader)

    def highlighted(self, index: int) -> None:
        self.post_message(self.Highlighted(self, self.person(index)))

    def chosen(self, index: int) -> None:
        person = self.person(index)
        if person is not None:
            self.post_message(self.Toggled(self, person))

    @on(BlockRead)
    def _block_read(self, message: BlockRead) -> None:
        self._cache.arrived(message)

    def _reader(self, block: int) -> Read[ListedPerson] | None:
        narrow = self.narrow
        return lambda store: store.people.people(narrow, block * BLOCK, BLOCK)

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        person = self.person(index)
        if person is None:
            return Strip([Segment("…", base)]).adjust_cell_length(width, base)
        chosen = person.id in self.chosen_ids
        mark = "✓ " if chosen else "  "
        style = base + self.get_component_rich_style("people--chosen") if chosen else base
        if width <= len(mark):
            return Strip.blank(width, base)
        line = counted(
            person.canonical, person.article_count, width - 2, self.bidi_mode, self.mirrored
        )
        return with_marks(mark, style, visual_strip(line, width - 2, style), self.mirrored)

    def on_key(self, event: events.Key) -> None:
        if _is_narrowing_key(event.character, self.typed):
            assert event.character is not None
            self.typed += event.character
            self.post_message(self.Typed(self, event.character))
        elif event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
            self.post_message(self.Typed(self, None))
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        """A paste is taken whole, spaces and all (one line of it)."""
        text = " ".join(event.text.split())
        if text:
            self.typed += text
            self.post_message(self.Typed(self, text))
        event.stop()


@dataclass(eq=False, repr=False)
class PeopleRead(Message, bubble=False):
    """The people pane's list for a narrowing text."""

    narrow: str
    """The text it was read for; dropped if the user has typed on since."""
    count: int
    """Persons matching."""
    people: list[ListedPerson]
    """The first of them."""


@dataclass(eq=False, repr=False)
class VariantsRead(Message, bubble=False):
    """The spellings of the person under the cursor."""

    variants: list[tuple[str, int]]
    """Each spelling with the number of times it occurs."""


class PeoplePane(Vertical):
    """The people list with its header, narrowing text and the variants of the person
    under the cursor."""

    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)
    chosen_ids: reactive[frozenset[int]] = reactive(frozenset())
    """The persons in the article filter, drawn with a tick."""
    mirrored: reactive[bool] = reactive(False)
    """The mirrored layout: ticks and counts at the right."""
    people_narrow: reactive[str] = reactive("", init=False)
    """The text typed to narrow the list."""

    def compose(self) -> ComposeResult:
        mode = PeoplePane.bidi_mode
        yield EngineLine(ui("pane.people"), id="people-header", classes="pane-header").data_bind(
            mode
        )
        yield EngineLine("", data=True, id="people-narrow").data_bind(mode)
        yield PeopleList(id="people").data_bind(mode, PeoplePane.chosen_ids, PeoplePane.mirrored)
        yield EngineText(data=True, id="variants").data_bind(mode)

    def show(self, count: int, people: list[ListedPerson], variants: list[tuple[str, int]]) -> None:
        """The list for the current narrowing, read by the caller."""
        self.query_one(PeopleList).reset(self.people_narrow, count, people)
        self._show_variants(variants)

    def narrow(self, text: str) -> None:
        self.people_narrow = text
        self.query_one(PeopleList).typed = text

    def watch_people_narrow(self, text: str) -> None:
        self.query_one("#people-narrow", EngineLine).update(f"⌕ {text}" if text else "")
        self.post_message(
            StoreRequest(
                self,
                lambda store: (
                    store.people.count_people(text),
                    store.people.people(text, 0, FIRST),
                ),
                lambda found: PeopleRead(text, *found),
                "people",
            )
        )

    @on(PeopleRead)
    def _people_read(self, message: PeopleRead) -> None:
        if message.narrow == self.people_narrow:
            self.query_one(PeopleList).reset(message.narrow, message.count, message.people)
            self._person_highlighted()

    @on(PeopleList.Typed)
    def _typed(self, message: PeopleList.Typed) -> None:
        text, character = self.people_narrow, message.character
        self.people_narrow = text + character if character else text[:-1]

    @on(PeopleList.Highlighted)
    def _person_highlighted(self) -> None:
        people = self.query_one(PeopleList)
        person = people.person(people.cursor) if people.count else None
        if person is None:
            self._show_variants([])
            return
        self.post_message(
            StoreRequest(
                self, lambda store: store.people.variants(person.id), VariantsRead, "variants"
            )
        )

    @on(VariantsRead)
    def _variants_read(self, message: VariantsRead) -> None:
        self._show_variants(message.variants)

    def _show_variants(self, found: list[tuple[str, int]]) -> None:
        self.query_one("#variants", EngineText).update("\n".join(f"{s} ({n})" for s, n in found))

    def on_key(self, event: events.Key) -> None:
        """Esc in the list clears the narrowing text first (the filter stays)."""
        if event.key == "escape" and self.people_narrow and self.query_one(PeopleList).has_focus:
            self.narrow("")
            event.stop()
            event.prevent_default()
