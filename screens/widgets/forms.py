"""Reusable form dialogs: one line of text, a multi-line text, a choice, and the new-review form.

A dialog that saves takes a `save` callback and calls it itself: when the store (or a parse rule)
refuses the value with a StoreError or ValueError, the dialog stays open with the message under the
field, so nothing typed is lost. Each dialog returns its result with `dismiss` (None when cancelled).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from hfs_tui.i18n import language, t
from hfs_tui.model import Review
from hfs_tui.safe_text import plain
from hfs_tui.store import StoreError
from hfs_tui.templates import TEMPLATES, template_name

from .dialogs import ConfirmDialog
from .editors import SafeInput, SafeTextArea

T = TypeVar("T")
Save = Callable[[str], Any]


def form_row(label: str, field: Widget) -> ComposeResult:
    """A label and its one-line field side by side: a form that fits an 80x24 terminal."""
    with Horizontal(classes="form-row"):
        yield Label(Text(label), classes="form-label")
        yield field


class FormDialog(ModalScreen[T]):
    """The frame every form shares: a title, the fields, an error line and a hint line."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.form_title = title
        self.form_hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="form"):
            yield Label(plain(self.form_title), classes="form-title")
            yield from self.compose_fields()
            yield Static(id="form-error")
            yield Static(Text(self.form_hint), classes="form-hint")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        # An older notification (an error of the last attempt) would cover the form: the form says its own.
        self.app.clear_notifications()

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(plain(message))
        error.display = True

    def attempt(self, save: Callable[..., Any], *args: Any) -> bool:
        """Run a save; on a refusal show why and return False (the dialog stays open, the text stays)."""
        try:
            save(*args)
        except (StoreError, ValueError) as error:
            self.show_error(str(error))
            return False
        return True

    @property
    def is_changed(self) -> bool:
        """Whether esc would throw typed text away (then it asks first); a form with long fields says."""
        return False

    def action_cancel(self) -> None:
        if not self.is_changed:
            self.dismiss(None)
        else:
            self.app.push_screen(ConfirmDialog(t("forms.discard")), self._discard_confirmed)

    def _discard_confirmed(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)


class TextPrompt(FormDialog[str | None]):
    """One line of text; `enter` (or ctrl+s, as in every editor) saves (through `save` when given) and
    returns it, `escape` cancels."""

    BINDINGS = [Binding("ctrl+s", "save", show=False), Binding("escape", "cancel", show=False)]

    def __init__(
        self, title: str, initial: str = "", *, save: Save | None = None, placeholder: str = "", hint: str = ""
    ) -> None:
        super().__init__(title, hint or t("forms.save_hint"))
        self.initial = initial
        self.save = save
        self.placeholder = placeholder

    def compose_fields(self) -> ComposeResult:
        yield SafeInput(self.initial, placeholder=self.placeholder, select_on_focus=False, id="prompt-line")

    def on_mount(self) -> None:
        super().on_mount()
        line = self.query_one("#prompt-line", Input)
        line.focus()
        line.cursor_position = len(line.value)

    @on(Input.Submitted, "#prompt-line")
    def submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        value = self.query_one("#prompt-line", SafeInput).stored_value
        if self.save is None or self.attempt(self.save, value):
            self.dismiss(value)


class TextAreaPrompt(FormDialog[str | None]):
    """Several lines of text; `ctrl+s` saves, `escape` cancels (and asks first when the text was changed)."""

    BINDINGS = [Binding("ctrl+s", "save", show=False), Binding("escape", "cancel", show=False)]

    def __init__(
        self, title: str, initial: str = "", *, save: Save | None = None, hint: str = "", line_numbers: bool = False
    ) -> None:
        super().__init__(title, hint + (" · " if hint else "") + t("forms.area_hint"))
        self.initial = initial
        self.save = save
        self.line_numbers = line_numbers

    def compose_fields(self) -> ComposeResult:
        yield SafeTextArea(
            self.initial, soft_wrap=True, tab_behavior="focus", show_line_numbers=self.line_numbers, id="prompt-area"
        )

    def on_mount(self) -> None:
        super().on_mount()
        area = self.query_one("#prompt-area", SafeTextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one("#prompt-area", SafeTextArea).stored_text
        if self.save is None or self.attempt(self.save, text):
            self.dismiss(text)

    @property
    def is_changed(self) -> bool:
        return self.query_one("#prompt-area", SafeTextArea).is_changed


class ChoicePrompt(FormDialog[str | None]):
    """One of a few values, chosen with ↑↓ and `enter` (or ctrl+s, as in every editor); returns it."""

    BINDINGS = [Binding("ctrl+s", "save", show=False), Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], current: str | None = None) -> None:
        super().__init__(title, t("forms.save_hint"))
        self.choices = choices
        self.current = current

    def compose_fields(self) -> ComposeResult:
        yield OptionList(*(Option(Text(label), id=value) for value, label in self.choices), id="prompt-choices")

    def on_mount(self) -> None:
        super().on_mount()
        choices = self.query_one("#prompt-choices", OptionList)
        values = [value for value, _ in self.choices]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    @on(OptionList.OptionSelected, "#prompt-choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_save(self) -> None:
        option = self.query_one("#prompt-choices", OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)


CreateReview = Callable[[str, str, str, str], Review]  # (template, party A, party B, title) -> the new review


class NewReviewForm(FormDialog[Review | None]):
    """Template, the two parties and an optional title; creates the review through `create` and returns it.

    `enter` moves to the next field and creates the review from the last one; `ctrl+s` creates from anywhere.
    """

    BINDINGS = [Binding("ctrl+s", "create", show=False), Binding("escape", "cancel", show=False)]
    FIELDS = ("#new-template", "#new-party-a", "#new-party-b", "#new-title")

    def __init__(self, create: CreateReview) -> None:
        super().__init__(t("forms.new_review"), t("forms.new_review_hint"))
        self.create = create

    def compose_fields(self) -> ComposeResult:
        yield Label(Text(t("forms.template")), classes="form-label")
        options = []
        for template in TEMPLATES.values():
            count = len(template.questions)
            key = "forms.template_questions" if count else "forms.template_blank"
            name = template_name(template.key, language())  # in the app's language
            options.append(Option(Text(t(key, name=name, count=count)), id=template.key))
        yield OptionList(*options, id="new-template")
        for field_id, label in (
            ("new-party-a", "forms.party_a"),
            ("new-party-b", "forms.party_b"),
            ("new-title", "forms.title"),
        ):
            yield from form_row(t(label), SafeInput(id=field_id, select_on_focus=False))

    def on_mount(self) -> None:
        super().on_mount()
        templates = self.query_one("#new-template", OptionList)
        templates.highlighted = 0
        templates.focus()
        self.show_examples()

    @property
    def template_key(self) -> str:
        templates = self.query_one("#new-template", OptionList)
        option = templates.highlighted_option
        return (option.id if option else None) or "blank"

    @on(OptionList.OptionHighlighted, "#new-template")
    def show_examples(self) -> None:
        example = t(f"forms.example.{self.template_key}")
        for field_id in ("#new-party-a", "#new-party-b"):
            self.query_one(field_id, Input).placeholder = example

    @on(Input.Changed, "#new-party-a, #new-party-b")
    def show_default_title(self) -> None:
        self.query_one("#new-title", Input).placeholder = self.default_title()

    def default_title(self) -> str:
        a, b = (self.query_one(field_id, Input).value.strip() for field_id in ("#new-party-a", "#new-party-b"))
        return t("forms.title_default", a=a or "…", b=b or "…")

    @on(OptionList.OptionSelected, "#new-template")
    @on(Input.Submitted)
    def next_field(self, event: OptionList.OptionSelected | Input.Submitted) -> None:
        index = self.FIELDS.index(f"#{event.control.id}")
        if index + 1 < len(self.FIELDS):
            self.query_one(self.FIELDS[index + 1]).focus()
        else:
            self.action_create()

    def action_create(self) -> None:
        a, b, title = (
            self.query_one(f, SafeInput).stored_value for f in ("#new-party-a", "#new-party-b", "#new-title")
        )
        created: list[Review] = []
        if self.attempt(lambda: created.append(self.create(self.template_key, a, b, title or self.default_title()))):
            self.dismiss(created[0])
        else:
            first_empty = next((f for f, v in (("#new-party-a", a), ("#new-party-b", b)) if not v.strip()), None)
            self.query_one(first_empty or "#new-party-b").focus()
