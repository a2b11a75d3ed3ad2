"""What the reader says when it acts outside itself: save (`s`), pipe (`|`), export the
list, and the questions those ask (a line to edit, yes or no)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # the questions
    "ask.yes_no": ("{question}  y / n", "{question}  y نعم / n لا"),
    "ask.overwrite": ("{path} exists. Overwrite it?", "الملف {path} موجود. أتكتب فوقه؟"),
    "notice.is_folder": (
        "{path} is a folder: give a file name",
        "{path} مجلد: اكتب اسم ملف",
    ),
    "notice.could_not_write": (
        "Could not write {path}: {error}",
        "تعذّرت الكتابة في {path}: {error}",
    ),
    # s
    "save.ask": (
        "Save as (.md: Markdown, other names: plain text):",
        "احفظ في ملف (\u2066.md\u2069 بصيغة Markdown، وغيره نصًا عاديًا):",
    ),
    "save.none": ("No article open to save", "لا مقال مفتوح لحفظه"),
    "save.markdown": ("Saved as Markdown: {path}", "حُفظ بصيغة Markdown في {path}"),
    "save.plain": ("Saved as plain text: {path}", "حُفظ نصًا عاديًا في {path}"),
    # |
    "pipe.ask": (
        "Pipe the text (logical order) to the shell command:",
        "مرّر النص (بالترتيب المنطقي) إلى أمر الصدفة:",
    ),
    "pipe.none": ("No article open to pipe", "لا مقال مفتوح لتمريره"),
    "pipe.stopped": (
        "{command}: stopped after {seconds} s",
        "{command}: أُوقف بعد {seconds} ثانية",
    ),
    "pipe.failed": ("{command}: {error}", "{command}: تعذّر تشغيله: {error}"),
    "pipe.exit": ("{command}: exit {status}", "{command}: رمز الخروج {status}"),
    "pipe.said": (
        "{command}: exit {status}: {said}",
        "{command}: رمز الخروج {status}: {said}",
    ),
    # export the list
    "export.ask": ("Export the list (JSON lines) to:", "صدّر القائمة (أسطر JSON) إلى:"),
    "export.one": ("1 article exported to {path}", "صُدّر مقال واحد إلى {path}"),
    "export.many": (
        "{count} articles exported to {path}",
        "المقالات المصدَّرة: {count}، إلى {path}",
    ),
}
