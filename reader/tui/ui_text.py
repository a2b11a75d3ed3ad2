"""Every text the reader's interface says, in English and Arabic: one catalog.

The language is the setting `ui_language` when given, else the locale (LC_ALL, then
LC_MESSAGES, then LANG: Arabic when it starts with "ar"). The app picks it once at
start (`use`); widgets ask for texts when they draw them (`ui`), so nothing holds an
English string made at import. The command line stays English.

Arabic texts are drawn like article text, through the display engine: the status
line, help and body messages already are; notices (Textual's toasts draw raw text)
go through `notice_text`. Counts are written "label: n" in Arabic, which needs no
plural agreement.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.render.engine import BidiMode, render_text

LANGUAGES = ("en", "ar")

# Each entry: key -> (English, Arabic). Fields in braces are filled by `ui`.
TEXTS: dict[str, tuple[str, str]] = {
    # the status line
    "status.line": (
        "filter: {label} | bidi: {mode} | {rest}",
        "التصفية: {label} | الاتجاه: {mode} | {rest}",
    ),
    "status.no_filter": ("none", "لا شيء"),
    "status.hints": (
        "? help  / search  Tab panes  m bidi  q quit",
        "? مساعدة  / بحث  Tab الأجزاء  m الاتجاه  q خروج",
    ),
    "status.fetching": ("fetching feeds…", "جلب الخلاصات…"),
    "status.hit": ("hit {hit} of {hits}", "النتيجة {hit} من {hits}"),
    "status.hits": ("{hits} hits", "النتائج: {hits}"),
    "status.one_hit": ("1 hit", "نتيجة واحدة"),
    "status.no_body_hit": ("no hit in the body", "لا نتيجة في النص"),
    "status.article": (
        "{hit} · article {article} of {articles}",
        "{hit} · المقال {article} من {articles}",
    ),
    "status.fetch_progress": (
        "fetching {done}/{total} feeds, {added} new",
        "جلب الخلاصات {done}/{total}، الجديد: {added}",
    ),
    # the article list
    "list.sources": ("{count} sources", "المصادر: {count}"),
    "list.story": ("story: {title} · {sources}", "قصة: {title} · {sources}"),
    # messages in the body pane
    "body.no_match": (
        "No article matches the filter. Esc clears.",
        "لا يطابق أيُّ مقال التصفية. Esc يلغيها.",
    ),
    "body.empty": (
        "The database has no articles yet.\nAdd some with: khabar ingest PATH…  then press r.",
        "لا مقالات في قاعدة البيانات بعد.\nأضف بعضها بالأمر: khabar ingest PATH…  ثم اضغط r.",
    ),
    "body.gone": (
        "This article is gone. Press r to refresh.",
        "لم يعد هذا المقال موجودًا. اضغط r للتحديث.",
    ),
    "db.locked": (
        "The database {path} is locked (an ingest is writing?). Press r to retry.",
        "قاعدة البيانات {path} مقفلة (أيكتب فيها ingest؟). اضغط r لإعادة المحاولة.",
    ),
    "db.unreadable": (
        "Cannot read the database {path}: {error}. Press r to retry.",
        "تعذّرت قراءة قاعدة البيانات {path}: {error}. اضغط r لإعادة المحاولة.",
    ),
    "person.gone": (
        "This person is no longer in the database.",
        "لم يعد هذا الشخص في قاعدة البيانات.",
    ),
    # notices
    "notice.no_hits": ("No search hits in this article", "لا نتائج للبحث في هذا المقال"),
    "notice.no_link": ("This article has no link", "ليس لهذا المقال رابط"),
    "notice.last_match": (
        "No more hits: this is the last matching article",
        "لا نتائج بعد: هذا آخر مقال مطابق",
    ),
    "notice.first_match": (
        "No more hits: this is the first matching article",
        "لا نتائج قبل: هذا أول مقال مطابق",
    ),
    "notice.no_unread_below": ("No unread article below this one", "لا مقال غير مقروء بعد هذا"),
    "notice.no_unread_above": ("No unread article above this one", "لا مقال غير مقروء قبل هذا"),
    "notice.nothing_to_mark": ("No article in the list to mark", "لا مقال في القائمة لتعليمه"),
    "notice.marked_one": ("1 article marked read", "عُلّم مقال واحد مقروءًا"),
    "notice.marked_all": ("{count} articles marked read", "المقالات المعلَّمة مقروءة: {count}"),
    "ask.mark_one": ("Mark the article of this list read?", "أتعلّم مقال هذه القائمة مقروءًا؟"),
    "ask.mark_all": (
        "Mark all {count} articles of this list read?",
        "أتعلّم مقالات هذه القائمة كلها مقروءة ({count})؟",
    ),
    "notice.link_copied": ("Link copied: {url}", "نُسخ الرابط: {url}"),
    "notice.text_copied": (
        "Article copied ({count} characters)",
        "نُسخ المقال (عدد الأحرف: {count})",
    ),
    "notice.no_display": (
        "No display here to open a browser on: y copies the link",
        "لا شاشة هنا يُفتح عليها متصفح: y ينسخ الرابط",
    ),
    "notice.already_fetching": ("Already fetching feeds", "جلب الخلاصات جارٍ بالفعل"),
    "notice.no_person": (
        "p (entities pane) or Ctrl+O (people pane) opens a person's page",
        "p (في جزء الكيانات) أو Ctrl+O (في جزء الأشخاص) يفتح صفحة الشخص",
    ),
    "notice.view_missing": (
        "View {view}: nothing in the database is called {names}; the view is not shown",
        "العرض {view}: لا شيء في قاعدة البيانات اسمه {names}؛ لم يُعرض",
    ),
    "feeds.none_due": ("No feed is due", "لا خلاصة حان موعد جلبها"),
    "feeds.failed": ("Fetching failed: {error}", "فشل الجلب: {error}"),
    "feeds.fetched": (
        "{feeds} fetched: {added} new {articles}",
        "الخلاصات المجلوبة: {done}، المقالات الجديدة: {added}",
    ),
    "feeds.some_failed": (
        ", {failed} failed (khabar fetch says why)",
        "، الفاشلة: {failed} (السبب في khabar fetch)",
    ),
    # the help
    "help.app": ("Everywhere", "في كل مكان"),
    "help.list": ("Article, entity and people lists", "قوائم المقالات والكيانات والأشخاص"),
    "help.body": ("Body pane", "جزء النص"),
    "help.entities": ("Entities pane", "جزء الكيانات"),
    "help.help": ("This help", "هذه المساعدة"),
    "help.prompt": (
        "Questions (a path, a command; overwrite?)",
        "الأسئلة (مسار، أمر؛ الكتابة فوق ملف؟)",
    ),
    "help.people": (
        "People pane: type to narrow, Arabic or Latin letters, a paste taken whole (folded: "
        "جونج أون finds كيم جونغ أون); arrows move, Backspace edits, Enter toggles the person "
        "in the filter (several = AND), Esc clears.",
        "جزء الأشخاص: اكتب لتضييق القائمة بحروف عربية أو لاتينية، ويؤخذ اللصق كاملًا "
        "(مع التوحيد: «جونج أون» تجد «كيم جونغ أون»)؛ الأسهم للتنقل، Backspace للتعديل، Enter "
        "يضيف الشخص إلى التصفية أو يزيله (عدة أشخاص: كلهم معًا)، Esc يمسح.",
    ),
    "help.read": (
        "Read marks: an article is marked read after 2 seconds on screen, when its body is "
        "scrolled, or when you leave it after going into its body; skimming with j/k marks "
        "nothing.",
        "علامة القراءة: يُعلَّم المقال مقروءًا بعد ثانيتين على الشاشة، أو عند تمرير نصه، أو عند "
        "مغادرته بعد الدخول إلى نصه؛ المرور بالمقالات بـ j/k لا يعلّم شيئًا.",
    ),
    "help.config": (
        'Config: remap a key by its id in config.toml, e.g. [keys] "app.bookmark" = "x".',
        'الإعدادات: غيّر مفتاحًا بمعرّفه في config.toml، مثلًا [keys] "app.bookmark" = "x".',
    ),
}

# What each binding does, in Arabic (English is the binding's own description).
KEY_TEXTS: dict[str, str] = {
    "app.quit": "خروج",
    "app.help": "المساعدة",
    "app.next_pane": "الجزء التالي",
    "app.previous_pane": "الجزء السابق",
    "app.pane_articles": "جزء المقالات",
    "app.pane_body": "جزء النص",
    "app.pane_entities": "جزء الكيانات",
    "app.pane_people": "جزء الأشخاص",
    "app.search": "بحث",
    "app.next_hit": "النتيجة التالية",
    "app.previous_hit": "النتيجة السابقة",
    "app.bidi": "تبديل طريقة الاتجاه",
    "app.read": "مقروء / غير مقروء",
    "app.bookmark": "علامة حفظ",
    "app.bookmarks_only": "المحفوظ فقط",
    "app.unread_only": "غير المقروء فقط",
    "app.refresh": "تحديث",
    "app.fetch_feeds": "جلب الخلاصات المستحقة",
    "app.person": "صفحة الشخص",
    "app.clear": "إلغاء التصفية / طيّ القصة",
    "app.page_down": "صفحة من النص إلى الأسفل",
    "app.page_up": "صفحة من النص إلى الأعلى",
    "app.copy_url": "نسخ الرابط (OSC 52)",
    "app.copy_text": "نسخ النص (OSC 52)",
    "app.open_url": "فتح الرابط",
    "app.next_unread": "غير المقروء التالي",
    "app.previous_unread": "غير المقروء السابق",
    "app.mark_all_read": "تعليم القائمة كلها مقروءة",
    "app.save": "حفظ المقال في ملف",
    "app.pipe": "تمرير النص إلى أمر",
    "prompt.cancel": "إلغاء",
    "confirm.yes": "نعم",
    "confirm.no": "لا",
    "list.next": "التالي",
    "list.previous": "السابق",
    "list.first": "الأول",
    "list.last": "الأخير",
    "list.choose": "فتح / تطبيق",
    "body.down": "تمرير إلى الأسفل",
    "body.up": "تمرير إلى الأعلى",
    "body.top": "البداية",
    "body.bottom": "النهاية",
    "body.half_down": "نصف صفحة إلى الأسفل",
    "body.half_up": "نصف صفحة إلى الأعلى",
    "entities.filter": "تصفية القائمة بالكيان",
    "help.close": "إغلاق المساعدة",
    "help.down": "تمرير إلى الأسفل",
    "help.up": "تمرير إلى الأعلى",
    "help.page_down": "صفحة إلى الأسفل",
    "help.page_up": "صفحة إلى الأعلى",
    "help.top": "البداية",
    "help.bottom": "النهاية",
    "person.back": "العودة إلى القارئ",
    "person.both": "المقالات التي تذكر الاثنين",
}

_language = "en"


def language_for(setting: str | None, environ: Mapping[str, str]) -> str:
    """The interface language: the setting if given, else the first locale variable set."""
    if setting in LANGUAGES:
        return setting
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"


def use(language: str) -> None:
    """The language every text is given in from now on (the app calls it at start)."""
    global _language  # one interface, one language: set once per app
    _language = language if language in LANGUAGES else "en"


def language() -> str:
    return _language


def ui(key: str, **fields: object) -> str:
    english, arabic = TEXTS[key]
    return (arabic if _language == "ar" else english).format(**fields)


def key_text(binding_id: str | None, description: str) -> str:
    """What a binding does, for the help."""
    if _language == "ar" and binding_id in KEY_TEXTS:
        return KEY_TEXTS[binding_id]
    return description


def notice_width(screen_width: int) -> int:
    """The cells a row of Textual's toast holds: 60, at most half its rack (the screen
    less the rack's scrollbar), less padding and border, and one spare."""
    return min(60, (screen_width - 2) // 2) - 4


def notice_text(text: str, width: int, mode: BidiMode) -> str:
    """A notice as the toast should draw it: in Arabic with the app's own bidi, its rows
    shaped and ordered by the engine (the toast itself would show raw logical text)."""
    if _language != "ar" or mode is not BidiMode.APP or width < 1:
        return text
    return "\n".join(row.text for row in render_text(text, width, mode))
