"""Entities of the open article, grouped persons / places / organisations, with counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from reader.kinds import Kind
from reader.store.read.rows import EntityCount
from reader.tui import ui_text
from reader.tui.strips import counted, text_strip, visual_strip
from reader.tui.ui_text import ui
from reader.tui.widgets.line_list import LineList


class EntitiesList(LineList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "filter", "Filter list by entity", id="entities.filter"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--dim",
        "entities--group",
        "entities--count",
    }

    @dataclass(eq=False, repr=False)
    class JumpToMention(Message):
        """Enter on an entity: scroll the body to its next mention (wrapping)."""

        entities_list: EntitiesList
        """The list Enter was pressed in."""
        entity: EntityCount
        """The entity whose mentions to step through."""

        @property
        def control(self) -> EntitiesList:
            return self.entities_list

    @dataclass(eq=False, repr=False)
    class FilterBy(Message):
        """`f` on an entity: narrow the article list to the articles naming it."""

        entities_list: EntitiesList
        """The list `f` was pressed in."""
        entity: EntityCount
        """The entity to filter by."""

        @property
        def control(self) -> EntitiesList:
            return self.entities_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[EntityCount | Kind] = []  # a kind stands for its group's title row

    def set_entities(self, entities: list[EntityCount]) -> None:
        items: list[EntityCount | Kind] = []
        kind: Kind | None = None
        for entity in entities:
            if entity.kind != kind:
                kind = entity.kind
                items.append(kind)
            items.append(entity)
        self.items = items
        first = next((i for i, item in enumerate(items) if not isinstance(item, Kind)), 0)
        self.set_count(len(items), cursor=first)

    def selected(self) -> EntityCount | None:
        if not self.items:
            return None
        item = self.items[self.cursor]
        return None if isinstance(item, Kind) else item

    def selectable(self, index: int) -> bool:
        return not isinstance(self.items[index], Kind)

    def chosen(self, index: int) -> None:
        entity = self.selected()
        if entity is not None:
            self.post_message(self.JumpToMention(self, entity))

    def item_strip(self, index: int, row: int, width: int, base: Style) -> Strip:
        item = self.items[index]
        mode = self.bidi_mode
        if isinstance(item, Kind):
            style = self.rich_style + self.get_component_rich_style("entities--group")
            return text_strip(ui(f"group.{item.value}"), width, mode, style, rtl=ui_text.rtl())
        line = counted(item.canonical, item.mentions, width, mode, self.mirrored)
        return visual_strip(line, width, base)

    def action_filter(self) -> None:
        entity = self.selected()
        if entity is not None:
            self.post_message(self.FilterBy(self, entity))
