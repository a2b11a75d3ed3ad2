"""The reader's side of the store, in rooms over one shared connection.

`Library` (library.py) opens the connection and hands out the rooms: `listing` (the
filtered, paged article list, a row per story), `articles` (one article's text,
mentions and entities), `stories` (a story's body), `people` (the people pane)
and `state` (read and bookmark marks, app state). The reader's hot path stays on
plain sqlite3: sqlite-utils adds nothing to hand-written paged queries and would
cost start-up time.
"""
