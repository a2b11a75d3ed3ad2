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
from reader.clean.headline import choose_headline
from reader.clean.linemodel import BODY, OTHER, TITLE, label_lines, line_features
from reader.clean.lines import (
    Verdict,
    is_arabic_sample,
    normalise,
    split_glued,
    strip_inline_shortcodes,
)
from reader.clean.reasons import Reason
from reader.clean.shape import Shapes
from reader.clean.template import SiteTemplate
from reader.clean.titles import first_sentence, split_site_suffix

# Lines that close an article: once one follows body text, a read-also cue starts a new one.
_ENDS_ARTICLE = frozenset({Reason.SOURCE, Reason.SOURCES})
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

    def drop(self, text: str, reason: Reason) -> None:
        self.dropped.append(Dropped(text, reason))

    def take(self, verdict: Verdict) -> None:
        kind, value = verdict.reason, verdict.value
        if kind == Reason.PUBLISHED and self.published is None:
            self.published = value
        elif kind == Reason.AUTHOR and self.author is None:
            self.author = value
        elif kind == Reason.SOURCE and self.source is None:
            self.source = value


def rule_verdicts(
    lines: Sequence[str], arabic_doc: bool, shapes: Shapes | None = None
) -> list[Verdict | None]:
    """Each normalised line judged alone (None for a blank line), captions repeated elsewhere
    in the page included: the rules' view, which the line model then takes as features."""
    judge = (shapes or Shapes()).verdict
    verdicts: list[Verdict | None] = [judge(line, arabic_doc) if line else None for line in lines]
    captions = {
        v.value for v in verdicts if v is not None and v.reason == Reason.CAPTION and v.value
    }
    for index, line in enumerate(lines):
        verdict = verdicts[index]
        if captions and verdict is not None and verdict.reason is None and line in captions:
            verdicts[index] = Verdict(Reason.CAPTION)
    return verdicts


def model_features(
    lines: Sequence[str],
    verdicts: Sequence[Verdict | None],
    template: SiteTemplate | None = None,
    shapes: Shapes | None = None,
) -> tuple[list[int], list[list[str]]]:
    """The indexes of the non-blank lines and the line model's features for each."""
    kept = [index for index, line in enumerate(lines) if line]
    texts = [lines[index] for index in kept]
    reasons = [verdict.reason if verdict else None for verdict in (verdicts[i] for i in kept)]
    shares = template.shares(texts) if template is not None else None
    shapes = shapes or Shapes()
    words = list(map(shapes.words, texts))
    title = texts[0] if texts else None
    return kept, line_features(texts, reasons, shares, title, words, shapes.date)


def _apply_model(
    lines: list[str],
    verdicts: list[Verdict | None],
    template: SiteTemplate | None,
    shapes: Shapes,
) -> int | None:
    """Drop the body lines the line model calls boilerplate; return the line it calls the
    headline, if that comes before the article's first prose line. Context smooths the model:
    a short line between two prose paragraphs is a sub-heading whatever the model says, and a
    sentence goes only when the model is sure (a promo: "subscribe to our newsletter.")."""
    kept, features = model_features(lines, verdicts, template, shapes)
    labelled = label_lines(features)
    prose = [shapes.prose(lines[index]) for index in kept]
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
                verdicts[index] = Verdict(Reason.MODEL)
        elif label == TITLE and head is None:
            head = index
        elif label == BODY and head is None and prose[position]:
            head = -1
    return head if head is not None and head >= 0 else None


def clean_lines(
    raw_lines: Sequence[str],
    *,
    title: str | None = None,
    sitename: str | None = None,
    url: str | None = None,
    template: SiteTemplate | None = None,
    depth: int = 0,
    shapes: Shapes | None = None,
) -> CleanArticle:
    """Clean a dump given as lines; `title`/`sitename` come from HTML or a record when known,
    `template` holds what other pages of the same site repeat.
    `depth` counts appended articles above this one, so a chain of them stays linear;
    `shapes` is the memo of the page they were cut from."""
    lines = [normalise(line) for line in raw_lines]
    if not any(lines):
        raise ValueError("no article: the input is empty or only blank lines")
    shapes = shapes or Shapes()
    arabic_doc = is_arabic_sample(" ".join(line for line in lines[:60] if line))
    rules = rule_verdicts(lines, arabic_doc, shapes)
    verdicts = list(rules)
    model_head = _apply_model(lines, verdicts, template, shapes)
    context = _Context(
        raw_lines, lines, rules, arabic_doc, title, sitename, url, template, depth, shapes
    )
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
    shapes: Shapes


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
        head, found.site = choose_headline(
            lines, verdicts, context.rules, model_head, context.arabic_doc, context.shapes
        )
        if head is not None:
            for index in range(head):
                verdict = verdicts[index]
                if verdict is not None and verdict.reason is None:
                    verdicts[index] = Verdict(Reason.NAVIGATION)
            title = lines[head]
            verdicts[head] = None
            start = head
    title_forms: set[str] = set()
    if title is not None:
        title_forms.add(normalise(title))
        title, site = split_site_suffix(normalise(title), known, sitename)
        found.site = site or found.site
        title_forms.add(title)

    appended = _walk(context, verdicts, start, title_forms, found)
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
    context: _Context,
    verdicts: list[Verdict | None],
    start: int,
    title_forms: set[str],
    found: _Found,
) -> list[CleanArticle]:
    """Walk the lines once, filling `found`; returns any article appended after the end."""
    lines, shapes = context.lines, context.shapes
    block: Reason | None = None
    started = ended = False
    for index, line in enumerate(lines):
        verdict = verdicts[index]
        if verdict is None:
            continue
        kind = verdict.reason
        if line in title_forms:
            if index != start:
                found.drop(line, Reason.TITLE_REPEAT)
            block = Reason.RELATED if ended else None
            continue
        if kind is None:
            if block is not None and not shapes.statement(line):
                poll_line = block == Reason.POLL and (
                    line.endswith(_QUESTION_END) or len(line.split()) <= 3
                )
                found.drop(line, Reason.POLL if poll_line else block)
                continue
            block = None
            _keep(line, found, shapes)
            started = started or shapes.prose(line)
            continue
        if kind.startswith("metadata"):
            found.take(verdict)
            found.drop(line, Reason.METADATA)
            if started and kind in _ENDS_ARTICLE:
                ended = True
            block = Reason.RELATED if ended else None
        elif kind == Reason.TAGS:
            found.drop(line, Reason.TAGS)
            ended = ended or started
            block = Reason.RELATED if ended else None
        elif kind == Reason.DATE_LINE:
            if started:
                _keep(line, found, shapes)
            else:
                found.dated = found.dated or (verdict.value if index > start else None)
                found.drop(line, Reason.METADATA if index > start else Reason.CHROME_DATE)
        elif kind == Reason.DATELINE:
            if started or index < start:
                _keep(line, found, shapes)
            else:
                found.site = found.site or verdict.value
                found.drop(line, Reason.METADATA)
        elif kind in (Reason.READ_ALSO, Reason.READ_ALSO_ITEM):
            found.site = found.site or (verdict.value if kind == Reason.READ_ALSO else None)
            found.drop(line, Reason.READ_ALSO)
            if ended and kind == Reason.READ_ALSO:
                return _appended(context, context.raw_lines[index + 1 :], found)
            block = Reason.READ_ALSO
        elif kind == Reason.BLOCK:
            block = Reason(verdict.value) if verdict.value else Reason.RELATED
            found.drop(line, block)
        elif kind == Reason.MODEL and block is not None:
            found.drop(line, Reason.POLL if block == Reason.POLL else block)
        else:
            found.drop(line, kind)
    return []


def _keep(line: str, found: _Found, shapes: Shapes) -> None:
    line = strip_inline_shortcodes(line)
    if not line:
        return
    if line in found.seen:
        # Scrapes repeat a paragraph (a teaser above the lead, a pull quote); one copy is enough.
        found.drop(line, Reason.DUPLICATE)
        return
    if line.count(" ") >= 7:
        found.seen.add(line)
    label, paragraphs = split_glued(line, shapes.prose)
    if label is not None:
        found.drop(label, Reason.AD)
    found.body.extend(paragraphs)


def _appended(context: _Context, rest: Sequence[str], found: _Found) -> list[CleanArticle]:
    depth = context.depth + 1
    if depth <= MAX_APPENDED:
        try:
            return [
                clean_lines(rest, template=context.template, depth=depth, shapes=context.shapes)
            ]
        except ValueError:
            pass
    for line in rest:
        line = normalise(line)
        if line:
            found.drop(line, Reason.APPENDED_ARTICLE if depth > MAX_APPENDED else Reason.RELATED)
    return []


def clean_text(text: str, template: SiteTemplate | None = None) -> CleanArticle:
    """Clean a plain-text dump (already decoded), with its site's template when known."""
    return clean_lines(text.splitlines(), template=template)
