"""Every binding the config's [keys] table may remap, by the context it works in.

The help screen lists these, and the config check refuses ids that are not here:
one table, so neither can drift from the bindings the app really has.
"""

from __future__ import annotations

from textual.binding import Binding

from reader.tui.keys import KEYS
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.prompt import Confirm, LinePrompt
from reader.tui.widgets.body_view import BodyView
from reader.tui.widgets.entities_pane import EntitiesList
from reader.tui.widgets.line_list import LineList


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """(context, bindings) in the order the help shows them."""
    sources = (
        ("app", KEYS),
        ("list", LineList.BINDINGS),
        ("body", BodyView.BINDINGS),
        ("entities", EntitiesList.BINDINGS),
        ("help", HelpScreen.BINDINGS),
        ("prompt", [*LinePrompt.BINDINGS, *Confirm.BINDINGS]),
    )
    return [(group, [b for b in found if isinstance(b, Binding)]) for group, found in sources]


def binding_ids() -> set[str]:
    return {b.id for _, found in binding_groups() for b in found if b.id}


def unknown_binding_ids(keymap: dict[str, str]) -> list[str]:
    known = binding_ids()
    return sorted(binding_id for binding_id in keymap if binding_id not in known)
