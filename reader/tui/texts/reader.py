"""The reader screen's texts: status line, pane headers, body messages, notices, help."""

from __future__ import annotations

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
    "status.mode.app": ("app", "التطبيق"),
    "status.mode.terminal": ("terminal", "الطرفية"),
    "status.mode.off": ("off", "معطّل"),
    # the article list
    "list.sources": ("{count} sources", "المصادر: {count}"),
    "list.sources_two": ("2 sources", "مصدران"),
    "list.sources_few": ("{count} sources", "{count} مصادر"),
    "list.story": ("story: {title} · {sources}", "قصة: {title} · {sources}"),
    # pane headers
    "pane.articles": ("Articles {count}", "المقالات {count}"),
    "pane.articles_filtered": ("Articles {count} · {label}", "المقالات {count} · {label}"),
    "pane.entities": ("Entities of the article", "كيانات المقال"),
    "pane.people": ("All people", "الأشخاص"),
    "group.PER": ("People", "أشخاص"),
    "group.LOC": ("Places", "أماكن"),
    "group.ORG": ("Organisations", "منظمات"),
    "group.MISC": ("Other", "أخرى"),
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
    "notice.start": ("{problem}", "تنبيه عند البدء، بنصه:\n{problem}"),
    "feeds.note": ("{note}", "ملاحظة من الجلب، بنصها:\n{note}"),
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
