"""Which line of a dump is the headline, from the judged lines around it.

The page title's repeat is the strongest evidence, then the strong line just above the first
by-line or date, then the line model's title, then the first headline-shaped line; a menu,
breadcrumb or ticker line above the article never qualifies because the rules or the model
have judged it already.
"""

from __future__ import annotations

from reader.clean.lines import Verdict, is_arabic_text
from reader.clean.reasons import Reason
from reader.clean.shape import Shapes
from reader.clean.titles import repeated_title


def choose_headline(
    lines: list[str],
    verdicts: list[Verdict | None],
    rules: list[Verdict | None],
    model_head: int | None,
    arabic_doc: bool,
    shapes: Shapes,
) -> tuple[int | None, str | None]:
    """The headline's index and the outlet named by the page title, if any. A page-title line
    above the headline is marked "page-title" in `verdicts`."""
    repeated = repeated_title(lines)
    if repeated is not None and _plausible_headline(lines, verdicts, *repeated[:2], shapes):
        top, head, site = repeated
        if top != head:
            verdicts[top] = Verdict(Reason.PAGE_TITLE)
            return head, site
        return head, None
    before_meta = _line_before_metadata(lines, verdicts, shapes)
    if before_meta is not None:
        return before_meta, None
    if model_head is not None:
        return model_head, None
    return _headline_index(lines, rules, arabic_doc, shapes), None


def _headline_index(
    lines: list[str], verdicts: list[Verdict | None], arabic_doc: bool, shapes: Shapes
) -> int | None:
    """The first headline-shaped body line before the first prose paragraph, if any."""
    for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        if verdict is None or verdict.reason is not None:
            continue
        if shapes.prose(line):
            return None
        if 3 <= len(shapes.words(line)) <= 30 and (is_arabic_text(line) or not arabic_doc):
            return index
    return None


def _plausible_headline(
    lines: list[str], verdicts: list[Verdict | None], top: int, head: int, shapes: Shapes
) -> bool:
    """A page title's repeat is the headline only if the rules see neither as chrome (a share
    bar repeated at the top and the bottom is not a title) and no body prose comes before it."""
    for index in (top, head):
        verdict = verdicts[index]
        if verdict is None or verdict.reason not in (None, Reason.MODEL):
            return False
    return not any(
        verdict is not None and verdict.reason is None and shapes.prose(lines[index])
        for index, verdict in enumerate(verdicts[top + 1 : head], top + 1)
    )


def _line_before_metadata(
    lines: list[str], verdicts: list[Verdict | None], shapes: Shapes
) -> int | None:
    """The body line right above the first by-line / date under a headline, before any prose."""
    candidate: int | None = None
    for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        if verdict is None:
            continue
        kind = verdict.reason
        if kind is None or kind == Reason.MODEL:
            # What the model dropped may still be the headline: its place under it decides.
            if kind is None and shapes.prose(line):
                return None
            words = len(shapes.words(line))
            candidate = index if 3 <= words <= 30 else None
        elif kind.startswith(Reason.METADATA) or kind in (Reason.DATE_LINE, Reason.DATELINE):
            if candidate is not None:
                return candidate
        else:
            candidate = None
    return None
