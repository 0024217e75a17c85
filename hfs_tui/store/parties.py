"""The two parties of a review and their members (the teams)."""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from ..i18n import t
from ..model import Member, Party
from . import rows
from .connection import StoreBase


class PartiesMixin(StoreBase):
    def parties(self, review_id: int) -> list[Party]:
        return [
            rows.party(r) for r in self.db.query("SELECT * FROM parties WHERE review_id = ? ORDER BY key", [review_id])
        ]

    def party(self, party_id: int) -> Party:
        row = self._one("SELECT * FROM parties WHERE id = ?", [party_id])
        if row is None:
            raise StoreError(t("error.party_missing", id=party_id))
        return rows.party(row)

    def find_party(self, review_id: int, ref: str) -> Party:
        """A party by key (`a`/`b`) or by name, case-insensitively."""
        wanted = ref.strip().casefold()
        for party in self.parties(review_id):
            if wanted in (party.key, party.name.casefold()):
                return party
        names = ", ".join(f"{p.key} = {p.name}" for p in self.parties(review_id))
        raise StoreError(t("error.party_unknown", ref=repr(ref), names=names))

    def update_party(self, party_id: int, **fields: Any) -> Party:
        allowed = {"name", "kind", "hours_estimate", "adjuster"}
        if set(fields) - allowed:
            raise ValueError(f"not party fields: {sorted(set(fields) - allowed)}")
        if "name" in fields and not str(fields["name"]).strip():
            raise StoreError(t("error.party_needs_name"))
        with self.transaction():
            self.db.table("parties").update(party_id, fields)
        return self.party(party_id)

    def rename_party(self, party_id: int, name: str) -> Party:
        """Rename a party and, in the same transaction, its meeting slots ("Återkoppling till …") that carry the name."""
        name = name.strip()
        if not name:
            raise StoreError(t("error.party_needs_name"))
        party = self.party(party_id)
        if any(p.name.casefold() == name.casefold() for p in self.parties(party.review_id) if p.id != party_id):
            raise StoreError(t("error.parties_same_name"))
        with self.transaction():
            self.db.table("parties").update(party_id, {"name": name})
            self.db.execute(
                "UPDATE slots SET title = replace(title, ?, ?) WHERE party_id = ?", [party.name, name, party_id]
            )
        return self.party(party_id)

    def members(self, party_id: int) -> list[Member]:
        return [
            rows.member(r) for r in self.db.query("SELECT * FROM members WHERE party_id = ? ORDER BY id", [party_id])
        ]

    def member(self, member_id: int) -> Member:
        row = self._one("SELECT * FROM members WHERE id = ?", [member_id])
        if row is None:
            raise StoreError(t("error.member_missing", id=member_id))
        return rows.member(row)

    def add_member(self, party_id: int, name: str, role: str = "") -> Member:
        if not name.strip():
            raise StoreError(t("error.member_needs_name"))
        with self.transaction():
            member_id = self._insert("members", {"party_id": party_id, "name": name.strip(), "role": role})
        return Member(member_id, party_id, name.strip(), role)

    def update_member(self, member_id: int, name: str, role: str) -> None:
        if not name.strip():
            raise StoreError(t("error.member_needs_name"))
        with self.transaction():
            self.db.table("members").update(member_id, {"name": name.strip(), "role": role.strip()})

    def move_member(self, member_id: int, party_id: int) -> Member:
        """Move a team member to another party of the same review (their attendance rows stay theirs)."""
        with self.transaction():
            member = self.member(member_id)
            if self.party(member.party_id).review_id != self.party(party_id).review_id:
                raise StoreError(t("error.member_not_in_review", id=member_id))
            self.db.table("members").update(member_id, {"party_id": party_id})
        return self.member(member_id)

    def remove_member(self, member_id: int) -> None:
        with self.transaction():
            self.db.table("members").delete(member_id)
