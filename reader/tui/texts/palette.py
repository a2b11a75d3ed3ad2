"""The command palette's entries (Ctrl+P): khabar's commands, the feeds, and Textual's
own system commands, each a name and a line of help."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "palette.placeholder": ("Search for commands…", "ابحث عن أمر…"),
    "palette.now": (" · now", " · الحالي"),
    # khabar's commands
    "palette.bidi": ("Bidi mode: {mode}", "طريقة الاتجاه: {mode}"),
    "palette.bidi.app": (
        "khabar shapes and orders Arabic itself (the default)",
        "يشكّل khabar العربية ويرتّبها بنفسه (الافتراضي)",
    ),
    "palette.bidi.terminal": (
        "logical order for a terminal with its own bidi",
        "الترتيب المنطقي لطرفية تتولى الاتجاه بنفسها",
    ),
    "palette.bidi.off": (
        "the raw logical text, left to right",
        "النص المنطقي الخام من اليسار إلى اليمين",
    ),
    "palette.bidi.cycle": (" (m cycles)", " (m يبدّل)"),
    "palette.theme": ("Theme: {name}", "السمة: {name}"),
    "palette.theme.now": ("the current theme", "السمة الحالية"),
    "palette.theme.switch": ("switch to it", "التبديل إليها"),
    "palette.layout.rtl": ("Layout: rtl", "التخطيط: من اليمين"),
    "palette.layout.ltr": ("Layout: ltr", "التخطيط: من اليسار"),
    "palette.layout.rtl.help": (
        "mirrored: the article list on the right, marks and counts at the right",
        "معكوس: قائمة المقالات على اليمين، والعلامات والأعداد على اليمين",
    ),
    "palette.layout.ltr.help": ("the article list on the left", "قائمة المقالات على اليسار"),
    "palette.next_unread": ("Next unread", "غير المقروء التالي"),
    "palette.next_unread.help": (
        "the next unread article of the list (])",
        "مقال القائمة غير المقروء التالي (])",
    ),
    "palette.previous_unread": ("Previous unread", "غير المقروء السابق"),
    "palette.previous_unread.help": (
        "the previous unread article of the list ([)",
        "مقال القائمة غير المقروء السابق ([)",
    ),
    "palette.mark_all_read": ("Mark all read", "تعليم الكل مقروءًا"),
    "palette.mark_all_read.help": (
        "every article of the list as it is filtered now (A)",
        "كل مقالات القائمة بتصفيتها الحالية (A)",
    ),
    "palette.save": ("Save the article", "حفظ المقال"),
    "palette.save.help": (
        "to a file, as Markdown or plain text (s)",
        "في ملف، بصيغة Markdown أو نصًا عاديًا (s)",
    ),
    "palette.pipe": ("Pipe the article", "تمرير المقال"),
    "palette.pipe.help": (
        "its text, in logical order, to a shell command (|)",
        "نصه، بالترتيب المنطقي، إلى أمر صدفة (|)",
    ),
    "palette.export": ("Export the list", "تصدير القائمة"),
    "palette.export.help": (
        "the filtered list's articles as JSON lines, to a file",
        "مقالات القائمة المصفّاة أسطرَ JSON في ملف",
    ),
    # the feeds
    "palette.fetch": ("Fetch due feeds", "جلب الخلاصات المستحقة"),
    "palette.fetch.help": ("fetch new articles now (R)", "جلب المقالات الجديدة الآن (R)"),
    "palette.feed": ("Feed: {name}", "الخلاصة: {name}"),
    "palette.feed.one": ("only its 1 article", "مقالها الوحيد فقط"),
    "palette.feed.many": ("only its {count} articles", "مقالاتها فقط ({count})"),
    "palette.tag": ("Tag: {tag}", "الوسم: {tag}"),
    "palette.tag.label": ("tag {tag}", "الوسم {tag}"),
    "palette.tag.one": ("only the articles of its 1 feed", "مقالات خلاصته الوحيدة فقط"),
    "palette.tag.many": (
        "only the articles of its {count} feeds",
        "مقالات خلاصاته فقط ({count})",
    ),
    # the filters
    "palette.view": ("View: {name}", "العرض: {name}"),
    "palette.view.unread": ("unread", "غير المقروء"),
    "palette.view.bookmarks": ("bookmarks", "المحفوظ"),
    "palette.view.everything": ("everything", "كل المقالات"),
    "palette.clear": ("Clear: {label}", "إلغاء: {label}"),
    "palette.clear.help": ("keep the rest of the filter", "مع إبقاء بقية التصفية"),
    "palette.clear_all": ("Clear all filters", "إلغاء التصفية كلها"),
    "palette.clear_all.help": ("every article (Esc)", "كل المقالات (Esc)"),
    "palette.unread": ("Unread only", "غير المقروء فقط"),
    "palette.unread_off": ("Unread only: off", "غير المقروء فقط: إيقاف"),
    "palette.unread.help": (
        "only the articles not read yet (U)",
        "المقالات التي لم تُقرأ بعد فقط (U)",
    ),
    "palette.bookmarks": ("Bookmarks only", "المحفوظ فقط"),
    "palette.bookmarks_off": ("Bookmarks only: off", "المحفوظ فقط: إيقاف"),
    "palette.bookmarks.help": ("only the bookmarked articles (B)", "المقالات المحفوظة فقط (B)"),
    "palette.kind.PER": ("Person: {name}", "شخص: {name}"),
    "palette.kind.LOC": ("Place: {name}", "مكان: {name}"),
    "palette.kind.ORG": ("Organisation: {name}", "منظمة: {name}"),
    "palette.kind.MISC": ("Other: {name}", "أخرى: {name}"),
    "palette.source": ("Source: {name}", "المصدر: {name}"),
    "palette.only.one": ("only its 1 article", "مقال واحد فقط"),
    "palette.only.many": ("only its {count} articles", "مقالاته فقط (العدد: {count})"),
    "palette.dates": ("Dates: {since}..{until}", "التواريخ: {since}..{until}"),
    "palette.dates.week": (
        "Dates: the newest week ({since}..)",
        "التواريخ: أحدث أسبوع ({since}..)",
    ),
    "palette.dates.month": (
        "Dates: the newest month ({since}..)",
        "التواريخ: أحدث شهر ({since}..)",
    ),
    "palette.dates.help": ("type dates FROM..TO for others", "لغيرها اكتب dates FROM..TO"),
    "palette.dates.typed.help": (
        "only the articles published then (both days included)",
        "المقالات المنشورة بين اليومين فقط (واليومان منها)",
    ),
    # Textual's own commands
    "palette.sys.theme": ("Theme", "السمة"),
    "palette.sys.theme.help": ("Change the current theme", "تغيير السمة الحالية"),
    "palette.sys.quit": ("Quit", "خروج"),
    "palette.sys.quit.help": ("Quit the application as soon as possible", "الخروج من التطبيق فورًا"),
    "palette.sys.keys": ("Keys", "المفاتيح"),
    "palette.sys.keys.show": (
        "Show help for the focused widget and a summary of available keys",
        "عرض مساعدة الجزء الحالي وملخص المفاتيح المتاحة",
    ),
    "palette.sys.keys.hide": (
        "Hide the keys and widget help panel",
        "إخفاء لوحة المفاتيح والمساعدة",
    ),
    "palette.sys.maximize": ("Maximize", "تكبير"),
    "palette.sys.maximize.help": ("Maximize the focused widget", "تكبير الجزء الحالي"),
    "palette.sys.minimize": ("Minimize", "تصغير"),
    "palette.sys.minimize.help": (
        "Minimize the widget and restore to normal size",
        "تصغير الجزء وإعادته إلى حجمه",
    ),
    "palette.sys.screenshot": ("Screenshot", "لقطة شاشة"),
    "palette.sys.screenshot.help": (
        "Save an SVG 'screenshot' of the current screen",
        "حفظ لقطة SVG للشاشة الحالية",
    ),
}
