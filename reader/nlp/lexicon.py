"""Cue words shared by the trigger patterns and the CRF features (folded forms)."""

from __future__ import annotations

from reader.nlp.normalize import fold


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# Words that open a person's title or role: الرئيس الروسي X, وزير الخارجية X.
TITLES = _folded(
    """الرئيس رئيس الزعيم زعيم وزير وزيرة الوزير الوزيرة نائب المتحدث المتحدثة الناطق الناطقة
    السفير سفير المبعوث مبعوث الجنرال اللواء العميد العقيد الفريق المشير الأمير الملك الملكة
    الشيخ السيناتور النائب النائبة المستشار المستشارة الأمين أمين المدير مدير المدعي القاضي
    السيد السيدة الدكتور د الرئيسة رئيسة المرشد الرئيس المرشح المرشحة البابا الإمام الحاكم
    محافظ المحافظ قائد القائد المدرب الكاتب الكاتبة الصحفي الصحفية المحلل الخبير الباحث
    الباحثة الممثل الممثلة المسؤول المسؤولة مساعد مساعدة السكرتير سكرتير عضو العضو النجم
    اللاعب الدبلوماسي الجنرالات الأسقف البطريرك سمو صاحب فخامة معالي سماحة"""
)
# Titles that announce a person only with a possessive ending (نظيره الروسي X، زوجته X), rule
# layers only: TITLES are the tagger's features too.
POSSESSED_TITLES = _folded("""نظير نظيرة زوج زوجة مدرب مساعد""")
# Places named after people (مستشفى أبو يوسف النجار، ملعب الأب جيكو): the name after these
# is the place's, no person's. Rule layers only.
FACILITY_HEADS = _folded("""مستشفى ملعب شارع مدرسة مسجد ساحة استاد مطار جامع ميدان""")
# Particles inside European names (فيرجيل فان دايك، أورسولا فون دير لاين، ليوناردو دا فينشي):
# فان is also فإن folded, an everyday word, so inside a name it needs a name after it.
NAME_PARTICLES = _folded("""فان فون دير دي دا دو ديل""")
# Words that may sit between a title and the name: nationality adjectives are
# recognised by shape (ال…ي), these are the rest.
TITLE_FILLERS = _folded(
    """الخارجية الخاص الداخلية الدفاع المالية العدل الوزراء الدولة الأمن القومي العام العامة
    السابق السابقة الأسبق الحالي الجديد باسم الكرملين الرئاسة الحكومة البيت الأبيض الخارجيه
    الشمالي الجنوبي الشمالية الجنوبية الأول الأولى للشؤون شؤون لشؤون الإعلامي الصحفي
    الرسمي الرسمية الدائم المتحدة للأمم الأمم مجلس الشيوخ النواب الأمريكي الروسي"""
)
# Reporting verbs: قال X، أكد X، أعلن X.
REPORTING_VERBS = _folded(
    """قال قالت أكد أكدت أعلن أعلنت أضاف أضافت صرح صرحت أوضح أوضحت أشار أشارت ذكر ذكرت
    كشف كشفت اعتبر اعتبرت رأى رأت شدد شددت دعا دعت نفى نفت وصف وصفت تابع تابعت لفت لفتت
    طالب طالبت حذر حذرت بقلم"""
)
# Heads that open an organisation name: وزارة الخارجية الروسية، حزب العمال.
ORG_HEADS = _folded(
    """وزارة حزب حركة شركة وكالة مجلس منظمة جامعة جمعية هيئة مؤسسة صندوق بنك البنك مصرف
    اتحاد الاتحاد لجنة اللجنة محكمة المحكمة جبهة الجبهة تحالف التحالف مكتب المكتب صحيفة
    قناة إذاعة مركز المركز معهد المعهد رابطة نقابة برلمان البرلمان"""
)
# Heads that introduce a name they are no part of (شركة توتال، صحيفة معاريف), when the name
# is no definite phrase: ANERcorp tags the name alone.
NAMED_HEADS = _folded("""شركة صحيفة وكالة قناة إذاعة حركة""")
# Honorifics and roles the rule layers trim from a person's edge (وسعادة سعيد محمد، للحارس
# هيلتون): not cues of the tagger, so kept apart from TITLES, whose words are its features.
HONORIFICS = _folded(
    """سعادة حضرة جلالة دولة الحارس المدافع المهاجم الجناح الظهير الحكم المذيع المذيعة
    الشاعر الشاعرة الممثل الفنان الفنانة المطرب المطربة المخرج الطبيب المواطن"""
)
# Cues that the next name is a place: مدينة فلاديفوستوك، العاصمة سيول.
PLACE_CUES = _folded(
    """مدينة المدينة العاصمة عاصمة بلدة قرية منطقة إقليم جزيرة محافظة ميناء مقاطعة
    بمدينة لمدينة بالعاصمة"""
)
# Words never part of a name even when capital-free Arabic gives no other hint.
NON_NAME = _folded(
    """في من إلى على عن مع أن إن أنه إنه التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن
    ما لا و أو ثم بعد قبل خلال حول بين عند منذ حتى كما أيضا اليوم أمس غدا الخميس الجمعة
    السبت الأحد الاثنين الثلاثاء الأربعاء يوم عام العام الماضي المقبل قائلا مضيفا مشيرا
    وقال وأضاف إنها أنها لكن لكنه حيث فيما بأن بأنه له لها هو هي هم كل أي أول آخر عبر
    للمرة الذي والد نحو وذلك وهو وهي بشأن تجاه إزاء ضد دون غير"""
)
# Adverbs and prepositions of place and time, a closed class: after a place cue
# (جزيرة قبالة مدينة …) or a title they start a phrase, never a name.
ADVERBIALS = _folded(
    """قبالة أمام خلف وراء فوق تحت قرب بالقرب بقرب جوار بجوار بجانب جانب لدى حوالي داخل
    خارج وسط إزاء حيال عقب إثر أثناء جراء بسبب قرابة نحو صوب تلقاء لاحقا سابقا مسبقا حاليا
    مؤخرا أيضا جدا دائما أحيانا غالبا تقريبا رسميا علنا فورا معا حيث ريثما بينما"""
)
# Words before a sports club's name (فريق ميلان، نادي الوداد): its name is an organisation.
# الفريق is a military rank and stays a title.
TEAM_CUES = _folded("""فريق فريقي نادي لنادي ناديا""")
# Ordinals and ranks: after مركز/المركز they make a place in a ranking (المركز الثالث),
# not an organisation.
ORDINALS = _folded(
    """الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس
    السابع الثامن التاسع العاشر الأخير الأخيرة المتقدم الأخيرين الوصيف"""
)
# Generic words after an organisation head that name a kind of body, not one body:
# مجلس الإدارة (a company's board), اللجنة المنظمة.
GENERIC_BODIES = _folded("""الإدارة الادارة المنظمة التنفيذية المختصة المعنية المشتركة""")
# Broken plurals of peoples and sects: a group of people, never an organisation.
PEOPLES = _folded(
    """العرب الأكراد الأتراك الشيعة السنة الدروز الأقباط الأمازيغ الفرس الأفغان البدو
    الروم الصرب الكروات الشركس التركمان اليهود المسلمين المسلمون المسيحيين المسيحيون"""
)
