"""The key table. Every binding has an id, which is what the config file remaps.

One table in the order help lists it; the app keeps the keys that mean the same on
every screen (quit, help, bidi mode), the reader screen the rest.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

KEYS: list[Binding] = [
    Binding("q,ctrl+q", "quit", "Quit", id="app.quit"),
    Binding("question_mark,f1", "help", "Help", id="app.help"),
    Binding("tab", "pane(1)", "Next pane", id="app.next_pane", show=False),
    Binding("shift+tab", "pane(-1)", "Previous pane", id="app.previous_pane", show=False),
    Binding("1", "focus_pane('articles')", "Articles pane", id="app.pane_articles"),
    Binding("2", "focus_pane('body')", "Body pane", id="app.pane_body"),
    Binding("3", "focus_pane('entities')", "Entities pane", id="app.pane_entities"),
    Binding("4", "focus_pane('people')", "People pane", id="app.pane_people"),
    Binding("slash", "search", "Search", id="app.search"),
    Binding("n", "hit(1)", "Next hit, then next article", id="app.next_hit"),
    Binding("N", "hit(-1)", "Previous hit, then previous", id="app.previous_hit"),
    Binding("right_square_bracket", "unread(1)", "Next unread", id="app.next_unread"),
    Binding("left_square_bracket", "unread(-1)", "Previous unread", id="app.previous_unread"),
    Binding("A", "mark_all_read", "Mark the whole list read", id="app.mark_all_read"),
    Binding("m", "cycle_bidi", "Cycle bidi mode", id="app.bidi"),
    Binding("u", "toggle_read", "Mark read/unread", id="app.read"),
    Binding("b", "toggle_bookmark", "Bookmark", id="app.bookmark"),
    Binding("B", "bookmarks_only", "Bookmarks only", id="app.bookmarks_only"),
    Binding("U", "unread_only", "Unread only", id="app.unread_only"),
    Binding("r", "refresh", "Refresh", id="app.refresh"),
    Binding("R", "fetch_feeds", "Fetch due feeds", id="app.fetch_feeds"),
    # p from the entities pane; in the people pane letters type, so Ctrl+O there.
    Binding("p,ctrl+o", "person_page", "Person's page", id="app.person"),
    Binding("escape", "clear_filters", "Clear filters / fold a story", id="app.clear"),
    Binding("pagedown,space", "page(1)", "Body page down", id="app.page_down"),
    Binding("pageup", "page(-1)", "Body page up", id="app.page_up"),
    Binding("y", "copy_url", "Copy the link (OSC 52)", id="app.copy_url"),
    Binding("Y", "copy_text", "Copy the text (OSC 52)", id="app.copy_text"),
    Binding("o", "open_url", "Open the link", id="app.open_url"),
    Binding("s", "save", "Save the article to a file", id="app.save"),
    Binding("vertical_line", "pipe", "Pipe the text to a command", id="app.pipe"),
]
_APP_WIDE = {"app.quit", "app.help", "app.bidi"}
APP_BINDINGS: list[BindingType] = [b for b in KEYS if b.id in _APP_WIDE]
READER_BINDINGS: list[BindingType] = [b for b in KEYS if b.id not in _APP_WIDE]
