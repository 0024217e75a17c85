"""Home: every review with where it stands in the five steps; keys open each step, create, rename, delete.

The step is derived from the data (hfs_tui.progress), so the list is always as current as the database.
`enter` opens the review's feedback meeting; the step numbers 1 2 4 5 (and h for 4b) open the steps.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.progress import ReviewCounts, current_step, next_meeting, step_detail
from hfs_tui.safe_text import one_line
from hfs_tui.store import RECOVERABLE_DAYS

from ..base import HfsScreen
from ..keys import HOME_KEYS, bindings
from ..widgets.dialogs import ConfirmDialog
from ..widgets.forms import NewReviewForm, TextPrompt
from .deleted import DeletedReviewsDialog

WIDE = 100  # from this width the template gets a column of its own
STEP_WIDTH, MEETING_WIDTH, TEMPLATE_WIDTH = 22, 17, 13
_NEEDS_REVIEW = {"open_review", "setup", "answers", "meeting", "actions", "follow_up", "export", "rename", "delete"}


class HomeScreen(HfsScreen):
    KEY_ACTIONS = HOME_KEYS
    HELP_TITLE = "home.title"
    BINDINGS = bindings(HOME_KEYS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(t("home.title")), id="home-title")
        yield DataTable(id="reviews", cursor_type="row", zebra_stripes=True)
        yield Static(Text(t("home.no_reviews")), id="home-empty")
        yield Static(Text(t("home.steps_guide")), id="home-steps")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.run_store(self.store.purge_deleted_reviews)  # only those deleted more than RECOVERABLE_DAYS ago
        self.refresh_reviews()

    def on_screen_resume(self) -> None:
        self.refresh_reviews()

    def on_resize(self) -> None:
        self.refresh_reviews()

    # ------------------------------------------------------------- the list

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def refresh_reviews(self, select_id: int | None = None) -> None:
        """Rebuild the list (cheap: a few grouped queries) and keep the cursor on the same review."""
        table = self.query_one("#reviews", DataTable)
        select_id = select_id if select_id is not None else self.selected_review_id()
        store = self.store
        counts, summaries = store.review_counts(), store.reviews()  # read first: a failing read keeps the list
        table.clear(columns=True)
        title_width = self.add_columns(table)
        today = self.hfs_app.clock().date()
        for summary in summaries:
            review = summary.review
            review_counts = counts.get(review.id, ReviewCounts())
            parties = " – ".join(one_line(p.name) for p in summary.parties)
            template = (
                t(f"home.template.{review.template}")
                if review.template in ("region", "vardcentral", "blank")
                else review.template
            )
            first = _two_lines(one_line(review.title, title_width), one_line(parties, title_width))
            if not self.wide:  # no room for a template column: a third line under the parties
                first.append(
                    "\n" + one_line(t("home.template_line", template=template), title_width), style="dim italic"
                )
            cells = [
                first,
                *([Text(template)] if self.wide else []),
                _step_cell(review_counts),
                _meeting_cell(review_counts, today),
            ]
            table.add_row(*cells, height=2 if self.wide else 3, key=str(review.id))
        empty = table.row_count == 0
        self.query_one("#home-empty").display = empty
        table.display = not empty
        if select_id is not None and str(select_id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select_id)))
        if not empty and self.app.screen is self:
            table.focus()
        self.refresh_bindings()

    def add_columns(self, table: DataTable) -> int:
        """The columns for this width; returns how wide the title column may be."""
        others = [STEP_WIDTH, MEETING_WIDTH] + ([TEMPLATE_WIDTH] if self.wide else [])
        title_width = max(20, self.size.width - 6 - sum(width + 2 for width in others) - 2)
        table.add_column(Text(t("home.col.review")), width=title_width, key="review")
        if self.wide:
            table.add_column(Text(t("home.col.template")), width=TEMPLATE_WIDTH, key="template")
        table.add_column(Text(t("home.col.step")), width=STEP_WIDTH, key="step")
        table.add_column(Text(t("home.col.next_meeting")), width=MEETING_WIDTH, key="meeting")
        return title_width

    def selected_review_id(self) -> int | None:
        table = self.query_one("#reviews", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value or 0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need a review are shown dimmed while the list is empty."""
        if action in _NEEDS_REVIEW and self.is_mounted and self.selected_review_id() is None:
            return None
        return True

    def _with_review(self, open_step) -> None:
        review_id = self.selected_review_id()
        if review_id is None:
            self.notify(t("home.no_review_selected"), timeout=3, markup=False)
        else:
            open_step(review_id)

    # -------------------------------------------------------------- opening

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.hfs_app.open_meeting(int(event.row_key.value or 0), MeetingKind.FEEDBACK)

    def action_open_review(self) -> None:
        self.action_meeting()

    def action_setup(self) -> None:
        self._with_review(self.hfs_app.open_setup)

    def action_answers(self) -> None:
        self._with_review(self.hfs_app.open_answers)

    def action_meeting(self) -> None:
        self._with_review(lambda review_id: self.hfs_app.open_meeting(review_id, MeetingKind.FEEDBACK))

    def action_actions(self) -> None:
        self._with_review(self.hfs_app.open_actions)

    def action_follow_up(self) -> None:
        self._with_review(self.hfs_app.open_follow_up)

    def action_export(self) -> None:
        self._with_review(self.hfs_app.open_export)

    def action_search(self) -> None:
        from ..search import SearchScreen

        self.app.push_screen(SearchScreen())

    # ------------------------------------------------------------- changing

    def action_new_review(self) -> None:
        def created(review) -> None:
            if review is not None:
                self.notify(t("home.created", title=one_line(review.title)), timeout=3, markup=False)
                self.refresh_reviews(select_id=review.id)

        self.app.push_screen(NewReviewForm(self.store.create_review), created)

    def action_rename(self) -> None:
        review_id = self.selected_review_id()
        if review_id is None:
            return
        review = self.store.review(review_id)

        def renamed(title: str | None) -> None:
            if title is not None:
                self.notify(t("home.renamed", title=one_line(title)), timeout=3, markup=False)
                self.refresh_reviews()

        save = lambda title: self.store.update_review(review_id, title=title)  # noqa: E731
        self.app.push_screen(TextPrompt(t("home.rename_title"), review.title, save=save), renamed)

    def action_delete(self) -> None:
        review_id = self.selected_review_id()
        if review_id is None:
            return
        title = one_line(self.store.review(review_id).title)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            if not self.store_ok(self.store.delete_review, review_id):
                return
            self.notify(t("home.deleted", title=title, days=RECOVERABLE_DAYS), timeout=6, markup=False)
            self.refresh_reviews()

        self.app.push_screen(ConfirmDialog(t("home.confirm_delete", title=title, days=RECOVERABLE_DAYS)), confirmed)

    def action_deleted(self) -> None:
        def restore(review_id: int | None) -> None:
            if review_id is None:
                return
            if not self.store_ok(self.store.restore_review, review_id):
                return
            self.notify(t("home.restored", title=one_line(self.store.review(review_id).title)), markup=False)
            self.refresh_reviews(select_id=review_id)

        self.app.push_screen(DeletedReviewsDialog(), restore)


def _two_lines(first: str, second: str) -> Text:
    text = Text(first, style="bold")
    text.append("\n")
    text.append(second, style="dim")
    return text


def _step_cell(counts: ReviewCounts) -> Text:
    step = current_step(counts)
    return _two_lines(step.label, step_detail(counts, step))


def _meeting_cell(counts: ReviewCounts, today: date) -> Text:
    upcoming = next_meeting(counts, today)
    if upcoming is None:
        return Text(t("setup.unset"), style="dim")
    kind, day = upcoming
    return _two_lines(day.isoformat(), t(f"progress.meeting.{kind.value}"))
