"""Strings of the answers and review screen (steps 2 and 3): answers, documents, + / − assessments, imports."""

from . import Text

STRINGS: dict[str, tuple[Text, Text]] = {
    "answers.key.edit_answer": ("Skriv svar", "Write answer"),
    "answers.key.add_plus": ("Styrka", "Strength"),
    "answers.key.add_minus": ("Förbättring", "Improvement"),
    "answers.key.import_answers": ("Läs in svar", "Import answers"),
    "answers.key.import_assessments": ("Läs in bedömningar", "Import assessments"),
    "answers.key.party_a": ("Visa part 1", "Show party 1"),
    "answers.key.party_b": ("Visa part 2", "Show party 2"),
    "answers.key.add_document": ("Dokument", "Document"),
    "answers.key.edit_item": ("Ändra markerad bedömning/dokument", "Edit the selected assessment/document"),
    "answers.key.toggle_sign": ("Byt + / − på markerad bedömning", "Switch + / − of the selected assessment"),
    "answers.key.delete_item": ("Ta bort markerad bedömning/dokument", "Delete the selected assessment/document"),
    "answers.key.next_panel": ("Nästa ruta (frågor, svar, bedömningar)", "Next pane (questions, answer, assessments)"),
    "answers.key.back": ("Tillbaka", "Back"),
    "answers.title": ("Svar och granskning · {title}", "Answers and review · {title}"),
    "answers.help_title": ("Svar och granskning", "Answers and review"),
    "answers.progress_answered": ("{done}/{total} besvarade", "{done}/{total} answered"),
    "answers.progress_reviewed": ("{done}/{total} granskade av {reviewer}", "{done}/{total} reviewed by {reviewer}"),
    "answers.progress_ready": ("✓ redo", "✓ ready"),
    "answers.col.question": ("Fråga", "Question"),
    "answers.col.documents": ("Dok", "Doc"),
    "answers.no_questions": (
        "Granskningen har inga valda frågor. Välj frågor i steg 1 (inledande möte).",
        "The review has no selected questions. Select questions in step 1 (introductory meeting).",
    ),
    "answers.heading": ("Fråga {number} · svar från {party}", "Question {number} · answer from {party}"),
    "answers.no_answer": (
        "(inget svar ännu: e skriver svaret, ctrl+o läser in en svarsfil)",
        "(no answer yet: e writes the answer, ctrl+o imports an answer file)",
    ),
    "answers.documents": ("Dokument ({count})", "Documents ({count})"),
    "answers.no_documents": ("Inga dokument (D lägger till)", "No documents (D adds one)"),
    "answers.assessments_by": (
        "Bedömning av {reviewer}: +{plus} −{minus}",
        "Assessment by {reviewer}: +{plus} −{minus}",
    ),
    "answers.no_assessments": (
        "Inga bedömningar ännu: + styrka, − förbättringsområde",
        "No assessments yet: + strength, − improvement area",
    ),
    "answers.prompt_plus": (
        "+ Styrka i svaret från {party} på fråga {number} (bedömt av {reviewer})",
        "+ Strength in the answer from {party} to question {number} (assessed by {reviewer})",
    ),
    "answers.prompt_minus": (
        "− Förbättringsområde i svaret från {party} på fråga {number} (bedömt av {reviewer})",
        "− Improvement area in the answer from {party} to question {number} (assessed by {reviewer})",
    ),
    "answers.prompt_edit_assessment": ("Ändra bedömningen ({sign})", "Edit the assessment ({sign})"),
    "answers.prompt_comment": ("Kommentar", "Comment"),
    "answers.empty_comment": ("Skriv en kommentar (esc avbryter)", "Write a comment (esc cancels)"),
    "answers.prompt_document": (
        "Nytt dokument från {party} till fråga {number}",
        "New document from {party} for question {number}",
    ),
    "answers.prompt_rename_document": ("Ändra dokumentets titel", "Change the document's title"),
    "answers.document_placeholder": (
        "t.ex. Rutin: samtal om levnadsvanor (2024)",
        "e.g. Routine: conversations about lifestyle habits (2024)",
    ),
    "answers.prompt_answer_file": (
        "Läs in svar från {party}: sökväg till Markdown-filen",
        "Import answers from {party}: path to the Markdown file",
    ),
    "answers.prompt_assessment_file": (
        "Läs in bedömningar av svaren från {party} (gjorda av {reviewer}): sökväg till Markdown-filen",
        "Import assessments of the answers from {party} (made by {reviewer}): path to the Markdown file",
    ),
    "answers.path_placeholder": ("t.ex. ~/Hämtningar/svar.md", "e.g. ~/Downloads/answers.md"),
    "answers.path_hint": (
        "→ fyller i sökvägen · ⏎ visar vad filen innehåller · esc avbryter",
        "→ completes the path · ⏎ shows what the file contains · esc cancels",
    ),
    "answers.no_path": ("Ange en sökväg till filen", "Enter a path to the file"),
    "answers.not_regular_file": (
        "inte en vanlig fil (en enhet, en namngiven rörledning eller liknande)",
        "not a regular file (a device, a named pipe or the like)",
    ),
    "answers.file_unreadable": ("filen kan inte läsas: {reason}", "the file cannot be read: {reason}"),
    # every problem of a file at once (hfs_tui/import_problems.py)
    "import.problem_line": ("rad {line}: {message}", "line {line}: {message}"),
    "import.problems": ("{count} fel: {problems}", "{count} problems: {problems}"),
    "import.problems_more": (
        "minst {count} fel (de första): {problems}",
        "at least {count} problems (the first ones): {problems}",
    ),
    "answers.import_errors_title": (
        "{file}: {count} fel (inget har lästs in)",
        "{file}: {count} problems (nothing was imported)",
    ),
    "answers.import_errors_more": ("… och {count} till", "… and {count} more"),
    "answers.import_which": ("Vilken fil läser du in?", "Which file do you import?"),
    "answers.key.import_file": ("Läs in fil", "Import a file"),
    "answers.import_error_line": ("rad {line}: {message}", "line {line}: {message}"),
    "answers.import_error": (
        "{file}, rad {line}: {message} (inget har lästs in)",
        "{file}, line {line}: {message} (nothing was imported)",
    ),
    "answers.import_error_no_line": (
        "{file}: {message} (inget har lästs in)",
        "{file}: {message} (nothing was imported)",
    ),
    "answers.preview_answers": (
        ("Läsa in {count} svar från {party} ur {file}?", "Läsa in {count} svar från {party} ur {file}?"),
        ("Import {count} answer from {party} from {file}?", "Import {count} answers from {party} from {file}?"),
    ),
    "answers.preview_assessments": (
        (
            "Läsa in {count} bedömning av svaren från {party} (gjord av {reviewer}) ur {file}?",
            "Läsa in {count} bedömningar av svaren från {party} (gjorda av {reviewer}) ur {file}?",
        ),
        (
            "Import {count} assessment of the answers from {party} (made by {reviewer}) from {file}?",
            "Import {count} assessments of the answers from {party} (made by {reviewer}) from {file}?",
        ),
    ),
    "answers.preview_words": (
        ("{count} ord", "{count} ord"),
        ("{count} word", "{count} words"),
    ),
    "answers.preview_documents": (
        ("{count} dokument", "{count} dokument"),
        ("{count} document", "{count} documents"),
    ),
    "answers.preview_empty": ("tom, hoppas över", "empty, skipped"),
    "answers.preview_replaces": ("ersätter nuvarande svar", "replaces the current answer"),
    "answers.preview_replaces_assessments": (
        ("ersätter {count} nuvarande bedömning", "ersätter {count} nuvarande bedömningar"),
        ("replaces {count} current assessment", "replaces {count} current assessments"),
    ),
    "answers.preview_not_selected": ("frågan är inte vald", "question not selected"),
    "answers.preview_yes": ("Läs in (j)", "Import (y)"),
    "answers.imported_answers": (
        ("{count} svar från {party} inläst", "{count} svar från {party} inlästa"),
        ("{count} answer from {party} imported", "{count} answers from {party} imported"),
    ),
    "answers.imported_assessments": (
        ("{count} bedömning av svaren från {party} inläst", "{count} bedömningar av svaren från {party} inlästa"),
        (
            "{count} assessment of the answers from {party} imported",
            "{count} assessments of the answers from {party} imported",
        ),
    ),
    "answers.editor_title": ("Svar från {party} på fråga {number}", "Answer from {party} to question {number}"),
    "answers.answer_saved": ("Svaret sparat", "Answer saved"),
    "answers.assessment_saved": ("Bedömningen sparad", "Assessment saved"),
    "answers.document_saved": ("Dokumentet sparat", "Document saved"),
    "answers.deleted": ("Borttaget", "Deleted"),
    "answers.nothing_selected": (
        "Inget markerat: tab till bedömningarna och välj med ↑ ↓",
        "Nothing selected: tab to the assessments and choose with ↑ ↓",
    ),
    "answers.not_an_assessment": (
        "Det markerade är ett dokument, inte en bedömning",
        "The selection is a document, not an assessment",
    ),
    "answers.confirm_delete_assessment": ("Ta bort bedömningen ”{text}”?", "Delete the assessment “{text}”?"),
    "answers.confirm_delete_document": ("Ta bort dokumentet ”{text}”?", "Delete the document “{text}”?"),
}
