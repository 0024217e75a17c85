"""Export: agree what goes into each party's report, preview the documents, write them to a folder.

The report agreement happens here because this is where the parties see the result: every toggle is
written to the store first, then the documents are rendered again from the database, so the preview
is always exactly what `hfs-tui export` would write.
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Footer, Input, Label, Static

from hfs_tui.export import (
    ALL_PARTS,
    EXTRA_PARTS,
    PARTS,
    ExportResult,
    default_export_dir,
    export,
    load_record,
    render_documents,
)
from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind, Share
from hfs_tui.safe_text import one_line, plain
from hfs_tui.store import StoreError

from ..base import HfsScreen
from ..keys import EXPORT_KEYS, bindings
from ..widgets.editors import SafeInput
from ..widgets.note_list import owner_switched_text
from .widgets import AgreementList, DocumentPreview, PartBox

PREVIEWED = (*PARTS, "onepager")  # the tabs 1-5 of the preview


def written_lines(result: ExportResult) -> Text:
    """Per file whether it is new or replaced an earlier one, then what was left from an earlier export.

    The names share the meeting's prefix (`2026-03-10-aterkopplingsmote-`): it is said once, first, and each file
    is named by the rest, so the lines fit a small terminal."""
    groups = [
        ("export.shown.new", result.new),
        ("export.shown.replaced", result.replaced),
        ("export.shown.left_over", result.left_over),
    ]
    names = [path.name for _, paths in groups for path in paths]
    prefix = os.path.commonprefix(names) if len(names) > 1 else ""
    prefix = prefix[: prefix.rfind("-") + 1]
    text = Text()
    if prefix:
        text.append(plain(t("export.shown.prefix", prefix=one_line(prefix)), style="hfs.muted"))
    for label, paths in groups:
        if paths:
            text.append(("\n" if text else "") + t(label) + " ", style="bold")
            shown = ", ".join(one_line(path.name[len(prefix) :]) for path in paths)
            text.append(plain(shown, style="hfs.muted" if label == "export.shown.left_over" else ""))
    return text


class ExportScreen(HfsScreen):
    KEY_ACTIONS = EXPORT_KEYS
    HELP_TITLE = "export.title"
    STORE_ERROR = "export.flag_failed"
    BINDINGS = bindings(EXPORT_KEYS)

    def __init__(self, review_id: int, meeting_id: int | None = None) -> None:
        super().__init__()
        self.review_id = review_id
        self.requested_meeting_id = meeting_id
        self.document_index = 0
        self.written_folder = ""
        self.documents: list[tuple[str, str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="export-title")
        with Horizontal(id="export-options"):
            for part in PARTS:
                yield PartBox(Text(t(f"export.part.{part}")), True, id=f"part-{part}", compact=True)
            yield PartBox(Text(t("export.part.html")), False, id="part-html", compact=True)
        with Horizontal(id="export-extras"):
            for part in EXTRA_PARTS:
                yield PartBox(Text(t(f"export.part.{part}")), False, id=f"part-{part}", compact=True)
            yield PartBox(Text(t("export.part.docx")), False, id="part-docx", compact=True)
        with Horizontal(id="export-folder-row"):
            yield Label(Text(t("export.folder")), id="export-folder-label")
            yield SafeInput(id="export-folder", compact=True, select_on_focus=False)
        yield Static(id="export-result")
        with Horizontal(id="export-body"):
            with Vertical(id="agreement-pane", classes="export-pane"):
                yield AgreementList(id="agreement")
            yield DocumentPreview(id="preview", classes="export-pane")
        yield Footer()

    def on_mount(self) -> None:
        store = self.store
        self.review = store.review(self.review_id)
        self.meetings = store.meetings(self.review_id)
        wanted = self.requested_meeting_id or store.meeting_of_kind(self.review_id, MeetingKind.FEEDBACK).id
        self.meeting_index = next((i for i, m in enumerate(self.meetings) if m.id == wanted), 0)
        today = self.hfs_app.clock().astimezone().date()
        folder = default_export_dir(self.review, today, root=self.hfs_app.settings.export_dir)
        self.query_one("#export-folder", SafeInput).set_stored(str(Path.cwd() / folder))
        self.query_one("#export-result").display = False
        agreement_pane = self.query_one("#agreement-pane")
        agreement_pane.border_title = Text(t("export.agreement"))
        agreement_pane.border_subtitle = Text(t("export.agreement_hint"))
        self.query_one(AgreementList).focus()
        self.reload()

    @property
    def meeting(self):
        return self.meetings[self.meeting_index]

    # -------------------------------------------------------------- showing

    def reload(self, keep_note_id: int | None = None) -> None:
        """Read the meeting again and render every document: the preview always shows what would be written."""
        record = load_record(self.store, self.review_id, self.meeting.id, now=self.hfs_app.clock(), review_notes=True)
        self.record = record
        self.documents = render_documents(record, PREVIEWED)
        title = Text()
        title.append(f"{t('export.title')} · ", style="bold")
        title.append(plain(t("export.meeting", title=one_line(self.meeting.title)), style="bold"))
        title.append(f" ({t('export.meeting_hint')}) · ", style="hfs.muted")
        title.append(plain(one_line(self.review.title)))
        self.query_one("#export-title", Static).update(title)
        self.query_one(AgreementList).show_record(record, keep_note_id)
        self.show_preview()

    def show_preview(self) -> None:
        self.document_index = min(self.document_index, len(self.documents) - 1)
        _, title, markdown = self.documents[self.document_index]
        short = [t("export.minutes_short"), *(p.name for p in self.record.parties), t("export.network_short")]
        short.append(t("export.onepager_short"))
        preview = self.query_one(DocumentPreview)
        preview.border_title = plain(t("export.preview", title=one_line(title)))
        preview.show(short[: len(self.documents)], self.document_index, markdown)

    def action_preview(self, index: int) -> None:
        if index < len(self.documents):
            self.document_index = index
            self.show_preview()
            self.query_one("#preview-document").scroll_home(animate=False)

    def action_next_meeting(self) -> None:
        self.meeting_index = (self.meeting_index + 1) % len(self.meetings)
        self.query_one("#export-result").display = False
        self.reload()

    # ------------------------------------------------------ report agreement

    def selected_note(self):
        note_id = self.query_one(AgreementList).selected_note_id
        if note_id is None:
            self.notify(t("export.no_note_selected"), timeout=3, markup=False)
            return None
        return next(n for n in self.record.live_notes if n.id == note_id)

    def action_select_note(self, delta: int) -> None:
        self.query_one(AgreementList).action_move(delta)

    def action_toggle_report(self) -> None:
        """Out of the report also means out of the network: only agreed content may be shared."""
        note = self.selected_note()
        if note is not None:
            flags: dict[str, object] = {"in_report": not note.in_report}
            if note.in_report and note.share is Share.NETWORK:
                flags["share"] = Share.INTERNAL
            self._set_flags(note.id, **flags)

    def action_toggle_share(self) -> None:
        """Releasing a note to the network puts it in the report too, which the network summary requires."""
        note = self.selected_note()
        if note is not None:
            if note.share is Share.NETWORK:
                self._set_flags(note.id, share=Share.INTERNAL)
            else:
                self._set_flags(note.id, share=Share.NETWORK, in_report=True)

    def action_switch_owner(self) -> None:
        note = self.selected_note()
        if note is not None:
            other = next(p for p in self.record.parties if p.id != note.party_id)
            result = self.run_store(self.store.set_note_owner, note.id, other.id)
            if result is not None:
                _updated, withdrawn = result
                self.notify(owner_switched_text(other, withdrawn), timeout=4, markup=False)
                self.reload(keep_note_id=note.id)

    def action_toggle_party(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        party = next(p for p in self.record.parties if p.id == note.party_id)
        notes = [n for n in self.record.live_notes if n.party_id == party.id]
        agree = not all(n.in_report for n in notes)
        if not self.store_ok(self.store.set_party_in_report, self.meeting.id, party.id, agree):
            return
        message = "export.party_all_in" if agree else "export.party_all_out"
        self.notify(t(message, party=one_line(party.name)), timeout=3, markup=False)
        self.reload(keep_note_id=note.id)

    def _set_flags(self, note_id: int, **flags) -> None:
        if self.store_ok(self.store.set_note_flags, note_id, **flags):
            self.reload(keep_note_id=note_id)

    # --------------------------------------------------------------- writing

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_write()

    def action_write_word(self) -> None:
        """`W`: write the chosen documents with a Word (.docx) version of each beside the Markdown."""
        self.action_write(docx=True)

    def action_write_handover(self) -> None:
        """`H`: write the hand-over package (steps 2–3) of both parties, whatever boxes are ticked."""
        self.action_write(parts=["handover"])

    def action_write(self, docx: bool = False, parts: list[str] | None = None) -> None:
        """Write the chosen documents; a failure is one line and changes nothing on screen or on disk."""
        if parts is None:
            parts = [part for part in ALL_PARTS if self.query_one(f"#part-{part}", Checkbox).value]
        html = self.query_one("#part-html", Checkbox).value
        docx = docx or self.query_one("#part-docx", Checkbox).value
        folder_text = self.query_one("#export-folder", SafeInput).stored_value.strip()
        if not parts or not folder_text:
            self.notify(t("export.nothing_chosen" if not parts else "export.no_folder"), severity="error", markup=False)
            return
        folder = Path.cwd() / Path(folder_text).expanduser()
        try:
            paths = export(
                self.store,
                self.review_id,
                folder,
                parts,
                html=html,
                docx=docx,
                meeting_id=self.meeting.id,
                now=self.hfs_app.clock(),
            )
        except (StoreError, OSError, ValueError) as error:
            self.notify(t("export.failed", message=one_line(str(error))), severity="error", markup=False)
            return
        self.written_folder = str(folder)
        self.query_one("#export-folder", SafeInput).set_stored(
            self.written_folder
        )  # a relative folder, as the full path
        result = self.query_one("#export-result", Static)
        result.update(written_lines(paths))
        result.display = True
        self.notify(t("export.written", count=len(paths), folder=one_line(str(folder))), markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        """The line under the folder names files written to it: another folder hides it."""
        if (
            event.input.id == "export-folder"
            and self.query_one("#export-folder", SafeInput).stored_value != self.written_folder
        ):
            self.query_one("#export-result").display = False

    # ---------------------------------------------------------------- misc

    def action_back(self) -> None:
        if self.focused is self.query_one("#export-folder", Input):
            self.query_one(AgreementList).focus()
        else:
            self.app.pop_screen()
