"""Word lists and cue phrases the line rules rely on; data, kept apart from the logic.

Arabic cues are written without hamza variation where the regexes below allow any of
ا/أ/إ/آ, so one entry covers اقرأ / إقرأ / أقرأ and أيضا / أيضاً / ايضا.
"""

from __future__ import annotations

import re

ALEF = "[اأإآ]"
TANWEEN = "[\u064b\u064c\u064d]?"
GATE = "(?=[{first}])(?:{pattern})"


def starting(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the letters its alternatives start with: the same
    matches (case folding applies to the class too), but a search skips a position on one
    test instead of trying every alternative there. Searched on every short line."""
    return re.compile(GATE.format(first=first, pattern=pattern), flags)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Particles and pronouns that make up a large share of running Arabic prose and are rare
# in headline lists and menus.
FUNCTION_WORDS = _words(
    """
    في من على إلى الى عن مع أن إن ان أنه إنه انه أنها إنها لكن لكنه بل ثم أو او أي
    التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هناك هنا حيث حين عندما بعد قبل
    منذ خلال حول بين دون عند لدى كما كان كانت يكون تكون قد لقد لم لن لا ما ليس هو هي هم
    هما نحن أنا كل بعض غير إذا اذا لو حتى أيضا أيضاً فقط وقد وكان وكانت وفي ومن وعلى
    وإلى وأن وإن وهو وهي ولا ولم وهذا وهذه إلا الا عليه عليها فيه فيها منه منها له لها
    به بها إليه إليها عنه عنها بأن لأن كيف متى لماذا ماذا
    """
)

# Section names of Arabic news sites; a short line made mostly of them is a menu or tag list.
SECTION_WORDS = _words(
    """
    الرئيسية أخبار اخبار الأخبار سياسة السياسة اقتصاد الاقتصاد رياضة الرياضة فن الفن
    ثقافة الثقافة منوعات تكنولوجيا صحة الصحة مقالات آراء اراء رأي الرأي مقال فيديو
    صور فيديوهات محليات دوليات عربي عالمي دولية دولي عالم العالم مجتمع حوادث تقارير
    تحقيقات ملفات بث مباشر المزيد إتصل اتصل الأحداث أحداث صحافة أفكار تفاعلي
    مقابلات حوارات ترفيه سياحة علوم تعليم طقس بورصة عقارات سيارات المرأة شباب
    """
)

# Latin words and brand names of share bars, app-store badges and site chrome.
LATIN_CHROME = starting(
    "a-z",
    r"\b(?:facebook|twitter|whatsapp|telegram|linkedin|flipboard|nabd|instagram|youtube|"
    r"tiktok|snapchat|pinterest|reddit|viber|messenger|google\s*play|app\s*store|"
    r"apple\s*store|copy\s+to\s+clipboard|copied|share|follow\s+us|find\s+us|loader|"
    r"loading|close\s+button|subscribe|newsletter|sign\s+in|log\s*in|menu|search|"
    r"cookies?|privacy\s+policy|terms|rss|email|print|home|about\s+us|contact(?:\s+us)?)\b",
    re.IGNORECASE,
)

# Arabic share / follow / comment cues: any short line that is not prose and holds one.
SHARE_CUES = starting(
    "شمتانأحر",
    r"شارك(?:\s+هذا|\s+على|\s+المقال|\s+الخبر|\s+بتعليقك|\s+عبر)|مشاركة\s+(?:المقال|الخبر)|"
    r"تابع(?:نا|ونا|وا)\s+على|انسخ\s+الرابط|نسخ\s*/\s*لصق|نسخ\s+الرابط|أضف\s+تعليق|"
    r"اترك\s+تعليق|حم[ّ]?ل\s+تطبيق|تطبيق\s+الهاتف|اشترك\s+في|النشرة\s+البريدية|رابط\s+مختصر",
)
# Whole lines that are buttons of an article page.
UI_LINES = frozenset(
    {
        "شارك",
        "مشاركة",
        "طباعة",
        "حجم الخط",
        "تكبير الخط",
        "تصغير الخط",
        "حفظ",
        "إرسال",
        "ارسال",
        "نسخ الرابط",
        "تم النسخ",
        "المفضلة",
        "أضف إلى المفضلة",
        "تعليق",
        "علق",
        "اقرأ المزيد",
        "إقرأ المزيد",
        "المزيد",
        "التالي",
        "السابق",
        "عودة",
        "رجوع",
    }
)
# Platform names: only a line made mostly of them is a share bar; a headline may name one.
PLATFORMS = starting(
    "وفتاإيلطم",
    r"واتساب|واتس\s*اب|فيسبوك|فيس\s+بوك|تويتر|تيليجرام|تلغرام|انستغرام|إنستغرام|يوتيوب|"
    r"فايبر|لينكد\s*إن|التعليقات|تعليقات|طباعة|مشاركة",
)

AD = re.compile(
    rf"^(?:{ALEF}علان(?:ات)?|مساحة\s+{ALEF}علانية|محتوى\s+{ALEF}علاني|advertisement|"
    r"sponsored|ads?|publicité)$",
    re.IGNORECASE,
)
# An ad label glued to the next sentence ("إعلانوالأسبوع"): the next letter cannot start a
# suffix of إعلان (ه ي ن ك ا ت ة), so the label and the sentence were run together.
_SUFFIX_STARTS = "هينكاتةى"
_GLUE_NEXT = "".join(
    chr(c) for c in range(0x0621, 0x064B) if chr(c) not in _SUFFIX_STARTS and chr(c).isalpha()
)
AD_GLUED = re.compile(
    rf"^(?P<label>{ALEF}علان|advertisement)(?=[{_GLUE_NEXT}A-Za-z0-9\"“«])", re.IGNORECASE
)

READ_ALSO = re.compile(
    rf"^(?:{ALEF}قر{ALEF}\s+(?:{ALEF}يض{ALEF}{TANWEEN}|كذلك|المزيد)|"
    r"read\s+(?:also|more)|see\s+also|شاهد\s+أيضا|شاهد\s+ايضا)"
    rf"(?:\s+على\s+(?P<site>[^:：]{{1,40}}))?\s*[:：\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)

# Headings that open a block of links to other articles.
BLOCK_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(rf"^ال{ALEF}كثر\s+(?:قراءة|قراءه|مشاهدة|تداولا|تداول{ALEF}{TANWEEN}|تعليقا)"),
        "most-read",
    ),
    (re.compile(rf"^(?:قد\s+)?يعجبك\s+(?:{ALEF}يض{ALEF}{TANWEEN})?|^قد\s+يهمك"), "related"),
    (
        re.compile(
            rf"^(?:مواضيع|{ALEF}خبار|مقالات|قصص|روابط)\s+(?:{ALEF}ضافية|ذات\s+صلة|متعلقة|مشابهة|مقترحة)"
        ),
        "related",
    ),
    (
        re.compile(r"^(?:المزيد\s+من|ذات\s+صلة|اخترنا\s+لك|اخترنا\s+لكم|آخر\s+الأخبار)\b"),
        "related",
    ),
    (
        re.compile(
            r"^(?:related|more\s+stories|most\s+read|trending|you\s+may\s+also\s+like)\b",
            re.IGNORECASE,
        ),
        "related",
    ),
)

POLL_CUE = re.compile(
    r"^(?:شارك\s+برأيك|استطلاع(?:\s+رأي)?|استفتاء|صوّ?ت(?:\s+الآن)?|شارك\s+في\s+الاستطلاع|poll)\b",
    re.IGNORECASE,
)

TAGS = re.compile(
    r"^(?:كلمات\s+دلالية|الكلمات\s+الدلالية|الوسوم|وسوم|tags|مواضيع\s+ذات\s+صلة\s*:)\s*[:：]?",
    re.IGNORECASE,
)

CREDIT = starting(
    "c©(حماصpi",
    r"(?:\bCopyright\b|©|\(c\)\s|حقوق\s+الصورة|مصدر\s+الصورة|الصورة\s*:|صورة\s*:|"
    r"\bPhoto\s*:|\bCredit\s*:|\bImage\s*:)",
    re.IGNORECASE,
)
# A photo caption: it opens like one, or ends with the picture agency in parentheses.
CAPTION_START = re.compile(
    r"^(?:\(?صور(?:ة|ه)\s+(?:أرشيفية|ارشيفية|من|تعبيرية|متداولة|لل?)|من\s+اليمين|من\s+اليسار)"
)
CAPTION_AGENCY = re.compile(
    r"\((?:رويترز|أ\s*[.]?\s*ف\s*[.]?\s*ب|فرانس\s+برس|الأناضول|وكالات|أرشيف(?:ية)?|"
    r"سبوتنيك|تاس|شينخوا|أسوشيتد\s+برس|مواقع\s+التواصل|إنترنت|الإنترنت|غيتي|"
    r"AFP|Reuters|AP|EPA|Getty(?:\s+Images)?)\)$",
    re.IGNORECASE,
)
# "الدوحة - الجزيرة نت", "القاهرة - أ ش أ": the dateline under a headline, naming the outlet.
DATELINE = re.compile(
    r"^(?P<city>[^\s\-–—|]+(?:\s[^\s\-–—|]+)?)\s+[-–—]\s+(?P<outlet>[^-–—|]{2,30})$"
)
RIGHTS = starting(
    "جaح", r"جميع\s+الحقوق\s+محفوظة|all\s+rights\s+reserved|حقوق\s+النشر\s+محفوظة", re.IGNORECASE
)

SOURCE = re.compile(r"^(?:المصدر|مصدر\s+الخبر|source)\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
SOURCES_EXTRA = re.compile(r"^(?:المصادر(?:\s+الإضافية)?|مصادر)\s*[:：•·-]")
AUTHOR = re.compile(
    r"^(?:بقلم\s*[:：]?|كتب(?:ت|ه|ها)?\s*[:：\-–]|الكاتب\s*[:：]|إعداد\s*[:：]|اعداد\s*[:：]|"
    r"حوار\s*[:：]|كتب(?:ت)?\s+(?=[^\s:：]+(?:\s+[^\s:：]+){1,2}$)|"
    r"تحرير\s*[:：]|by\s+)\s*(?P<value>.+)$",
    re.IGNORECASE,
)
PUBLISHED_CUE = re.compile(
    r"(?:نُ?شر(?:ت)?\s+(?:في|فى|بتاريخ)|تاريخ\s+النشر|تم\s+النشر|تم\s+نشره[اـ]?|بتاريخ|"
    r"نُ?شر(?:ت)?(?=\s*[:：]?\s*(?:[0-9٠-٩]|ال(?:سبت|أحد|اثنين|ثلاثاء|أربعاء|خميس|جمعة)))|"
    r"published(?:\s+on)?|posted(?:\s+on)?)\s*[:：]?",
    re.IGNORECASE,
)
# Substrings one of which every published/updated cue contains: a cheap gate before the regexes.
DATE_CUE_WORDS = ("نشر", "نُشر", "نُشرت", "تاريخ", "تحديث", "ublished", "osted", "pdated", "UBLISHED")
DATE_CUE_WORD = re.compile("|".join(DATE_CUE_WORDS))
UPDATED_CUE = re.compile(r"(?:آخر|اخر)\s+تحديث|تاريخ\s+التحديث|updated", re.IGNORECASE)

WEEKDAYS = re.compile(
    r"(?:ال)?(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)|"
    r"(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday)",
    re.IGNORECASE,
)

# Outlet words that make a "headline - X" suffix read as a site name.
OUTLET_WORDS = re.compile(
    r"بوابة|موقع|جريدة|صحيفة|نيوز|وكالة|قناة|شبكة|اليوم|الآن|مصراوي|الجزيرة|العربية|"
    r"news|times|post|\.com|\.net|\.org|online|tv|\d",
    re.IGNORECASE,
)

# Sentence openers that a scrape glues onto a preceding sub-heading ("إطراء متبادلوكان").
GLUED_OPENERS = (
    "وكان",
    "وكانت",
    "وقال",
    "وقالت",
    "وأضاف",
    "وأضافت",
    "وأكد",
    "وأكدت",
    "وأشار",
    "وأشارت",
    "وتابع",
    "وتابعت",
    "وأوضح",
    "وأوضحت",
    "وأعلن",
    "وأعلنت",
    "وذكر",
    "وذكرت",
    "وبحسب",
    "ووفق",
    "وفيما",
    "ويأتي",
    "وتأتي",
    "والأسبوع",
    "واليوم",
    "وأمس",
)
