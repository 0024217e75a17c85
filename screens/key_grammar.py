"""The key grammar: what each key's action means, so that one key means one thing on every screen.

Screen actions that do the same thing to what they act on share a meaning (`edit_cell`, `edit_note` and
`rename` all edit the selected thing). tests/test_key_grammar.py reads every table of screens/keys.py and
checks that each key has one meaning everywhere. The grammar in words is in CONTRIBUTING.md ("Keys").
"""

from __future__ import annotations

MEANINGS = {
    "help": "help",
    "app.quit": "quit",
    "app.command_palette": "palette",
    "app.cycle_theme": "theme",
    "app.focus_next": "next area",
    "app.focus_previous": "previous area",
    "screen.copy_text": "copy",
    "leave": "back",
    "back": "back",
    "screen.leave": "back",  # the capture line: esc goes back to browsing the notes
    "export": "export",
    "write": "write the documents",  # ctrl+s saves: on the export screen it writes the files
    # the selected thing
    "open_review": "open or edit the selected",
    "edit": "open or edit the selected",
    "edit_item": "open or edit the selected",
    "edit_cell": "open or edit the selected",
    "edit_answer": "open or edit the selected",
    "edit_note": "open or edit the selected",
    "edit_selected": "open or edit the selected",
    "rename": "open or edit the selected",
    "delete": "delete the selected",
    "delete_note": "delete the selected",
    "delete_item": "delete the selected",
    "delete_action": "delete the selected",
    "remove": "delete the selected",
    "undo": "undo a delete or an edit",
    "deleted": "undo a delete or an edit",  # home: the deleted reviews, to restore one
    "new_review": "new",
    "new_action": "new",
    "add": "new",
    "toggle_report": "in the report",
    "toggle_share": "released to the network",
    "toggle_party": "in the report, the whole party",
    "switch_owner": "to the other party",  # a note's owner in meetings and export
    "move_party": "to the other party",  # setup: a member to the other team
    "toggle_sign": "cycle the state",
    "cycle_status": "cycle the state",
    "select_note": "move the selection",
    "move": "move the selected",
    # meetings
    "toggle_timer": "timer",
    "next_slot": "next slot",
    "previous_slot": "previous slot",
    "next_question": "next question",
    "previous_question": "previous question",
    "capture": "write a note",
    "add_assessment": "write a note",  # + and − assessments are the review's notes
    "retry_notes": "retry",
    "toggle_presenter": "presenter view",
    "toggle_hide_internal": "hide internal notes",
    "toggle_notes_room": "the notes take the body",
    "toggle_only_slot": "this slot's notes only",
    "focus_note": "the selected note in focus for everyone",
    "end_meeting": "end the meeting",
    "search": "search",
    "released_elsewhere": "what other reviews released",
    "meeting": "the meeting",
    "next_meeting": "the meeting",
    "next_tab": "next or previous tab",
    "toggle": "tick the selected",
    # one screen's own
    "actions": "the action plan",
    "adopt": "adopt a proposal",
    "adopt_all": "adopt every proposal",
    "toggle_improvements": "improvement areas as proposals",
    "import_file": "import a file",
    "add_document": "new document",
    "write_word": "write Word too",
    "write_handover": "write the hand-over package",
}


def meaning(key: str, action: str) -> str:
    """What `key` doing `action` means in the grammar: MEANINGS by the action's name (arguments left out).

    A digit picks what the screen numbers (a step on home, a party, a tab, a preview, a status).
    """
    if key.isdigit():
        return "pick by number"
    name = action.split("(")[0]
    return MEANINGS.get(action, MEANINGS.get(name, name))
