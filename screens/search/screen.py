"""Search: type, see ranked hits with the matched words highlighted, `enter` opens the hit.

User text reaches the screen only as Rich Text built from `safe_text.plain`/`one_line` pieces (never
markup). The snippet's match markers become styled spans (bold + reverse, so not only a colour).

Perspective: `SearchScreen()` searches the facilitator's whole database; `SearchScreen(for_review_id=X)`
(from a meeting, on a shared screen) shows everything of review X but from other reviews only what the
owners released to the network and is in the report; `ctrl+n` narrows to the network for both.
`enter` opens the hit's review in its feedback meeting at the hit's question when `open_hits` is true and
that is possible; otherwise the screen is dismissed with the hit for the caller to act on.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from hfs_tui.i18n import t
from hfs_tui.model import MeetingKind
from hfs_tui.safe_text import one_line, strip_controls
from hfs_tui.store.search import SearchHit

from ..base import HfsScreen
from ..keys import KeyAction, bindings

DEBOUNCE_SECONDS = 0.15
SEARCH_KEYS = (
    KeyAction("escape", "close", "search.key.close", key_display="esc"),
    KeyAction("ctrl+n", "toggle_network", "search.key.network", key_display="ctrl+n"),
    KeyAction("down", "focus_hits", "search.key.results", show=False, key_display="↓"),
)
HIGHLIGHT = "bold reverse"


def hit_prompt(hit: SearchHit, width: int = 100) -> Text:
    """Two lines: kind · party · question · review, then the snippet with highlighted matches."""
    kind = t(f"network.kind.{hit.kind}")
    if hit.category and hit.kind in ("note", "assessment"):
        kind += f" · {t(f'category.{hit.category}')}"
    question = (
        t("search.question", number=hit.question_number) + " " + one_line(hit.question_text or "", 40)
        if hit.question_number is not None
        else t("search.no_question")
    )
    head = Text()  # most telling first: a narrow screen cuts the end
    head.append(kind, style="italic")
    head.append(" · ")
    head.append(one_line(hit.party_name, 40), style="bold")
    head.append(f" · {question} · ")
    head.append(one_line(hit.review_title, 60))
    head.truncate(width, overflow="ellipsis")
    body = Text("  ")
    for piece, marked in hit.snippet_parts():
        flat = one_line(piece)
        if piece[:1].isspace() and flat:
            flat = " " + flat
        if piece[-1:].isspace() and flat:
            flat += " "
        body.append(flat, style=HIGHLIGHT if marked else "")
    body.truncate(width, overflow="ellipsis")
    return Text("\n").join([head, body])


class SearchScreen(HfsScreen[SearchHit | None]):
    DEFAULT_CSS = """
    SearchScreen #search-box { height: 1fr; padding: 0 1; }
    SearchScreen #search-title { text-style: bold; }
    SearchScreen #search-hits { height: 1fr; }
    SearchScreen #search-status { color: $text; }
    """
    KEY_ACTIONS = SEARCH_KEYS
    HELP_TITLE = "search.title"
    BINDINGS = bindings(SEARCH_KEYS)

    def __init__(self, for_review_id: int | None = None, open_hits: bool = True, query: str = "") -> None:
        super().__init__()
        self.for_review_id = for_review_id
        self.open_hits = open_hits
        self.network_only = False
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static(Text(t("search.title")), id="search-title")
            yield Input(
                value=strip_controls(self.initial_query, single_line=True),
                placeholder=t("search.placeholder"),
                id="search-input",
            )
            yield Static(Text(self._scope_text()), id="search-scope")
            yield Static(Text(""), id="search-status")
            yield OptionList(id="search-hits")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self.initial_query:
            self.run_search()

    def _scope_text(self) -> str:
        if self.network_only:
            return t("search.scope.network")
        return t("search.scope.review" if self.for_review_id is not None else "search.scope.all")

    # ----------------------------------------------------------------- searching

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.run_search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_search()
        if self.hits:
            self.action_focus_hits()

    def run_search(self) -> None:
        if self._timer is not None:  # Enter before the debounce ran: the pending search would reset the list
            self._timer.stop()
            self._timer = None
        text = self.query_one("#search-input", Input).value
        # A failing read is one line from the app-wide hook (base.HfsScreen); the old hits stay.
        self.hits = self.store.search(text, for_review_id=self.for_review_id, network_only=self.network_only)
        hits = self.query_one("#search-hits", OptionList)
        hits.clear_options()
        # The prompts are cut to the list's width less a scrollbar's: a line that wrapped after the
        # scrollbar appeared would push the snippet out of the option's measured height.
        room = hits.content_region.width or self.size.width - 6
        width = max(20, room - hits.styles.scrollbar_size_vertical - 1)
        hits.add_options([Option(hit_prompt(hit, width), id=str(index)) for index, hit in enumerate(self.hits)])
        if not text.split():
            status = t("search.empty")
        elif not self.hits:
            status = t("search.none")
        elif len(self.hits) == 1:
            status = t("search.one_hit")
        else:
            status = t("search.hits", count=len(self.hits))
        self.query_one("#search-status", Static).update(Text(status))

    # ----------------------------------------------------------------- actions

    def action_focus_hits(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        if self.hits:
            hits.focus()
            if hits.highlighted is None:
                hits.highlighted = 0

    def action_toggle_network(self) -> None:
        self.network_only = not self.network_only
        self.query_one("#search-scope", Static).update(Text(self._scope_text()))
        self.run_search()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        if self.open_hits and self._open_in_meeting(hit):
            return
        self.dismiss(hit)

    def _open_in_meeting(self, hit: SearchHit) -> bool:
        """Open the review's feedback meeting at the hit's question; False when that is not possible.

        A failing read is one line from the app-wide hook (this screen stays); a refused write too.
        """
        from ..meeting import MeetingScreen

        if hit.question_id is None:
            return False
        store = self.store
        meeting = store.meeting_of_kind(hit.review_id, MeetingKind.FEEDBACK)
        if not any(q.id == hit.question_id for q in store.questions(hit.review_id, selected_only=True)):
            return False
        if self.store_ok(store.set_meeting_position, meeting.id, meeting.current_slot_id, hit.question_id):
            self.app.switch_screen(MeetingScreen(meeting.id))
        return True
