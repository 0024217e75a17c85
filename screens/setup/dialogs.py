"""The team-member form of the setup: a name and a role, picked by number from the instructions' roles or typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from hfs_tui.i18n import t
from hfs_tui.setup_rules import ROLES, resolve_role

from ..widgets.editors import SafeInput
from ..widgets.forms import FormDialog, form_row

SaveMember = Callable[[str, str], Any]  # (name, role); raises StoreError when refused


class MemberForm(FormDialog[bool | None]):
    """`enter` in the name goes to the role, `enter` in the role saves; `1`–`5` stand for the listed roles."""

    def __init__(self, title: str, save: SaveMember, name: str = "", role: str = "") -> None:
        super().__init__(title, t("forms.save_hint"))
        self.save = save
        self.initial = (name, role)

    def compose_fields(self) -> ComposeResult:
        name, role = self.initial
        yield from form_row(t("forms.member_name"), SafeInput(name, id="member-name", select_on_focus=False))
        suggester = SuggestFromList(ROLES, case_sensitive=False)
        yield from form_row(
            t("forms.member_role"), SafeInput(role, id="member-role", select_on_focus=False, suggester=suggester)
        )
        roles = " · ".join(f"{number} {role}" for number, role in enumerate(ROLES, start=1))
        yield Static(Text(t("forms.member_roles_hint", roles=roles)), classes="form-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#member-name", Input).focus()

    @on(Input.Submitted, "#member-name")
    def to_role(self) -> None:
        self.query_one("#member-role", Input).focus()

    @on(Input.Submitted, "#member-role")
    def submit(self) -> None:
        name = self.query_one("#member-name", SafeInput).stored_value
        role = resolve_role(self.query_one("#member-role", SafeInput).stored_value)
        if self.attempt(self.save, name, role):
            self.dismiss(True)
        elif not name.strip():
            self.query_one("#member-name", Input).focus()
