"""Generate the cleaner's evaluation set: invented news sites, their pages, and gold.

    python scripts/make_clean_eval.py --train /path/to/anercorp/train.txt

Article bodies are ANERcorp training sentences (tokens only, rejoined as text; no labels);
all page chrome is written here, per site. Sites are split train / held-out and the split is
by site: a held-out site's chrome words come from pools no training site draws from, its
bodies from sentences no training page uses, and several of its block shapes (bullet menus,
numbered most-read lists, comment threads with reply buttons, prayer-time tables) occur on
no training site, so neither a lexicon nor a layout can be memorised. The output is
committed under tests/data/clean-eval/ so tests never read the corpus.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "clean-eval"
TEXT_PAGES = 6
HTML_PAGES = 3
TEMPLATE_PAGES = 30

_ATTACH_LEFT = {".", ",", "،", ":", "؛", ")", "!", "؟", "?", "%"}


def read_sentences(path: Path) -> list[str]:
    """ANERcorp sentences as plain text, tokens rejoined; tags are never read."""
    sentences: list[str] = []
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(_detokenise(tokens))
                tokens = []
            continue
        tokens.append(line.rsplit(" ", 1)[0])
    if tokens:
        sentences.append(_detokenise(tokens))
    return [s for s in sentences if 8 <= len(s.split()) <= 55 and "\u0621" <= s[0] <= "\u064a"]


def _detokenise(tokens: list[str]) -> str:
    out: list[str] = []
    quote_open = False
    glue_next = False
    for token in tokens:
        if token == '"':
            if quote_open:
                if out:
                    out[-1] += "»"
                else:
                    out.append("»")
            else:
                out.append("«")
                glue_next = True
            quote_open = not quote_open
            continue
        if token in _ATTACH_LEFT and out:
            out[-1] += token
        elif glue_next or token == "(":
            if glue_next and out:
                out[-1] += token
            else:
                out.append(token)
            glue_next = token == "("
            continue
        else:
            out.append(token)
        glue_next = False
    return " ".join(out).replace("( ", "(")


def _w(text: str) -> list[str]:
    """Space-separated words; an underscore joins a multi-word entry."""
    return [word.replace("_", " ") for word in text.split()]


# ---- vocabulary pools: every pool has a train half and a held-out half, never shared ----

POOLS: dict[str, tuple[list[str], list[str]]] = {
    "sections": (
        _w("الرئيسية سياسة اقتصاد رياضة ثقافة منوعات تكنولوجيا صحة مقالات فيديو محليات دوليات"),
        _w("البداية شؤون_عربية أسواق ملاعب فنون بيئة ريادة_أعمال سينما طب مدونات بودكاست جاليات"),
    ),
    "login": (
        ["تسجيل الدخول", "اشترك الآن", "حسابي", "إنشاء حساب", "دخول"],
        ["ادخل إلى ملفك", "انضم إلينا مجانا", "لوحة القارئ", "عضوية جديدة", "خروج"],
    ),
    "ticker": (["عاجل", "آخر الأخبار", "الآن"], ["شريط الأنباء", "لحظة بلحظة", "نبض الساعة"]),
    "most_read": (
        ["الأكثر قراءة", "الأكثر مشاهدة", "اخترنا لك", "أخبار ذات صلة"],
        ["الأوسع انتشارا", "يتصدر اليوم", "مختارات المحرر", "في السياق نفسه"],
    ),
    "read_also": (
        ["اقرأ أيضا:", "اقرأ أيضاً:", "شاهد أيضا:"],
        ["طالع كذلك:", "للمزيد:", "ننصحك بـ:"],
    ),
    "tags": (["الوسوم:", "كلمات مفتاحية:", "تاغ:"], ["موضوعات:", "بطاقات:", "فهرس المادة:"]),
    "share": (
        ["شارك على فيسبوك", "شارك عبر واتساب", "انسخ الرابط", "شارك هذا الخبر"],
        ["أرسل لصديق", "انشر على منصتك", "احفظ للقراءة لاحقا", "أبلغ عن خطأ"],
    ),
    "newsletter": (
        [
            "اشترك في النشرة البريدية ليصلك كل جديد.",
            "سجل بريدك الإلكتروني لتصلك أهم الأخبار يوميا.",
        ],
        [
            "احصل على ملخص الصباح في صندوقك كل يوم مجانا.",
            "لا تفوت جديدنا، ضع عنوانك ونرسل لك المختارات.",
        ],
    ),
    "cookie": (
        [
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق",
            "يستخدم هذا الموقع الكوكيز. بمتابعتك التصفح فإنك توافق على ذلك.",
        ],
        [
            "هذه الصفحة تحفظ بيانات صغيرة في متصفحك لأغراض الإحصاء. قبول | رفض",
            "باستمرارك في القراءة تقبل سياسة الخصوصية واستخدام البيانات. حسنا",
        ],
    ),
    "footer": (
        ["جميع الحقوق محفوظة", "من نحن", "اتصل بنا", "سياسة الخصوصية", "أعلن معنا"],
        ["الحقوق مصونة للناشر", "فريق التحرير", "راسلونا", "شروط الاستخدام", "وظائف شاغرة"],
    ),
    "comments": (["التعليقات", "تعليقات القراء"], ["آراء الزوار", "النقاش"]),
    "comment_ui": (["رد", "إبلاغ"], ["أعجبني", "ردود", "مشاركة الرأي"]),
    "caption_credit": (["(رويترز)", "(أ ف ب)", "تصوير:"], ["(الأناضول)", "(إ ب أ)", "عدسة:"]),
    "caption_lead": (["صورة أرشيفية", "من الأرشيف"], ["لقطة من الحدث", "مشهد عام"]),
    "author_cue": (["كتب:", "بقلم:", "كتبت:"], ["بقلم", "حوار:", "إعداد:"]),
    "date_cue": (["نشر في:", "نشر بتاريخ", "آخر تحديث:"], ["تم نشره", "نُشر", "تاريخ النشر"]),
    "cities": (["القاهرة", "الرياض", "بيروت", "عمان"], ["الرباط", "تونس", "الدوحة", "مسقط"]),
    "first_names": (
        _w("أحمد محمد سارة ليلى خالد عمر هدى يوسف منى طارق"),
        _w("رانيا كريم نادية وليد سلمى هشام جميلة عادل ريم ماهر"),
    ),
    "last_names": (
        _w("العلي حسن الشريف منصور السيد عبد_الله الخطيب النجار"),
        _w("البرغوثي القاسمي الزعبي الحمادي بن_سالم العمراني التميمي الفاسي"),
    ),
    "commenters": (["زائر", "أبو علي", "قارئ"], ["مواطن حر", "سامي", "أم ياسر"]),
    "ago": (["منذ 3 ساعات", "منذ يومين", "منذ 5 دقائق"], ["قبل ساعة", "قبل 4 أيام", "أمس"]),
    "weather": (["°", "درجة"], ["℃", "مئوية"]),
}

_MONTHS = _w("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر")
_LEVANT = _w(
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول"
)
_WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

TRAIN_SITES = [
    ("صدى الوادي", "sada-alwadi.example"),
    ("المرصد اليومي", "almarsad.example"),
    ("بوابة النهار", "bawabat-nahar.example"),
    ("الخبر الأكيد", "khabar-akid.example"),
    ("وكالة الشروق الجديد", "shorooq-new.example"),
    ("منبر الشرق", "minbar.example"),
    ("الحدث اليوم", "hadath-today.example"),
    ("نافذة العرب", "nafitha.example"),
]
HELD_SITES = [
    ("مرايا نيوز", "maraya.example"),
    ("الساحل برس", "sahel-press.example"),
    ("رصيف المدينة", "raseef.example"),
    ("أصداء المغرب", "asdaa.example"),
    ("البوصلة", "bousla.example"),
    ("ديوان الأنباء", "diwan.example"),
    ("شبكة الفجر", "fajr-net.example"),
    ("منصة قلم", "qalam.example"),
]


@dataclass
class Site:
    """One invented outlet: its chrome words and its layout choices, fixed for all its pages."""

    name: str
    host: str
    split: str
    rng: random.Random
    words: dict[str, list[str]] = field(default_factory=dict)
    layout: dict[str, object] = field(default_factory=dict)

    def pick(self, pool: str) -> str:
        return self.rng.choice(self.words[pool]).replace("_", " ")


def make_site(name: str, host: str, split: str, seed: int) -> Site:
    rng = random.Random(seed)
    held = split == "heldout"
    site = Site(name, host, split, rng)
    for pool, (train, heldout) in POOLS.items():
        words = heldout if held else train
        # Each site uses its own subset, so sites of one split also differ among themselves.
        k = max(2, (len(words) * 2 + 2) // 3)
        site.words[pool] = rng.sample(words, min(k, len(words)))
    menu_shapes = ["lines", "pipes"] + (["bullets", "slashes"] if held else ["lines"])
    site.layout = {
        "title_line": rng.choice(["suffix", "prefix", "none", "suffix"]),
        "menu": rng.choice(menu_shapes),
        "menu_first": rng.random() < 0.5,
        "breadcrumb": rng.choice([" » ", " > ", " / "] if held else [" » ", " > "]),
        "ticker": rng.random() < 0.6,
        "today": rng.random() < 0.7,
        "weather": rng.random() < 0.5,
        "prayer": held and rng.random() < 0.6,
        "login": rng.random() < 0.7,
        "date_style": rng.choice(
            ["cue_long", "cue_numeric", "indic_spaced", "iso", "levant", "time_pm"]
        ),
        "byline": rng.choice(["cue", "bare", "city_dash", "none"]),
        "share": rng.choice(["lines", "one", "none"]),
        "related_heading": rng.random() < 0.6,
        "related_numbered": held and rng.random() < 0.6,
        "related_before": rng.random() < 0.4,
        "comments": rng.random() < 0.7,
        "comment_ui": held,
        "cookie": rng.random() < 0.5,
        "newsletter": rng.random() < 0.5,
        "caption": rng.random() < 0.7,
        "tags": rng.random() < 0.7,
        "read_also": rng.random() < 0.6,
        "subheads": rng.random() < 0.5,
    }
    return site


@dataclass
class Page:
    """One generated article page and its gold."""

    site: Site
    title: str
    published: str
    author: str | None
    body: list[str]
    chrome: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _headline(rng: random.Random, sentence: str) -> str:
    words = sentence.rstrip(" .").replace("«", "").replace("»", "").split()
    n = rng.randint(5, min(11, len(words)))
    return " ".join(words[:n]).rstrip("،,:؛.")


def _date_text(site: Site, iso: str) -> str:
    rng = site.rng
    year, month, day = (int(x) for x in iso.split("-"))
    weekday = rng.choice(_WEEKDAYS)
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    style = site.layout["date_style"]
    cue = site.pick("date_cue")
    if style == "cue_long":
        return f"{cue} {weekday} {day} {_MONTHS[month - 1]} {year} - {hour}:{minute:02d} م"
    if style == "cue_numeric":
        return f"{cue} {day:02d}/{month:02d}/{year}"
    if style == "indic_spaced":
        return f"{cue} {day} / {month} / {year}".translate(_INDIC)
    if style == "iso":
        return f"{cue} {year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"
    if style == "levant":
        return f"{weekday}، {day} {_LEVANT[month - 1]} {year}"
    return f"{weekday} {day} {_MONTHS[month - 1]} {year} {hour}:{minute:02d} {rng.choice('صم')}"


def _person(site: Site) -> str:
    return f"{site.pick('first_names')} {site.pick('last_names')}"


def _teasers(site: Site, pool: list[str], n: int) -> list[str]:
    return [_headline(site.rng, site.rng.choice(pool)) for _ in range(n)]


def _menu(site: Site) -> list[str]:
    items = [w.replace("_", " ") for w in site.words["sections"]]
    shape = site.layout["menu"]
    if shape == "lines":
        return items
    sep = {"pipes": " | ", "bullets": " • ", "slashes": " / "}[str(shape)]
    return [sep.join(items)]


def make_page(site: Site, body_pool: list[str], teaser_pool: list[str]) -> Page:
    rng = site.rng
    lay = site.layout
    sentences = [body_pool.pop() for _ in range(rng.randint(5, 12))]
    title = _headline(rng, sentences[0]) if rng.random() < 0.5 else _headline(rng, body_pool.pop())
    iso = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    author = _person(site) if lay["byline"] != "none" else None
    body: list[str] = []
    index = 0
    while index < len(sentences):
        take = rng.randint(1, 3)
        body.append(" ".join(sentences[index : index + take]))
        index += take
    if lay["subheads"] and len(body) > 2:
        words = _headline(rng, body_pool.pop()).split()
        body.insert(rng.randint(1, len(body) - 1), " ".join(words[: rng.randint(2, 5)]))
    page = Page(site, title, iso, author, body)
    out: list[str] = []

    def chrome(*lines: str) -> None:
        for line in lines:
            out.append(line)
            page.chrome.append(line)

    if lay["title_line"] == "suffix":
        chrome(f"{title} - {site.name}")
    elif lay["title_line"] == "prefix":
        chrome(f"{site.name} | {title}")
    if lay["login"]:
        chrome(*rng.sample(site.words["login"], 2))
    if lay["today"]:
        y, m, d = rng.randint(2024, 2025), rng.randint(1, 12), rng.randint(1, 28)
        today = f"{rng.choice(_WEEKDAYS)} {d} {_MONTHS[m - 1]} {y}"
        if lay["weather"]:
            today += f" {site.pick('cities')} {rng.randint(12, 38)}{site.pick('weather')}"
        chrome(today)
    if lay["prayer"]:
        names = ["الفجر", "الظهر", "العصر", "المغرب", "العشاء"]
        times = [f"{rng.randint(3, 11)}:{rng.randint(0, 59):02d}" for _ in names]
        chrome("مواقيت الصلاة", *[f"{n} {t}" for n, t in zip(names, times, strict=True)])
    menu = _menu(site)
    if lay["menu_first"]:
        chrome(*menu)
    if lay["ticker"]:
        cue = site.pick("ticker")
        chrome(*[f"{cue}: {t}" for t in _teasers(site, teaser_pool, rng.randint(1, 3))])
    if not lay["menu_first"]:
        chrome(*menu)
    if lay["related_before"]:
        chrome(*_related(site, teaser_pool))
    sections = [w.replace("_", " ") for w in site.words["sections"]]
    chrome(str(lay["breadcrumb"]).join([sections[0], rng.choice(sections[1:])]))
    out.append(title)
    if lay["byline"] == "cue":
        chrome(f"{site.pick('author_cue')} {author}")
    elif lay["byline"] == "bare":
        chrome(f"{rng.choice(['كتب', 'بقلم'])} {author}")
    elif lay["byline"] == "city_dash":
        chrome(f"{author} - {site.pick('cities')}")
    chrome(_date_text(site, iso))
    if lay["share"] == "lines":
        chrome(*rng.sample(site.words["share"], 2))
    elif lay["share"] == "one":
        chrome(" | ".join(site.words["share"]))
    if lay["caption"]:
        credit = site.pick("caption_credit")
        who = _person(site)
        lead = f"{site.pick('caption_lead')} - {_headline(rng, rng.choice(teaser_pool))}"
        chrome(f"{lead} {credit} {who}" if credit.endswith(":") else f"{lead} {credit}")
    for n, paragraph in enumerate(page.body):
        out.append(paragraph)
        if n == 1 and lay["read_also"]:
            chrome(f"{site.pick('read_also')} {_teasers(site, teaser_pool, 1)[0]}")
        if n == 2 and lay["newsletter"]:
            chrome(site.pick("newsletter"))
    if lay["tags"]:
        chrome(f"{site.pick('tags')} " + "، ".join(rng.sample(sections, 3)))
    if not lay["related_before"]:
        chrome(*_related(site, teaser_pool))
    if lay["comments"]:
        count = rng.randint(2, 4)
        chrome(f"{site.pick('comments')} ({count})")
        for _ in range(count):
            chrome(f"{site.pick('commenters')} {site.pick('ago')}")
            chrome(_comment(rng, teaser_pool))
            if lay["comment_ui"]:
                chrome(" ".join(site.words["comment_ui"]))
    if lay["cookie"]:
        chrome(site.pick("cookie"))
    year = int(iso[:4])
    footer = site.words["footer"]
    chrome(f"{footer[0]} © {year} {site.name}", " | ".join(footer[1:]))
    page.lines = out
    return page


def _comment(rng: random.Random, pool: list[str]) -> str:
    """A reader comment: opinion words around a fragment, often with sentence punctuation."""
    opener = rng.choice(["والله", "للأسف", "كلام جميل", "أتفق تماما", "لا أظن ذلك"])
    return f"{opener}، {_headline(rng, rng.choice(pool))}{rng.choice(['!', '.', '؟', ''])}"


def _related(site: Site, pool: list[str]) -> list[str]:
    rng = site.rng
    lay = site.layout
    lines: list[str] = []
    if lay["related_heading"]:
        lines.append(site.pick("most_read"))
    teasers = _teasers(site, pool, rng.randint(3, 6))
    if lay["related_numbered"]:
        teasers = [f"{n}. {t}" for n, t in enumerate(teasers, 1)]
    lines.extend(teasers)
    return lines


def render_text(page: Page) -> str:
    """A browser-style text dump: blank lines around blocks, as the seeds were saved."""
    parts: list[str] = []
    for line in page.lines:
        parts.append(line)
        if page.site.rng.random() < 0.35:
            parts.append("")
    return "\n".join(parts) + "\n"


def render_html(page: Page, variant: int) -> str:
    """An HTML page of the same content: chrome in nav/aside/footer and some inside the article."""
    site = page.site
    rng = site.rng
    e = html.escape
    chrome_set = set(page.chrome)
    lines = page.lines
    head_index = lines.index(page.title)
    before = [line for line in lines[:head_index] if line in chrome_set]
    body_set = set(page.body)
    body_start = next(i for i, line in enumerate(lines) if line in body_set)
    body_end = max(i for i, line in enumerate(lines) if line in body_set)
    meta = [line for line in lines[head_index + 1 : body_start] if line in chrome_set]
    inner = lines[body_start : body_end + 1]
    after = [line for line in lines[body_end + 1 :]]
    cls = rng.choice(["post", "entry", "story", "news-item"])
    date_markup = variant % 3
    head = [f"<title>{e(page.title)} | {e(site.name)}</title>"]
    if variant % 2 == 0:
        head.append(f'<meta property="og:title" content="{e(page.title)}">')
        head.append(f'<meta property="og:site_name" content="{e(site.name)}">')
    if date_markup == 0:
        head.append(f'<meta property="article:published_time" content="{page.published}T10:00:00">')
    if page.author and variant % 2 == 1:
        head.append(f'<meta name="author" content="{e(page.author)}">')
    nav = "".join(f"<li><a href='/s{n}'>{e(x)}</a></li>" for n, x in enumerate(before))
    meta_html = []
    for line in meta:
        if date_markup == 1 and any(c.isdigit() for c in line) and line != page.author:
            meta_html.append(f'<time datetime="{page.published}">{e(line)}</time>')
        else:
            meta_html.append(f"<span class='meta'>{e(line)}</span>")
    paragraphs = []
    for line in inner:
        if line in chrome_set:
            paragraphs.append(f"<p class='inline-box'>{e(line)}</p>")
        elif line in body_set and len(line.split()) <= 8:
            paragraphs.append(f"<h2>{e(line)}</h2>")
        else:
            paragraphs.append(f"<p>{e(line)}</p>")
    wrapper = "article" if variant != 2 else "div"
    footer_lines = after[-2:]
    cookie = [line for line in after if line in site.words["cookie"]]
    rest = [line for line in after[:-2] if line not in cookie]
    split_at = next((i for i, line in enumerate(rest) if re.search(r"\(\d+\)$", line)), len(rest))
    related, comments = rest[:split_at], rest[split_at:]
    related_html = "".join(f"<li><a href='/r{n}'>{e(x)}</a></li>" for n, x in enumerate(related))
    comments_html = "".join(f"<div class='comment'><p>{e(x)}</p></div>" for x in comments)
    notices = "".join(f"<div class='notice'><p>{e(x)}</p></div>" for x in cookie)
    inside = f"<div class='more'><ul>{related_html}</ul></div>" if variant == 1 else ""
    outside = f"<aside><ul>{related_html}</ul></aside>" if variant != 1 else ""
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>{''.join(head)}"
        f"</head><body><header><nav><ul>{nav}</ul></nav></header>"
        f"<main><{wrapper} class='{cls}'><h1>{e(page.title)}</h1>"
        f"<div class='byline'>{''.join(meta_html)}</div>{''.join(paragraphs)}{inside}</{wrapper}>"
        f"{outside}<section class='talk'>{comments_html}</section></main>"
        f"<footer>{''.join(f'<p>{e(x)}</p>' for x in footer_lines)}</footer>"
        f"{notices}"
        "</body></html>\n"
    )


def render_homepage(site: Site, pool: list[str]) -> str:
    """A section front: many teasers with a line of lead each, no article."""
    rng = site.rng
    e = html.escape
    items = []
    for n in range(12):
        items.append(
            f"<div class='teaser'><h3><a href='/a/{n}'>{e(_headline(rng, rng.choice(pool)))}"
            f"</a></h3><p>{e(rng.choice(pool))}</p></div>"
        )
    nav = "".join(
        f"<li><a href='/s'>{e(w.replace('_', ' '))}</a></li>" for w in site.words["sections"]
    )
    return (
        f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>{e(site.name)}"
        f"</title></head><body><nav><ul>{nav}</ul></nav><main>{''.join(items)}</main>"
        f"<footer>{e(site.name)}</footer></body></html>\n"
    )


def gold_record(page: Page, file: str, kind: str) -> dict[str, object]:
    return {
        "file": file,
        "kind": kind,
        "site": page.site.name,
        "host": page.site.host,
        "split": page.site.split,
        "title": page.title,
        "published": page.published,
        "author": page.author,
        "body": page.body,
        "chrome": page.chrome,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sentences = read_sentences(args.train)
    rng.shuffle(sentences)
    # Disjoint sentence pools per split; within a site no body sentence repeats.
    half = 700
    pools = {"train": sentences[:half], "heldout": sentences[half : 2 * half]}
    teasers = {"train": sentences[2 * half : 2 * half + 150], "heldout": sentences[-150:]}
    for sub in ("text", "html", "template"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
        for old in (OUT / sub).iterdir():
            old.unlink()
    gold: list[dict[str, object]] = []
    sites = [(n, h, "train") for n, h in TRAIN_SITES] + [(n, h, "heldout") for n, h in HELD_SITES]
    for number, (name, host, split) in enumerate(sites):
        site = make_site(name, host, split, args.seed * 100 + number)
        pool = list(pools[split])
        site.rng.shuffle(pool)
        slug = host.split(".")[0]
        for n in range(TEXT_PAGES):
            page = make_page(site, pool, teasers[split])
            file = f"text/{slug}-{n}.txt"
            (OUT / file).write_text(render_text(page), encoding="utf-8")
            gold.append(gold_record(page, file, "text"))
        for n in range(HTML_PAGES):
            page = make_page(site, pool, teasers[split])
            file = f"html/{slug}-{n}.html"
            (OUT / file).write_text(render_html(page, n), encoding="utf-8")
            gold.append(gold_record(page, file, "html"))
        if number % 4 == 0:
            file = f"html/{slug}-home.html"
            (OUT / file).write_text(render_homepage(site, teasers[split]), encoding="utf-8")
            gold.append(
                {
                    "file": file,
                    "kind": "html",
                    "site": name,
                    "host": host,
                    "split": split,
                    "not_article": True,
                }
            )
    template = make_site("جريدة الميناء", "mina-daily.example", "template", args.seed * 100 + 99)
    template.layout.update({"menu": "lines", "related_heading": False, "comments": False})
    pool = list(pools["heldout"])
    template.rng.shuffle(pool)
    fixed = _teasers(template, teasers["heldout"], 5)
    for n in range(TEMPLATE_PAGES):
        page = make_page(template, pool, teasers["heldout"])
        # The site's own "editor's picks" block: the same unheaded teasers on every page.
        page.lines.extend(fixed)
        page.chrome.extend(fixed)
        file = f"template/mina-{n:02d}.txt"
        (OUT / file).write_text(render_text(page), encoding="utf-8")
        gold.append(gold_record(page, file, "text"))
    (OUT / "gold.json").write_text(
        json.dumps({"about": __doc__, "pages": gold}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{len(gold)} pages written to {OUT}")


if __name__ == "__main__":
    main()
