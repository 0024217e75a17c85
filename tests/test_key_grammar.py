"""One key grammar: a key means the same thing on every screen (screens/keys.py is the one key table).

Each key of every table is mapped to its meaning (key_grammar.MEANINGS); a key with two meanings on two screens
fails, unless it is on the allow-list below with the reason it cannot be helped.
"""

from __future__ import annotations

from collections import defaultdict

from hfs_tui.screens import key_grammar, keys

TABLES = {
    name.removesuffix("_KEYS").lower(): value
    for name, value in vars(keys).items()
    if name.endswith("_KEYS") and isinstance(value, tuple)
}

# key -> the meanings it may have, and why.
ALLOWED = {
    # ⏎ opens or edits the selected row on the list screens; on the meeting screens nothing is a list to
    # open and ⏎ starts a plain note, the one thing a facilitator does most (the follow-up as the meeting).
    "enter": {"open or edit the selected", "write a note"},
    # space ticks a checkbox (a question in setup), as in every form; on the meeting screens it runs the timer.
    # Setup has no timer.
    "space": {"tick the selected", "timer"},
    # n is "new" everywhere but the feedback meeting, whose key table (and n/p for next/previous question,
    # its main move) belongs to the meeting screen; the meeting adds no record with a key.
    "n": {"new", "next question"},
}


def key_meanings() -> dict[str, dict[str, set[str]]]:
    """key -> meaning -> the screens where the key has it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for screen, table in TABLES.items():
        for key_action in table:
            for key in key_action.key.split(","):
                found[key.strip()][key_grammar.meaning(key.strip(), key_action.action)].add(screen)
    return found


def test_every_screen_table_is_read():
    assert {"app", "home", "meeting", "setup", "answers", "actions", "follow_up", "export"} <= set(TABLES)


def test_a_key_means_the_same_thing_on_every_screen():
    clashes = {
        key: {m: sorted(screens) for m, screens in meanings.items()}
        for key, meanings in key_meanings().items()
        if len(meanings) > 1 and not set(meanings) <= ALLOWED.get(key, set())
    }
    assert not clashes, f"keys with two meanings: {clashes}"


def test_every_action_has_a_meaning_in_the_grammar():
    unnamed = sorted(
        {
            key_action.action
            for table in TABLES.values()
            for key_action in table
            if not key_action.key.isdigit()
            and key_action.action.split("(")[0] not in key_grammar.MEANINGS
            and key_action.action not in key_grammar.MEANINGS
        }
    )
    assert not unnamed, f"actions without a meaning in key_grammar.MEANINGS: {unnamed}"


def test_the_allow_list_is_still_needed():
    found = key_meanings()
    stale = [key for key in ALLOWED if len(found.get(key, {})) < 2]
    assert not stale, f"allow-list entries no longer needed: {stale}"


def test_a_screen_binds_a_key_once():
    for screen, table in TABLES.items():
        seen: dict[str, str] = {}
        for key_action in table:
            for key in key_action.key.split(","):
                assert key not in seen or seen[key] == key_action.action, f"{screen}: {key} bound twice"
                seen[key] = key_action.action


def test_the_same_action_has_the_same_key_on_every_screen():
    """The other half of the grammar: what a facilitator learned on one screen works on the next."""
    for action in ("toggle_report", "toggle_share", "switch_owner", "undo", "capture('note')", "toggle_timer"):
        bound = {ka.key for table in TABLES.values() for ka in table if ka.action == action}
        assert len(bound) == 1, f"{action} has the keys {bound}"
