"""The way back from a delete: the reviews deleted in the last 30 days; `enter` returns one to restore."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from hfs_tui.clock import from_iso
from hfs_tui.i18n import t
from hfs_tui.safe_text import one_line
from hfs_tui.store import RECOVERABLE_DAYS


class DeletedReviewsDialog(ModalScreen[int | None]):
    """Returns the id of the review to restore, or None; the caller restores it."""

    BINDINGS = [Binding("escape,u", "close", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="form"):
            yield Label(Text(t("deleted.title")), classes="form-title")
            yield DataTable(id="deleted-reviews", cursor_type="row", zebra_stripes=True)
            yield Static(Text(t("deleted.none")), id="deleted-none")
            yield Static(Text(t("deleted.hint", days=RECOVERABLE_DAYS)), classes="form-hint")

    def on_mount(self) -> None:
        table = self.query_one("#deleted-reviews", DataTable)
        for label in ("home.col.review", "deleted.col.deleted", "deleted.col.kept_until"):
            table.add_column(Text(t(label)))
        store = self.app.store  # type: ignore[attr-defined]  # a ModalScreen: the HfsApp's store
        deleted = [s for s in store.reviews(include_deleted=True) if s.review.deleted_at]
        for summary in sorted(deleted, key=lambda s: s.review.deleted_at, reverse=True):
            review = summary.review
            deleted_at = from_iso(review.deleted_at)
            parties = " – ".join(one_line(p.name) for p in summary.parties)
            table.add_row(
                Text(f"{one_line(review.title, 50)}\n{one_line(parties, 50)}"),
                Text(deleted_at.date().isoformat()),
                Text((deleted_at + timedelta(days=RECOVERABLE_DAYS)).date().isoformat()),
                height=2,
                key=str(review.id),
            )
        self.query_one("#deleted-none").display = not deleted
        table.display = bool(deleted)
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(int(event.row_key.value or 0))

    def action_close(self) -> None:
        self.dismiss(None)
