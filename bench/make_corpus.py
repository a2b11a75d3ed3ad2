"""Write N varied Arabic article dumps recombined from the seeds' paragraphs.

    python bench/make_corpus.py 10000 bench/.cache/corpus-10000 [--seed 7]

Every article gets a headline, body paragraphs drawn from the five seeds with the
seeds' person names replaced by generated people, and (sometimes) a date line in
one of the forms the cleaner must read, a by-line, a source line, boilerplate of
the kinds the seeds show, and a second article after إقرأ أيضاً. People follow a
Zipf law over a pool of generated names with spelling variants, so a few people
are in many articles and most in few. The same N and --seed give the same files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "data" / "seed-gold.json"
PER_DIR = 1000

FIRST = [
    "محمد",
    "أحمد",
    "علي",
    "حسن",
    "خالد",
    "عمر",
    "يوسف",
    "إبراهيم",
    "سامي",
    "كريم",
    "طارق",
    "وليد",
    "ماجد",
    "فهد",
    "سلمان",
    "جورج",
    "ميخائيل",
    "سيرغي",
    "إيغور",
    "دميتري",
    "فلاديمير",
    "ألكسندر",
    "بوريس",
    "نيكولاي",
    "أندريه",
    "جون",
    "مايك",
    "دونالد",
    "جو",
    "ستيفن",
    "ريتشارد",
    "توماس",
    "وليام",
    "جيمس",
    "روبرت",
    "كيم",
    "لي",
    "بارك",
    "تشوي",
    "يون",
    "مون",
    "هان",
    "جانغ",
    "أنغيلا",
    "إيمانويل",
    "أولاف",
    "ماريو",
    "بيدرو",
    "كارلوس",
    "رجب",
    "نور",
    "فاطمة",
    "مريم",
    "ليلى",
    "سارة",
]
LAST = [
    "الحسيني",
    "العبدالله",
    "الشمري",
    "القحطاني",
    "الخطيب",
    "الحداد",
    "النجار",
    "المصري",
    "الراشد",
    "البدوي",
    "لافروف",
    "بيسكوف",
    "مورغولوف",
    "شويغو",
    "ميدفيديف",
    "نافالني",
    "يلتسين",
    "غروميكو",
    "بلينكن",
    "سوليفان",
    "بايدن",
    "روبيو",
    "كيري",
    "بولتون",
    "هيلي",
    "جونغ",
    "سون",
    "هوي",
    "يونغ",
    "هو",
    "مين",
    "سوك",
    "تشول",
    "غيون",
    "ميركل",
    "ماكرون",
    "شولتز",
    "دراغي",
    "سانشيز",
    "أردوغان",
    "داود",
    "العلي",
    "غانم",
    "جابر",
]
TITLES = (
    "الرئيس",
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "رئيس الوزراء",
    "الزعيم",
    "السفير",
    "المحلل السياسي",
    "النائب",
)
SOURCES = ("RT", "يورونيوز", "عربي21", "بوابة الشروق", "الجزيرة", "سكاي نيوز عربية", "رويترز")
AUTHORS = ("رشيد سعيد قرني", "منى الخطيب", "سامر يوسف", "هالة منصور", "عادل الشريف")
MONTHS_EG = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
MONTHS_LEV = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BOILERPLATE = (
    "شارك هذا المقال",
    "اعلان",
    "Copy to clipboard",
    "تابعونا على فيسبوك وتويتر",
    "الأكثر قراءة",
    "قد يعجبك أيضا",
    "شارك برأيك",
    "كلمات دلالية",
    "سياسة اقتصاد رياضة",
    "Copyright Sputnik",
    "© جميع الحقوق محفوظة",
    "[covid19-ultimate-card region=”EG” region-name=”مصر” bg-color=”#0c3278″ rtl=”true”]",
    "اقرأ أيضا على يورونيوز",
    "هل تؤيد دعوات مقاطعة المنتجات؟ نعم لا",
)
HEADLINES = (
    "{a} يبحث مع {b} ملفات التعاون الثنائي",
    "{a}: المحادثات مع {b} كانت صعبة",
    "{a} يستقبل {b} في زيارة نادرة",
    "تصريحات جديدة لـ{a} بشأن الأزمة",
    "{a} يحذر من تصعيد جديد في المنطقة",
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True)
class Person:
    first: str
    last: str

    def full(self, rng: random.Random) -> str:
        return f"{_variant(self.first, rng)} {_variant(self.last, rng)}"

    def short(self, rng: random.Random) -> str:
        return _variant(self.last, rng)


def _variant(name: str, rng: random.Random) -> str:
    """Spellings real outlets use for one name: ج/غ, ي/ى at the end, أ/ا at the start."""
    if rng.random() < 0.2:
        name = name.replace("غ", "ج") if "غ" in name else name.replace("ج", "غ")
    if rng.random() < 0.1 and name.endswith("ي"):
        name = name[:-1] + "ى"
    if rng.random() < 0.15 and name[:1] in "أإ":
        name = "ا" + name[1:]
    return name


def _paragraphs() -> list[str]:
    """Body-like lines of the seeds: long, mostly Arabic, no links or shortcodes."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            words = line.split()
            if len(words) < 12 or "http" in line or "[" in line:
                continue
            if len(_ARABIC_WORD.findall(line)) < 0.6 * len(line.replace(" ", "")):
                continue
            out.append(line)
    return out


def _templates(paragraphs: list[str]) -> list[str]:
    """Paragraphs with every gold person name replaced by {F} (full) or {S} (short)."""
    gold = json.loads(GOLD.read_text("utf-8"))
    names: set[str] = set()
    for article in gold["articles"].values():
        for variants in article.get("persons", {}).values():
            names.update(variants)
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\u0621-\u064a])(?:[وبل])?(" + "|".join(map(re.escape, ordered)) + ")"
    )

    def swap(match: re.Match[str]) -> str:
        prefix = match.group(0)[: match.start(1) - match.start(0)]
        return prefix + ("{F}" if " " in match.group(1) else "{S}")

    return [pattern.sub(swap, p) for p in paragraphs]


def _date_line(rng: random.Random) -> str | None:
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randrange(5)
    if style == 0:
        hour = rng.randint(1, 12)
        minute = rng.randint(10, 59)
        return f"نشر في: {rng.choice(DAYS)} {day} {MONTHS_EG[month - 1]} {year} - {hour}:{minute} م"
    if style == 1:
        return f"تاريخ النشر: {day}th, {MONTHS_EN[month - 1]} {year} GMT"
    if style == 2:
        return f"{rng.choice(DAYS)}، {day} {MONTHS_LEV[month - 1]} {year}".translate(INDIC)
    return None


def _article(
    rng: random.Random, people: list[Person], weights: list[float], templates: list[str]
) -> str:
    main, other = rng.choices(people, weights=weights, k=2)
    seen: set[Person] = set()

    def fill(template: str) -> str:
        def person_text(match: re.Match[str]) -> str:
            who = main if rng.random() < 0.6 else rng.choices(people, weights=weights)[0]
            if match.group(0) == "{F}" or who not in seen:
                seen.add(who)
                return who.full(rng)
            return who.short(rng)

        return re.sub(r"\{[FS]\}", person_text, template)

    lines = [
        rng.choice(HEADLINES).format(a=main.full(rng), b=f"{rng.choice(TITLES)} {other.full(rng)}")
    ]
    if rng.random() < 0.3:
        lines.insert(0, rng.choice(BOILERPLATE))
    date = _date_line(rng)
    if date:
        lines.append(date)
    if rng.random() < 0.3:
        lines.append(f"بقلم: {rng.choice(AUTHORS)}")
    body = [fill(t) for t in rng.sample(templates, rng.randint(3, 8))]
    body[0] = f"قال {rng.choice(TITLES)} {main.full(rng)}، {body[0]}"
    seen.add(main)
    for paragraph in body:
        lines.append(paragraph)
        if rng.random() < 0.15:
            lines.append(rng.choice(BOILERPLATE))
    if rng.random() < 0.4:
        lines.append(f"المصدر: {rng.choice(SOURCES)}")
    lines.extend(rng.sample(BOILERPLATE, rng.randint(0, 3)))
    if rng.random() < 0.1:
        lines.append("إقرأ أيضاً")
        lines.append(rng.choice(HEADLINES).format(a=other.full(rng), b=main.full(rng)))
        lines.extend(fill(t) for t in rng.sample(templates, 2))
    return "\n\n".join(lines) + "\n"


def make_corpus(count: int, out: Path, *, seed: int = 7, pool: int = 3000) -> list[Path]:
    rng = random.Random(seed)
    templates = _templates(_paragraphs())
    pairs = {(rng.choice(FIRST), rng.choice(LAST)) for _ in range(pool * 2)}
    people = [Person(first, last) for first, last in sorted(pairs)][:pool]
    rng.shuffle(people)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(people))]
    written: list[Path] = []
    for index in range(count):
        folder = out / f"{index // PER_DIR:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{index:06d}.txt"
        path.write_text(_article(rng, people, weights, templates), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="directory to write into")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    files = make_corpus(args.count, args.outdir, seed=args.seed)
    print(f"wrote {len(files)} articles under {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
