"""The line classifier in context: a pass over a dump that keeps the article and explains the rest.

`lines.classify` judges each line alone; this pass adds what only neighbours reveal: the
headline, blocks of links after a cue (most read, related, polls) that run until prose
resumes, captions repeated with a credit, the header's "today" date before the headline, and a
second article appended after a read-also cue once the first article has ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.clean.article import CleanArticle, Dropped
from reader.clean.linemodel import BODY, OTHER, TITLE, label_lines, line_features
from reader.clean.lines import (
    Verdict,
    classify,
    is_arabic_sample,
    is_arabic_text,
    is_prose,
    is_statement,
    normalise,
    split_glued,
    strip_inline_shortcodes,
)
from reader.clean.template import SiteTemplate
from reader.clean.titles import first_sentence, repeated_title, split_site_suffix

# Lines that close an article: once one follows body text, a read-also cue starts a new one.
_ENDS_ARTICLE = frozenset({"metadata:source", "metadata:sources"})
_QUESTION_END = ("?", "؟")
SURE = 0.97  # the model's certainty needed to drop a whole sentence
MAX_APPENDED = 5  # articles cut from one input; past that the rest is dropped, not recursed into


@dataclass
class _Found:
    published: str | None = None
    dated: str | None = None
    author: str | None = None
    source: str | None = None
    site: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def drop(self, text: str, reason: str) -> None:
        self.dropped.append(Dropped(text, reason))

    def take(self, verdict: Verdict) -> None:
        kind, value = verdict.reason, verdict.value
        if kind == "metadata:published" and self.published is None:
            self.published = value
        elif kind == "metadata:author" and self.author is None:
            self.author = value
        elif kind == "metadata:source" and self.source is None:
            self.source = value


def _headline_index(
    lines: list[str], verdicts: list[Verdict | None], arabic_doc: bool
) -> int | None:
    """The first headline-shaped body line before the first prose paragraph, if any."""
    for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        if verdict is None or verdict.reason is not None:
            continue
        words = line.split()
        if is_prose(line, words):
            return None
        if 3 <= len(words) <= 30 and (is_arabic_text(line) or not arabic_doc):
            return index
    return None


def rule_verdicts(lines: Sequence[str], arabic_doc: bool) -> list[Verdict | None]:
    """Each normalised line judged alone (None for a blank line), captions repeated elsewhere
    in the page included: the rules' view, which the line model then takes as features."""
    verdicts: list[Verdict | None] = [
        classify(line, arabic_doc) if line else None for line in lines
    ]
    captions = {v.value for v in verdicts if v is not None and v.reason == "caption" and v.value}
    for index, line in enumerate(lines):
        verdict = verdicts[index]
        if captions and verdict is not None and verdict.reason is None and line in captions:
            verdicts[index] = Verdict("caption")
    return verdicts


def model_features(
    lines: Sequence[str],
    verdicts: Sequence[Verdict | None],
    template: SiteTemplate | None = None,
) -> tuple[list[int], list[list[str]]]:
    """The indexes of the non-blank lines and the line model's features for each."""
    kept = [index for index, line in enumerate(lines) if line]
    texts = [lines[index] for index in kept]
    reasons = [verdict.reason if verdict else None for verdict in (verdicts[i] for i in kept)]
    shares = template.shares(texts) if template is not None else None
    return kept, line_features(texts, reasons, shares, texts[0] if texts else None)


def _apply_model(
    lines: list[str], verdicts: list[Verdict | None], template: SiteTemplate | None
) -> int | None:
    """Drop the body lines the line model calls boilerplate; return the line it calls the
    headline, if that comes before the article's first prose line. Context smooths the model:
    a short line between two prose paragraphs is a sub-heading whatever the model says, and a
    sentence goes only when the model is sure (a promo: "subscribe to our newsletter.")."""
    kept, features = model_features(lines, verdicts, template)
    labelled = label_lines(features)
    prose = [is_prose(lines[index]) for index in kept]
    head: int | None = None
    for position, (index, (label, other)) in enumerate(zip(kept, labelled, strict=True)):
        verdict = verdicts[index]
        if verdict is None or verdict.reason is not None:
            continue
        if label == OTHER:
            if prose[position]:
                # A sentence is dropped only when the model is sure (a promo, a cookie notice).
                drop = other >= SURE
            else:
                # A short line between two prose paragraphs is a sub-heading.
                drop = not (
                    0 < position < len(kept) - 1 and prose[position - 1] and prose[position + 1]
                )
            if drop:
                verdicts[index] = Verdict("model")
        elif label == TITLE and head is None:
            head = index
        elif label == BODY and head is None and prose[position]:
            head = -1
    return head if head is not None and head >= 0 else None


def _choose_headline(
    lines: list[str],
    verdicts: list[Verdict | None],
    rules: list[Verdict | None],
    model_head: int | None,
    arabic_doc: bool,
    found: _Found,
) -> int | None:
    """The headline: the page title's repeat, else the strong line just before the first
    by-line or date, else the model's title line, else the first headline-shaped line."""
    repeated = repeated_title(lines)
    if repeated is not None and _plausible_headline(lines, verdicts, *repeated[:2]):
        top, head, site = repeated
        if top != head:
            verdicts[top] = Verdict("page-title")
            found.site = site
        return head
    before_meta = _line_before_metadata(lines, verdicts)
    if before_meta is not None:
        return before_meta
    if model_head is not None:
        return model_head
    return _headline_index(lines, rules, arabic_doc)


def _plausible_headline(
    lines: list[str], verdicts: list[Verdict | None], top: int, head: int
) -> bool:
    """A page title's repeat is the headline only if the rules see neither as chrome (a share
    bar repeated at the top and the bottom is not a title) and no body prose comes before it."""
    for index in (top, head):
        verdict = verdicts[index]
        if verdict is None or verdict.reason not in (None, "model"):
            return False
    return not any(
        verdict is not None and verdict.reason is None and is_prose(lines[index])
        for index, verdict in enumerate(verdicts[top + 1 : head], top + 1)
    )


def _line_before_metadata(lines: list[str], verdicts: list[Verdict | None]) -> int | None:
    """The body line right above the first by-line / date under a headline, before any prose."""
    candidate: int | None = None
    for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True)):
        if verdict is None:
            continue
        kind = verdict.reason
        if kind is None or kind == "model":
            # What the model dropped may still be the headline: its place under it decides.
            if kind is None and is_prose(line):
                return None
            words = len(line.split())
            candidate = index if 3 <= words <= 30 else None
        elif kind.startswith("metadata") or kind in ("date-line", "dateline"):
            if candidate is not None:
                return candidate
        else:
            candidate = None
    return None


def clean_lines(
    raw_lines: Sequence[str],
    *,
    title: str | None = None,
    sitename: str | None = None,
    url: str | None = None,
    template: SiteTemplate | None = None,
    depth: int = 0,
) -> CleanArticle:
    """Clean a dump given as lines; `title`/`sitename` come from HTML or a record when known,
    `template` holds what other pages of the same site repeat.
    `depth` counts appended articles above this one, so a chain of them stays linear."""
    lines = [normalise(line) for line in raw_lines]
    if not any(lines):
        raise ValueError("no article: the input is empty or only blank lines")
    arabic_doc = is_arabic_sample(" ".join(line for line in lines[:60] if line))
    rules = rule_verdicts(lines, arabic_doc)
    verdicts = list(rules)
    model_head = _apply_model(lines, verdicts, template)
    context = _Context(raw_lines, lines, rules, arabic_doc, title, sitename, url, template, depth)
    article = _assemble(context, verdicts, model_head)
    if article is None and verdicts != rules:
        # The model left nothing: the rules alone are a better answer than no article.
        article = _assemble(context, list(rules), None)
    if article is None:
        raise ValueError("no article body: every line was boilerplate or metadata")
    return article


@dataclass(frozen=True)
class _Context:
    raw_lines: Sequence[str]
    lines: list[str]
    rules: list[Verdict | None]
    arabic_doc: bool
    title: str | None
    sitename: str | None
    url: str | None
    template: SiteTemplate | None
    depth: int


def _assemble(
    context: _Context, verdicts: list[Verdict | None], model_head: int | None
) -> CleanArticle | None:
    """One pass over the judged lines into an article; None when no body line is left."""
    lines, title, sitename = context.lines, context.title, context.sitename
    found = _Found()
    known = {
        line for line, v in zip(lines, verdicts, strict=True) if v is not None and v.reason is None
    }
    start = 0
    if title is None:
        head = _choose_headline(
            lines, verdicts, context.rules, model_head, context.arabic_doc, found
        )
        if head is not None:
            for index in range(head):
                verdict = verdicts[index]
                if verdict is not None and verdict.reason is None:
                    verdicts[index] = Verdict("navigation")
            title = lines[head]
            verdicts[head] = None
            start = head
    title_forms: set[str] = set()
    if title is not None:
        title_forms.add(normalise(title))
        title, site = split_site_suffix(normalise(title), known, sitename)
        found.site = site or found.site
        title_forms.add(title)

    appended = _walk(
        context.raw_lines,
        lines,
        verdicts,
        start,
        title_forms,
        found,
        context.depth,
        context.template,
    )
    if not found.body:
        return None
    if not title:
        title = first_sentence(found.body[0])
    return CleanArticle(
        title=title,
        body="\n".join(found.body),
        published=found.published or found.dated,
        author=found.author,
        source=found.source or found.site or sitename,
        url=context.url,
        dropped=found.dropped,
        appended=appended,
    )


def _walk(
    raw_lines: Sequence[str],
    lines: list[str],
    verdicts: list[Verdict | None],
    start: int,
    title_forms: set[str],
    found: _Found,
    depth: int,
    template: SiteTemplate | None,
) -> list[CleanArticle]:
    """Walk the lines once, filling `found`; returns any article appended after the end."""
    block: str | None = None
    started = ended = False
    for index, line in enumerate(lines):
        verdict = verdicts[index]
        if verdict is None:
            continue
        kind = verdict.reason
        if line in title_forms:
            if index != start:
                found.drop(line, "title-repeat")
            block = "related" if ended else None
            continue
        if kind is None:
            if block is not None and not is_statement(line):
                poll_line = block == "poll" and (
                    line.endswith(_QUESTION_END) or len(line.split()) <= 3
                )
                found.drop(line, "poll" if poll_line else block)
                continue
            block = None
            _keep(line, found)
            started = started or is_prose(line)
            continue
        if kind.startswith("metadata"):
            found.take(verdict)
            found.drop(line, "metadata")
            if started and kind in _ENDS_ARTICLE:
                ended = True
            block = "related" if ended else None
        elif kind == "tags":
            found.drop(line, "tags")
            ended = ended or started
            block = "related" if ended else None
        elif kind == "date-line":
            if started:
                _keep(line, found)
            else:
                found.dated = found.dated or (verdict.value if index > start else None)
                found.drop(line, "metadata" if index > start else "chrome-date")
        elif kind == "dateline":
            if started or index < start:
                _keep(line, found)
            else:
                found.site = found.site or verdict.value
                found.drop(line, "metadata")
        elif kind in ("read-also", "read-also-item"):
            found.site = found.site or (verdict.value if kind == "read-also" else None)
            found.drop(line, "read-also")
            if ended and kind == "read-also":
                return _appended(raw_lines[index + 1 :], found, depth + 1, template)
            block = "read-also"
        elif kind == "block":
            found.drop(line, verdict.value or "related")
            block = verdict.value
        elif kind == "model" and block is not None:
            found.drop(line, "poll" if block == "poll" else block)
        else:
            found.drop(line, kind)
    return []


def _keep(line: str, found: _Found) -> None:
    line = strip_inline_shortcodes(line)
    if not line:
        return
    if line in found.seen:
        # Scrapes repeat a paragraph (a teaser above the lead, a pull quote); one copy is enough.
        found.drop(line, "duplicate")
        return
    if line.count(" ") >= 7:
        found.seen.add(line)
    label, paragraphs = split_glued(line)
    if label is not None:
        found.drop(label, "ad")
    found.body.extend(paragraphs)


def _appended(
    rest: Sequence[str], found: _Found, depth: int, template: SiteTemplate | None
) -> list[CleanArticle]:
    if depth <= MAX_APPENDED:
        try:
            return [clean_lines(rest, template=template, depth=depth)]
        except ValueError:
            pass
    for line in rest:
        line = normalise(line)
        if line:
            found.drop(line, "appended-article" if depth > MAX_APPENDED else "related")
    return []


def clean_text(text: str, template: SiteTemplate | None = None) -> CleanArticle:
    """Clean a plain-text dump (already decoded), with its site's template when known."""
    return clean_lines(text.splitlines(), template=template)
