"""Exact visual strings for the cases the display engine must get right.

Expected rows are assembled by hand from the bidi rules: an RTL row is read from the
right, so its logical first word is its rightmost; Arabic runs are shaped then
reversed; Latin and number runs keep their own order.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len

from reader.render.engine import render_lines, render_text
from reader.render.modes import Mode
from tests.render.conftest import rtl_word, shaped

Pad = Callable[[str, int], str]


def test_year_inside_arabic(right: Pad) -> None:
    rows = render_lines("في العام 2011 عندما", 30)
    expected = rtl_word("عندما") + " 2011 " + rtl_word("العام") + " " + rtl_word("في")
    assert rows == [right(expected, 30)]


def test_latin_credit_inside_arabic_sentence(right: Pad) -> None:
    arabic = "التقى الرئيس الروسي فلاديمير بوتين بالزعيم الكوري في مدينة فلاديفوستوك"
    credit = "Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS"
    rows = render_lines(f"{arabic} {credit}", 140)
    assert rows == [right(credit + " " + shaped(arabic)[::-1], 140)]


def test_wrapped_line_starting_with_latin_keeps_paragraph_direction(right: Pad) -> None:
    rows = render_lines("قال المتحدث باسم الكرملين Dmitry Peskov إن الزيارة ناجحة", 25)
    assert rows == [
        right(shaped("قال المتحدث باسم الكرملين")[::-1], 25),
        right(shaped("إن الزيارة")[::-1] + " Dmitry Peskov", 25),
        right(rtl_word("ناجحة"), 25),
    ]


def test_arabic_question_mark_and_comma(right: Pad) -> None:
    text = "هل انتهت الأزمة؟ نعم، انتهت."
    assert render_lines(text, 40) == [right(shaped(text)[::-1], 40)]


def test_quotes_and_mirrored_guillemets(right: Pad) -> None:
    text = "قال “نعم” ثم «لا»"
    mirrored = shaped(text)[::-1].translate({ord("«"): "»", ord("»"): "«"})
    assert render_lines(text, 30) == [right(mirrored, 30)]
    # the guillemet that opens the quote sits on its right, pointing into it
    row = render_lines(text, 30)[0]
    assert row.index("«") < row.index(shaped("لا")) < row.index("»")


def test_nested_brackets_with_latin_and_numbers(right: Pad) -> None:
    text = "قال (الرئيس [Biden 2024] أمس) كلاما"
    expected = (
        rtl_word("كلاما")
        + " ("
        + rtl_word("أمس")
        + " [Biden 2024] "
        + rtl_word("الرئيس")
        + ") "
        + rtl_word("قال")
    )
    assert render_lines(text, 50) == [right(expected, 50)]


def test_numbers_dates_times_percent(right: Pad) -> None:
    # After Arabic letters, digits are Arabic numbers (rule W2): "3-2" is read from the
    # right (3 first), while times and dates stay whole.
    text = "فاز الفريق 3-2 في الساعة 10:30 يوم 2024/01/15 وتراجع السهم -5%"
    expected = (
        "%5- "
        + shaped("وتراجع السهم")[::-1]
        + " 2024/01/15 "
        + rtl_word("يوم")
        + " 10:30 "
        + shaped("في الساعة")[::-1]
        + " 2-3 "
        + shaped("فاز الفريق")[::-1]
    )
    assert render_lines(text, 80) == [right(expected, 80)]


def test_harakat_follow_their_base_letter(right: Pad) -> None:
    bases = rtl_word("محمد")  # final dal, medial mim, medial hah, initial mim
    expected = bases[0] + "\u064c" + bases[1] + "\u064e\u0651" + bases[2] + "\u064e" + bases[3]
    expected += "\u064f"
    assert render_lines("مُحَمَّدٌ", 10) == [right(expected, 10 + 5)]
    assert cell_len(render_lines("مُحَمَّدٌ", 10)[0]) == 10
    assert render_lines("مُحَمَّدٌ", 10, keep_harakat=False) == [right(bases, 10)]


def test_harakat_are_never_first_or_on_padding() -> None:
    for row in render_lines("َمرحبا ُبكم في ِالبيت", 8):
        assert row.lstrip(" ")[0] not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def test_lam_alef_ligatures(right: Pad) -> None:
    assert render_lines("السلام", 10) == [right(rtl_word("السلام"), 10)]
    assert "\ufefc" in render_lines("السلام", 10)[0]  # lam-alef, final form
    assert render_lines("لا", 5) == [right("\ufefb", 5)]


def test_zwj_joins_its_neighbours_and_a_lam_alef_after_it(right: Pad) -> None:
    # beh initial, then lam-alef final: the ZWJ joins them and takes no cell
    assert render_lines("ب\u200dلا", 5) == [right("\ufefc\ufe91", 5)]
    row = render_text("ب\u200dلا بب", 10, spans=[_span(2, 4, "hit")])[0]
    ((first, last, _),) = row.styles
    assert row.text[first:last] == "\ufefc"


def test_lam_alef_already_in_presentation_form(right: Pad) -> None:
    """A lam-alef glyph in the input is one character, not a ligature of two."""
    row = render_text("\ufefbب ب", 8, spans=[_span(1, 2, "hit")])[0]
    assert row.text == right("\ufe8f \ufe8f\ufefb", 8)
    ((first, last, _),) = row.styles
    assert row.text[first:last] == "\ufe8f"
    assert row.text[first - 1] == " "


def test_allah_ligature_is_off() -> None:
    row = render_lines("الله", 10)[0]
    assert "\ufdf2" not in row
    assert cell_len(row) == 10


def test_persian_letters_and_arabic_indic_digits(right: Pad) -> None:
    text = "کتاب یک گل ۱۲۳ و٤٥٦"
    row = render_lines(text, 30)[0]
    assert not set("کیگ") & set(row)  # every Persian letter reached a presentation form
    expected = "٤٥٦" + rtl_word("و") + " ۱۲۳ " + shaped("کتاب یک گل")[::-1]
    assert row == right(expected, 30)


def test_tatweel_is_kept(right: Pad) -> None:
    assert render_lines("كـــبير", 10) == [right(rtl_word("كـــبير"), 10)]


def test_url_inside_arabic_and_wrapped(right: Pad) -> None:
    url = "https://example.com/news?id=42"
    before, after = "زوروا موقعنا الإلكتروني", "للمزيد من الأخبار"
    assert render_lines(f"{before} {url} {after}", 80) == [
        right(shaped(after)[::-1] + f" {url} " + shaped(before)[::-1], 80)
    ]
    rows = render_lines(f"{before} {url} {after}", 12)
    assert rows[:2] == [right(shaped("زوروا موقعنا")[::-1], 12), right(rtl_word("الإلكتروني"), 12)]
    # each piece of the split URL is reordered on its own, with the paragraph's RTL base:
    # a neutral "?" opening a piece goes to that row's right end (FriBidi does the same)
    assert rows[2:5] == [url[0:12], url[12:24], right("id=42?", 12)]
    assert rows[5:] == [right(shaped("للمزيد من")[::-1], 12), right(rtl_word("الأخبار"), 12)]


def test_controls_and_escape_sequences_never_reach_the_screen(right: Pad) -> None:
    text = "\u202bمرحبا\u202c \x1b[31mworld\x1b[0m\x1b]0;pwned\x07 \u200fنص\x07\x9b2J"
    rows = render_lines(text, 30)
    assert rows == [right(rtl_word("نص") + " world " + rtl_word("مرحبا"), 30)]


def test_blank_lines_and_crlf(right: Pad) -> None:
    rows = render_lines("سطر\r\n\r\nآخر\r\n", 6)
    assert rows == [right(rtl_word("سطر"), 6), " " * 6, right(rtl_word("آخر"), 6)]


def test_word_longer_than_width() -> None:
    assert render_lines("abcdefghijklmnopqrstuvwxyz ok", 10) == [
        "abcdefghij",
        "klmnopqrst",
        "uvwxyz ok ",
    ]


def test_tabs_are_expanded() -> None:
    assert render_lines("a\tb", 12) == ["a       b   "]


def test_paragraph_without_letters_follows_the_setting() -> None:
    # RTL: numbers keep their digits' order but the runs read from the right
    assert render_lines("12 - 34", 10) == ["   34 - 12"]
    assert render_lines("12 - 34", 10, rtl_without_letters=False) == ["12 - 34   "]


def test_terminal_and_off_modes_keep_logical_order() -> None:
    text = "مرحبا بكم"
    assert render_lines(text, 12, mode=Mode.TERMINAL) == ["   " + text]
    assert render_lines(text, 12, mode=Mode.OFF) == [text + "   "]


def test_highlight_covers_exactly_the_name_cells() -> None:
    text = "التقى كيم جونغ أون بالرئيس"
    start = text.index("كيم")
    end = start + len("كيم جونغ أون")
    row = render_text(text, 40, spans=[_span(start, end, "person")])[0]
    ((first, last, style),) = row.styles
    assert style == "person"
    assert row.text[first:last] == shaped("كيم جونغ أون")[::-1]


def test_highlight_on_one_letter_of_lam_alef_covers_the_ligature() -> None:
    text = "السلام"
    row = render_text(text, 10, spans=[_span(3, 4, "hit")])[0]  # the lam before alef
    ((first, last, _),) = row.styles
    assert row.text[first:last] == "\ufefc"


def _span(start: int, end: int, style: str) -> object:
    from reader.render.engine import Span

    return Span(start, end, style)
