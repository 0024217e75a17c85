"""Strings of the export screen: the report agreement, the preview and writing the files."""

from . import Text

STRINGS: dict[str, tuple[Text, Text]] = {
    "export.title": ("Export", "Export"),
    "export.meeting": ("Möte: {title}", "Meeting: {title}"),
    "export.meeting_hint": ("m byter", "m changes"),
    "export.part.minutes": ("Protokoll", "Minutes"),
    "export.part.reports": ("Partsrapporter", "Party reports"),
    "export.part.network": ("Nätverkssammanfattning", "Network summary"),
    "export.part.html": ("Även HTML", "HTML too"),
    "export.folder": ("Mapp:", "Folder:"),
    "export.agreement": ("Vad ska med i rapporten?", "What goes into the report?"),
    "export.agreement_hint": ("o ägare · a hela parten", "o owner · a whole party"),
    "export.party_summary": (
        "{party} · {in_report} av {count} i rapporten · {shared} i nätverket",
        "{party} · {in_report} of {count} in the report · {shared} shared",
    ),
    "export.no_notes": (
        "Mötet har inga anteckningar ännu. Dokumenten visar ändå deltagare, dagordning och frågor.",
        "The meeting has no notes yet. The documents still show participants, agenda and questions.",
    ),
    "export.in_report": ("✓ I rapporten", "✓ In the report"),
    "export.not_in_report": ("· Ej i rapporten", "· Not in the report"),
    "export.network": ("● Delas i nätverket", "● Shared with the network"),
    "export.internal": ("○ Intern", "○ Internal"),
    "export.question": ("fråga {number}", "question {number}"),
    "export.general": ("allmänt", "general"),
    "export.preview": ("Förhandsvisning: {title}", "Preview: {title}"),
    "export.network_short": ("Nätverk", "Network"),
    "export.minutes_short": ("Protokoll", "Minutes"),
    "export.written": (
        ("{count} fil skriven till {folder}", "{count} filer skrivna till {folder}"),
        ("{count} file written to {folder}", "{count} files written to {folder}"),
    ),
    "export.written_files": ("✓ Skrivet i mappen ovan: {files}", "✓ Written in the folder above: {files}"),
    "export.nothing_chosen": ("Välj minst ett dokument att skriva.", "Choose at least one document to write."),
    "export.no_folder": ("Ange en mapp att skriva till.", "Enter a folder to write to."),
    "export.failed": ("Exporten misslyckades: {message}", "Export failed: {message}"),
    "export.flag_failed": ("Kunde inte ändra anteckningen: {message}", "Could not change the note: {message}"),
    "export.no_note_selected": ("Ingen anteckning är vald.", "No note is selected."),
    "export.party_all_in": (
        "Alla anteckningar om {party} är nu i rapporten.",
        "All notes about {party} are now in the report.",
    ),
    "export.party_all_out": (
        "Anteckningarna om {party} är tagna ur rapporten (och delas inte).",
        "The notes about {party} are taken out of the report (and not shared).",
    ),
    "export.key.report": ("I rapport", "In report"),
    "export.key.share": ("Nätverk", "Network"),
    "export.key.owner": ("Byt ägare", "Switch owner"),
    "export.key.party_report": (
        "Hela partens anteckningar i/ur rapporten",
        "All of the party's notes in/out of report",
    ),
    "export.key.previous_note": ("Föregående anteckning", "Previous note"),
    "export.key.next_note": ("Nästa anteckning", "Next note"),
    "export.key.preview_minutes": ("Visa protokollet", "Show the minutes"),
    "export.key.preview_report_a": ("Visa första partens rapport", "Show the first party's report"),
    "export.key.preview_report_b": ("Visa andra partens rapport", "Show the second party's report"),
    "export.key.preview_network": ("Visa nätverkssammanfattningen", "Show the network summary"),
    "export.key.meeting": ("Byt möte", "Change meeting"),
    "export.key.write": ("Skriv", "Write"),
    "export.key.next_area": ("Nästa område", "Next area"),
    "export.key.previous_area": ("Föregående område", "Previous area"),
    "export.key.back": ("Tillbaka", "Back"),
    # the result of an export (CLI lines)
    "export.result.new": ("ny: {path}", "new: {path}"),
    "export.result.replaced": ("ersatte: {path}", "replaced: {path}"),
    "export.result.left_over": (
        "kvar sedan tidigare (inte skrivna nu): {names}",
        "left from an earlier export (not written now): {names}",
    ),
    # `hfs-tui export` options
    "export.cli.meeting": (
        "mötets id eller typ: intro, feedback, follow-up (standard: feedback)",
        "the meeting's id or kind: intro, feedback, follow-up (default: feedback)",
    ),
    "export.cli.docx": (
        "skriv även en Word-version (.docx) av varje dokument",
        "also write a Word version (.docx) of each document",
    ),
    "export.cli.out": (
        "mapp att skriva till (standard: dokumentmappen/hfs-tui/<granskning>)",
        "folder to write to (default: your documents folder/hfs-tui/<review>)",
    ),
    "export.cli.bad_meeting": (
        "okänt möte {value} (ange ett id eller intro, feedback, follow-up)",
        "unknown meeting {value} (give an id or intro, feedback, follow-up)",
    ),
}
