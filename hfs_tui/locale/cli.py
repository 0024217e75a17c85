"""Strings of the `hfs-tui` command line: help texts and what the commands print."""

from . import Text

STRINGS: dict[str, tuple[Text, Text]] = {
    "cli.description": (
        "Kollegialt lärande i HFS-nätverket: frågor, svar, granskning, återkopplingsmöte och rapport.",
        "Collegial learning in the HFS network: questions, answers, review, feedback meeting and report.",
    ),
    "cli.commands": ("kommandon", "commands"),
    "cli.command": ("KOMMANDO", "COMMAND"),
    "cli.name": ("NAMN", "NAME"),
    "cli.parts": ("DELAR", "PARTS"),
    "cli.db": ("databasfil (annars ${env} eller {path})", "database file (else ${env} or {path})"),
    "cli.version": ("visa programmets version och avsluta", "show the program's version and exit"),
    "cli.lang": (
        "språk: sv (standard) eller en; gäller även mallar och export",
        "language: sv (default) or en; also for templates and exports",
    ),
    "cli.no_bell": ("ingen ljudsignal vid tidsvarningar", "no sound at the timer warnings"),
    "cli.theme": (
        "färgtema, t.ex. hfs-contrast-dark eller hfs-contrast-light (hög kontrast för skärmdelning)",
        "colour theme, e.g. hfs-contrast-dark or hfs-contrast-light (high contrast for screen sharing)",
    ),
    "cli.demo": (
        "öppna exempelgranskningen (egen demodatabas om inte --db anges)",
        "open the sample review (its own demo database unless --db is given)",
    ),
    "cli.sample": ("vilket exempel (standard: region)", "which sample (default: region)"),
    "cli.new": (
        "skapa en ny granskning från en mall och skriv ut dess id",
        "create a new review from a template and print its id",
    ),
    "cli.template": ("frågemall", "question template"),
    "cli.party_a": ("part A, t.ex. Region Nordmark", "party A, e.g. Region Nordmark"),
    "cli.party_b": ("part B", "party B"),
    "cli.title": ("granskningens titel", "the review's title"),
    "cli.import_answers": ("läs in en parts svar från en Markdown-fil", "read a party's answers from a Markdown file"),
    "cli.import_assessments": (
        "läs in bedömningar (+/−) av en parts svar från en Markdown-fil",
        "read assessments (+/−) of a party's answers from a Markdown file",
    ),
    "cli.review": ("granskningens id eller titel", "the review's id or title"),
    "cli.party_assessed": (
        "a, b eller partens namn (vid bedömningar: den bedömda parten)",
        "a, b or the party's name (for assessments: the party assessed)",
    ),
    "cli.file": ("Markdown-fil i UTF-8", "Markdown file in UTF-8"),
    "cli.import_sample": ("lägg in en exempelgranskning och skriv ut dess id", "add a sample review and print its id"),
    "cli.list": (
        "lista granskningarna (id, titel, parter, mall, skapad)",
        "list the reviews (id, title, parties, template, created)",
    ),
    "cli.answer_template": (
        "skriv den tomma svarsfilen som en part fyller i",
        "write the empty answer file a party fills in",
    ),
    "cli.party": ("a, b eller partens namn", "a, b or the party's name"),
    "cli.out_file": ("skriv till filen i stället för standard ut", "write to the file instead of standard output"),
    "cli.export": (
        "skriv protokoll, partsrapporter och nätverkssammanfattning som Markdown",
        "write minutes, party reports and network summary as Markdown",
    ),
    "cli.meeting": ("mötets id (standard: återkopplingsmötet)", "the meeting's id (default: the feedback meeting)"),
    "cli.out_dir": (
        "mapp att skriva till (standard: inställningen export_dir eller hfs-export/<datum>-<granskning>)",
        "folder to write to (default: the export_dir setting or hfs-export/<date>-<review>)",
    ),
    "cli.what": (
        "kommaseparerat: minutes, reports, network, onepager, handover (standard: de tre första)",
        "comma-separated: minutes, reports, network, onepager, handover (default: the first three)",
    ),
    "cli.html": ("skriv även en HTML-version av varje dokument", "also write an HTML version of each document"),
    "cli.answers_read": (
        ("{count} svar från {party} inläst", "{count} svar från {party} inlästa"),
        ("{count} answer from {party} read", "{count} answers from {party} read"),
    ),
    "cli.assessments_read": (
        (
            "{count} bedömning av {party} (gjord av {reviewer}) inläst",
            "{count} bedömningar av {party} (gjorda av {reviewer}) inlästa",
        ),
        (
            "{count} assessment of {party} (made by {reviewer}) read",
            "{count} assessments of {party} (made by {reviewer}) read",
        ),
    ),
    "cli.list_empty": ("inga granskningar i {path}", "no reviews in {path}"),
    "cli.docx": (
        "skriv en Word-mall (.docx) i stället för Markdown (kräver --out)",
        "write a Word template (.docx) instead of Markdown (needs --out)",
    ),
    "cli.docx_needs_out": ("--docx behöver --out FIL", "--docx needs --out FILE"),
    "cli.error.out_is_folder": ("{path}: är en mapp; ange ett filnamn", "{path}: is a folder; give a file name"),
    "cli.error.write": ("{path}: kunde inte skriva ({reason})", "{path}: could not write ({reason})"),
    "cli.error.no_database": (
        "{path}: databasen finns inte (ange --db eller skapa en granskning med `hfs-tui new`)",
        "{path}: the database does not exist (give --db or create a review with `hfs-tui new`)",
    ),
    "cli.crash": (
        "ett oväntat fel ({kind}); en felrapport finns i {path}",
        "an unexpected error ({kind}); a crash report is in {path}",
    ),
    "cli.crash_unwritten": (
        "ett oväntat fel ({kind}); felrapporten kunde inte sparas ({reason}), här är den:",
        "an unexpected error ({kind}); the crash report could not be saved ({reason}), here it is:",
    ),
    "cli.error.not_utf8": (
        "{option}: texten är inte giltig UTF-8 (kontrollera terminalens teckenkodning)",
        "{option}: the text is not valid UTF-8 (check the terminal's character encoding)",
    ),
}
