"""What the reader does with its articles outside the reader: copy the link or the text
(OSC 52), open the link, save the article (`s`), pipe it to a command (`|`), and write
the filtered list to a file.

What is saved, piped and copied is the stored text in logical order, never the shaped,
reordered cells on the screen. A piped command runs in a worker with the text on its
stdin and no terminal (its own session), so it can neither block nor draw over the
reader; its exit status and first line of output come back as a notice.

Files are written in thread workers, which post what happened as a message; the only
question asked on the UI thread is whether a path exists, before offering to overwrite.
A file that cannot be written is a notice, never a store error.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual import on, work

from reader.paths import saved_dir
from reader.store.export import iter_export_ids
from reader.store.read.rows import Article, ArticleFilter
from reader.store.schema import connect
from reader.tui.article_text import has_display, markdown, plain_text
from reader.tui.screens.list_screen import ListScreen
from reader.tui.screens.outside_results import Written
from reader.tui.screens.prompt import Confirm, LinePrompt
from reader.tui.ui_text import ui
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.body_pane import BodyPane

MARKDOWN = (".md", ".markdown")
PIPE_TIMEOUT = 300  # seconds a piped command may run before it is stopped


class ArticleActions(ListScreen):
    last_command = ""
    """The command `|` ran last, offered again."""

    @property
    def current(self) -> Article | None:
        """The article in the body pane."""
        return self.query_one(BodyPane).current

    # clipboard and browser --------------------------------------------------

    def action_copy_url(self) -> None:
        article = self.current
        if article is None or not article.url:
            self.notify(ui("notice.no_link"), markup=False)
            return
        self.app.copy_to_clipboard(article.url)
        self.notify(ui("notice.link_copied", url=article.url), markup=False)

    def action_copy_text(self) -> None:
        """The stored text in logical order, through OSC 52 (works over SSH and in tmux):
        a terminal selection of the screen would copy shaped, visual-order cells."""
        article = self.current
        if article is None:
            return
        text = plain_text(article)
        self.app.copy_to_clipboard(text)
        self.notify(ui("notice.text_copied", count=len(text)), markup=False)

    def action_open_url(self) -> None:
        article = self.current
        if article is None or not article.url:
            self.notify(ui("notice.no_link"), markup=False)
            return
        if not has_display():
            self.notify(ui("notice.no_display"), markup=False)
            return
        self._open_in_browser(article.url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        import webbrowser  # shlex and the browser registry: not before the first `o`

        webbrowser.open(url)

    # files ------------------------------------------------------------------

    def ask_path(self, question: str, default: Path, then: Callable[[Path], object]) -> None:
        """Ask where to write, offering `default`; a file that exists is overwritten only
        after a yes."""

        def overwrite(path: Path) -> Callable[[bool | None], None]:
            def answered(yes: bool | None) -> None:
                if yes:
                    then(path)

            return answered

        def answered(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            if path.is_dir():
                self.notify(ui("notice.is_folder", path=path), markup=False)
            elif path.exists():
                self.app.push_screen(Confirm(ui("ask.overwrite", path=path)), overwrite(path))
            else:
                then(path)

        self.app.push_screen(LinePrompt(question, str(default)), answered)

    @on(Written)
    def _written(self, message: Written) -> None:
        if message.ok:
            self.notify(message.summary, markup=False)
        else:
            self.notify(message.summary, markup=False, severity="error")

    def action_save(self) -> None:
        article = self.current
        if article is None:
            self.notify(ui("save.none"), markup=False)
            return
        self.ask_path(
            ui("save.ask"),
            saved_dir() / f"khabar-{article.id}.md",
            lambda path: self._save(article, path),
        )

    @work(thread=True, group="save", exit_on_error=False)
    def _save(self, article: Article, path: Path) -> None:
        as_markdown = path.suffix.lower() in MARKDOWN
        text = markdown(article) if as_markdown else plain_text(article)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self._reply(Written(_not_written(path, error), ok=False))
            return
        self._reply(Written(ui("save.markdown" if as_markdown else "save.plain", path=path)))

    def action_pipe(self) -> None:
        article = self.current
        if article is None:
            self.notify(ui("pipe.none"), markup=False)
            return

        def answered(command: str | None) -> None:
            if command:
                self.last_command = command
                self._pipe(article, command)

        self.app.push_screen(LinePrompt(ui("pipe.ask"), self.last_command), answered)

    @work(thread=True, group="pipe", exit_on_error=False)
    def _pipe(self, article: Article, command: str) -> None:
        shown = f"| {command}"  # one field, so the "|" stays with the command in Arabic
        try:
            done = subprocess.run(
                command,
                shell=True,
                input=plain_text(article).encode("utf-8"),
                capture_output=True,
                start_new_session=True,
                timeout=PIPE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            said = ui("pipe.stopped", command=shown, seconds=PIPE_TIMEOUT)
            self._reply(Written(said, ok=False))
            return
        except OSError as error:
            said = ui("pipe.failed", command=shown, error=error.strerror or error)
            self._reply(Written(said, ok=False))
            return
        lines = (done.stdout or done.stderr).decode("utf-8", "replace").strip().splitlines()
        status = done.returncode
        said = (
            ui("pipe.said", command=shown, status=status, said=lines[0][:200])
            if lines
            else ui("pipe.exit", command=shown, status=status)
        )
        self._reply(Written(said, ok=status == 0))

    def action_export_list(self) -> None:
        """The articles of the list as it is filtered now, as `khabar export` writes them."""
        flt = self.query_one(ArticleList).filter
        default = saved_dir() / f"khabar-list-{date.today().isoformat()}.jsonl"
        self.ask_path(ui("export.ask"), default, lambda path: self._export(flt, path))

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, flt: ArticleFilter, path: Path) -> None:
        ids = self._store.listing.article_ids(flt)
        conn = connect(self.db_path, readonly=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8") as out:
                for record in iter_export_ids(conn, ids):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as error:
            self._reply(Written(_not_written(path, error), ok=False))
            return
        finally:
            conn.close()
        if len(ids) == 1:
            self._reply(Written(ui("export.one", path=path)))
        else:
            self._reply(Written(ui("export.many", count=len(ids), path=path)))


def _not_written(path: Path, error: OSError) -> str:
    return ui("notice.could_not_write", path=path, error=error.strerror or error)
