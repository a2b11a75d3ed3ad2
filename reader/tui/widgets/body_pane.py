"""The body pane: the open article, read from the store or from what was read ahead.

It owns what belongs to the article being read: which one is open, its scroll
position (saved as an offset, kept across restarts), its read and bookmark
marks, stepping through an entity's mentions, and the neighbours read ahead so
`j` shows the next article without a round trip to SQLite. Store work goes out as
`StoreRequest`s; what changed goes out as messages for the other panes.

The read rule: an article becomes read when it has been on screen for READ_AFTER
seconds, when its body is scrolled, or when it is left after the body pane had the
focus on it. Skimming past with j/k marks nothing, nor does the article shown at
start-up until the same rule applies. `u` and `b` act on the article under the list's
cursor at the time of the key (see ReaderScreen), so `mark` takes any article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive, var
from textual.timer import Timer

from reader.render.engine import BidiMode
from reader.store.read.rows import Article, EntityCount
from reader.store.read.text import find_hits
from reader.tui import reading
from reader.tui.reading import Loaded
from reader.tui.store_request import StoreRequest
from reader.tui.ui_text import ui
from reader.tui.widgets.body_view import BodyView

READ_AHEAD_KEEP = 8


@dataclass(eq=False, repr=False)
class ArticleLoaded(Message, bubble=False):
    """An article read for showing (None: it is gone since the list was read)."""

    article_id: int
    """The article asked for (its body key: minus a story row's id for the story)."""
    loaded: Loaded | None
    """It with its mentions and entities."""


@dataclass(eq=False, repr=False)
class ReadAhead(Message, bubble=False):
    """The cursor's neighbours, read so `j` shows them without a round trip."""

    ids: list[int]
    """The neighbours when asked, nearest first."""
    found: list[Loaded]
    """Those of them that were not held yet and still exist."""


class BodyPane(Vertical):
    READ_AFTER: ClassVar[float] = 2.0
    """Seconds an article stays on screen before it counts as read."""
    bidi_mode: reactive[BidiMode] = reactive(BidiMode.APP)
    current: var[Article | None] = var(None)
    """The article in the body, with its read and bookmark marks as they are now."""

    @dataclass(eq=False, repr=False)
    class Shown(Message):
        """An article is now in the body; the other panes show its entities and marks."""

        article: Article
        """The article, marked read."""
        entities: list[EntityCount]
        """Its entities, by kind, most mentioned first."""

    class HitChosen(Message):
        """n/N chose another search hit in the body: the status line says which now."""

    @dataclass(eq=False, repr=False)
    class Marked(Message):
        """The open article's read or bookmark mark changed."""

        article: Article
        """The article with its marks as they are now."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._held: dict[int, Loaded] = {}
        self._opening: int | None = None
        self._mention_steps: dict[int, int] = {}
        self._query = ""
        self._marks: dict[int, tuple[bool, bool]] = {}
        self._entered: int | None = None
        self._shown_at = 0
        self._settling = False
        self.land_on_hit: int | None = None
        """Set by n/N going on into another article: its first (0) or last (-1) hit is
        chosen when it is shown, instead of its saved position."""
        self.read_timer: Timer | None = None
        """Fires `dwell_elapsed` once the open article has been shown for READ_AFTER."""

    def compose(self) -> ComposeResult:
        yield BodyView(id="body").data_bind(BodyPane.bidi_mode)

    def on_mount(self) -> None:
        self.watch(self.body, "scroll_y", self._scrolled, init=False)

    def on_descendant_focus(self) -> None:
        if self.current is not None:
            self._entered = self.current.id

    @property
    def key(self) -> int | None:
        """The open body's key (`reading.body_key`), None when nothing is open."""
        return None if self.current is None else _key(self.current)

    @property
    def body(self) -> BodyView:
        return self.query_one(BodyView)

    # opening ----------------------------------------------------------------

    def open(self, article_id: int, query: str) -> None:
        """Show the article (`reading.body_key`: a story's body for a negative id),
        highlighting `query`'s hits; mark it read once it is shown."""
        self.save_position()
        left = self.current
        if left is not None and self._entered == left.id and _key(left) != article_id:
            self._read_now()
        self._stop_read_timer()
        self._opening, self._query = article_id, query
        loaded = self._held.get(article_id)
        if loaded is not None:
            self._show(loaded)
        else:
            self.post_message(
                StoreRequest(
                    self,
                    lambda store: reading.load_body(store, article_id),
                    lambda found: ArticleLoaded(article_id, found),
                    "open",
                )
            )
        self.post_message(
            StoreRequest(
                self,
                lambda store: reading.remember_opened(store, abs(article_id)),
                lambda _: None,
                "state",
                exclusive=False,
            )
        )

    def hold(self, loaded: Loaded) -> None:
        """An article read by someone else (the start-up read), to be shown without a read."""
        self._held[_key(loaded[0])] = loaded

    def forget(self) -> None:
        """Drop what was read ahead: the store may have changed (refresh)."""
        self._held = {}

    def close(self, message: str | None) -> None:
        """No article open: the list is empty (with `message` saying why, if any)."""
        self.current = None
        if message is not None:
            self.body.show_message(message)

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        # A read-ahead article shown since must not be replaced by this late one.
        if self._opening == message.article_id:
            self._show(message.loaded)

    def _show(self, loaded: Loaded | None) -> None:
        self._mention_steps = {}
        if loaded is None:
            self.current = None
            self.body.show_message(ui("body.gone"))
            return
        article, mentions, entities = loaded
        if article.id in self._marks:
            read, bookmarked = self._marks.pop(article.id)
            article = replace(article, read=read, bookmarked=bookmarked)
        self.current = article
        hits, title_hits = self._hits(article)
        land, self.land_on_hit = self.land_on_hit, None
        self._settling = True
        offset = article.scroll if land is None or not hits else 0
        self.body.show(article, mentions, hits, offset=offset, title_hits=title_hits)
        if land is not None and hits:
            self.call_after_refresh(self.step_hit, 1 if land == 0 else -1)
        # After the saved position is restored (the body does that after the refresh).
        self.call_after_refresh(self._settled)
        self.post_message(self.Shown(article, entities))
        if not article.read:
            self.read_timer = self.set_timer(self.READ_AFTER, self.dwell_elapsed)

    def step_hit(self, step: int) -> bool:
        """The next (previous) search hit; False past the last (first) one."""
        if not self.body.step_hit(step):
            return False
        self.post_message(self.HitChosen())
        return True

    def dwell_elapsed(self) -> None:
        """The open article has been on screen for READ_AFTER seconds: it is read now."""
        self.read_timer = None
        self._read_now()

    def _settled(self) -> None:
        self._settling = False
        self._shown_at = self.body.top_offset()

    def _scrolled(self) -> None:
        # Restoring the saved position is no reading; moving the body from it is.
        if self._settling or self.current is None:
            return
        if self.body.top_offset() != self._shown_at:
            self._read_now()

    def _read_now(self) -> None:
        if self.current is not None and not self.current.read:
            self._stop_read_timer()
            self._mark(read=True)

    def _stop_read_timer(self) -> None:
        if self.read_timer is not None:
            self.read_timer.stop()
            self.read_timer = None

    def set_query(self, query: str) -> None:
        """The search changed while the article stays open: highlight the new hits."""
        self._query = query
        if self.current is not None:
            self.body.set_hits(*self._hits(self.current))

    def _hits(self, article: Article) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The search's hits in the body and in the title."""
        if not self._query.strip():
            return [], []
        return find_hits(article.body, self._query), find_hits(article.title, self._query)

    def read_ahead(self, ids: list[int], names_width: int) -> None:
        """Read `ids` (the cursor's neighbours) and lay them out, unless already held."""
        wanted = [i for i in ids if i not in self._held]
        if not wanted:
            return
        width, mode = self.body.text_width, self.bidi_mode
        self.post_message(
            StoreRequest(
                self,
                lambda store: reading.read_ahead(store, wanted, width, names_width, mode),
                lambda found: ReadAhead(ids, found),
                "prefetch",
            )
        )

    @on(ReadAhead)
    def _read_ahead_done(self, message: ReadAhead) -> None:
        keep = {i: self._held[i] for i in message.ids if i in self._held}
        keep.update((_key(loaded[0]), loaded) for loaded in message.found)
        self._held = dict(list(keep.items())[-READ_AHEAD_KEEP:])

    # reading state ----------------------------------------------------------

    def save_position(self) -> None:
        """Remember how far down the open article the reader is (kept across restarts)."""
        if self.current is None:
            return
        offset = self.body.top_offset()
        self._remember(replace(self.current, scroll=offset))
        self._write(self.current.id, scroll=offset)

    def toggle_read(self) -> None:
        if self.current is not None:
            self._stop_read_timer()
            self._mark(read=not self.current.read)

    def mark_other(
        self, article_id: int, *, read: bool, bookmarked: bool, story: bool = False
    ) -> None:
        """Marks for an article that is not (yet) the open one: under the list's cursor
        while it is still being read, or read ahead. Kept until it is shown. A story's
        row (`story`) marks all the story's articles."""
        held = self._held.get(-article_id if story else article_id)
        if held is not None:
            self._remember(replace(held[0], read=read, bookmarked=bookmarked))
        self._marks[article_id] = (read, bookmarked)
        self._write(article_id, read=read, bookmarked=bookmarked, story=story)

    def all_read(self) -> None:
        """The list was marked read (written by the screen): what is open, held or waiting
        to be shown is read too."""
        self._held = {}
        self._marks = {i: (True, bookmarked) for i, (_, bookmarked) in self._marks.items()}
        self._stop_read_timer()
        if self.current is not None:
            self.current = replace(self.current, read=True)

    def toggle_bookmark(self) -> None:
        if self.current is not None:
            self._mark(bookmarked=not self.current.bookmarked)

    def _mark(self, *, read: bool | None = None, bookmarked: bool | None = None) -> None:
        article = self.current
        assert article is not None
        self.current = changed = replace(
            article,
            read=article.read if read is None else read,
            bookmarked=article.bookmarked if bookmarked is None else bookmarked,
        )
        self._remember(changed)
        self.post_message(self.Marked(changed))
        self._write(article.id, read=read, bookmarked=bookmarked, story=bool(article.members))

    def _write(
        self,
        article_id: int,
        *,
        read: bool | None = None,
        bookmarked: bool | None = None,
        scroll: int | None = None,
        story: bool = False,
    ) -> None:
        self.post_message(
            StoreRequest(
                self,
                lambda store: store.state.set_state(
                    article_id, read=read, bookmarked=bookmarked, scroll=scroll, story=story
                ),
                lambda _: None,
                "state",
                exclusive=False,
            )
        )

    def _remember(self, article: Article) -> None:
        """Keep a read-ahead copy in step with state changed since it was read."""
        loaded = self._held.get(_key(article))
        if loaded is not None:
            self._held[_key(article)] = (article, loaded[1], loaded[2])

    # mentions ---------------------------------------------------------------

    def jump_to_mention(self, entity_id: int) -> None:
        """Each call for the same entity goes to its next mention, wrapping at the end, and
        marks it in the body."""
        found = [m for m in self.body.mentions if m.entity_id == entity_id]
        if not found:
            return
        step = self._mention_steps.get(entity_id, -1) + 1
        self._mention_steps = {entity_id: step % len(found)}
        mention = found[step % len(found)]
        self.body.mark(mention.start, mention.end)


def _key(article: Article) -> int:
    """Where an article is held: its id, or minus it for a story's body."""
    return -article.id if article.members else article.id
