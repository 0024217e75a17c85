"""Home: the reviews in the database; enter opens one on its feedback meeting."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.safe_text import one_line, plain
from hfs_tui.templates import TEMPLATES

from .dialogs import HelpScreen
from .keys import HOME_KEYS, bindings


class HomeScreen(Screen[None]):
    KEY_ACTIONS = HOME_KEYS
    BINDINGS = bindings(HOME_KEYS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(t("home.title")), id="home-title")
        yield DataTable(id="reviews", cursor_type="row", zebra_stripes=True)
        yield Static(Text(t("home.empty")), id="home-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#reviews", DataTable)
        table.add_columns(t("home.col.title"), t("home.col.parties"), t("home.col.template"), t("home.col.created"))
        self.refresh_reviews()

    def on_screen_resume(self) -> None:
        self.refresh_reviews()

    def refresh_reviews(self) -> None:
        table = self.query_one("#reviews", DataTable)
        table.clear()
        for summary in self.app.store.reviews():
            review = summary.review
            template = TEMPLATES.get(review.template)
            table.add_row(
                plain(one_line(review.title)),
                plain(" – ".join(one_line(p.name) for p in summary.parties)),
                Text(template.name if template else review.template),
                Text(review.created_at[:10]),
                key=str(review.id),
            )
        self.query_one("#home-empty").display = table.row_count == 0
        table.display = table.row_count > 0
        if table.row_count:
            table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_meeting(int(event.row_key.value), MeetingKind.FEEDBACK)

    def action_open_review(self) -> None:
        table = self.query_one("#reviews", DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self.app.open_meeting(int(row_key.value), MeetingKind.FEEDBACK)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(t("home.title"), self.KEY_ACTIONS))
