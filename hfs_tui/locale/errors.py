"""One-line error messages of the store, the importer and the export, and the empty answer file's words."""

from . import Text

STRINGS: dict[str, tuple[Text, Text]] = {
    # opening the database
    "error.db.is_folder": ("{path}: är en mapp, inte en databasfil", "{path}: is a folder, not a database file"),
    "error.db.no_folder": ("{path}: kan inte skapa mappen ({reason})", "{path}: cannot create the folder ({reason})"),
    "error.db.cannot_open": (
        "{path}: kan inte öppna databasen ({reason})",
        "{path}: cannot open the database ({reason})",
    ),
    "error.db.damaged_file": (
        "{path}: filen är skadad eller inte en SQLite-databas ({reason})",
        "{path}: the file is damaged or not an SQLite database ({reason})",
    ),
    "error.db.foreign": (
        "{path}: är inte en hfs-tui-databas (den innehåller andra tabeller)",
        "{path}: is not an hfs-tui database (it holds other tables)",
    ),
    "error.db.damaged": ("{path}: databasen är skadad ({reason})", "{path}: the database is damaged ({reason})"),
    "error.db.newer": (
        "{path}: databasen kommer från en nyare version av hfs-tui; uppdatera programmet",
        "{path}: the database comes from a newer version of hfs-tui; update the program",
    ),
    "error.db.write": ("databasen kunde inte skriva ({reason})", "the database could not write ({reason})"),
    # what a write needs
    "error.parties_need_names": ("båda parterna behöver ett namn", "both parties need a name"),
    "error.parties_same_name": ("parterna måste ha olika namn", "the parties must have different names"),
    "error.review_missing": ("granskningen {id} finns inte", "review {id} does not exist"),
    "error.review_ambiguous": (
        "flera granskningar heter {ref}: ange id i stället",
        "several reviews are called {ref}: give the id instead",
    ),
    "error.review_unknown": ("ingen granskning {ref} (se `hfs-tui list`)", "no review {ref} (see `hfs-tui list`)"),
    "error.review_needs_title": ("granskningen behöver en titel", "the review needs a title"),
    "error.party_missing": ("parten {id} finns inte", "party {id} does not exist"),
    "error.party_unknown": ("ingen part {ref} i granskningen ({names})", "no party {ref} in the review ({names})"),
    "error.party_needs_name": ("parten behöver ett namn", "the party needs a name"),
    "error.member_missing": ("deltagaren {id} finns inte", "participant {id} does not exist"),
    "error.member_needs_name": ("deltagaren behöver ett namn", "the participant needs a name"),
    "error.question_missing": ("frågan {id} finns inte", "question {id} does not exist"),
    "error.question_needs_text": ("frågan behöver en text", "the question needs a text"),
    "error.document_needs_title": ("dokumentet behöver en titel", "the document needs a title"),
    "error.assessment_own": (
        "en part bedömer den andra partens svar, inte sina egna",
        "a party assesses the other party's answers, not its own",
    ),
    "error.meeting_missing": ("mötet {id} finns inte", "meeting {id} does not exist"),
    "error.meeting_kind_missing": (
        "granskningen {id} har inget möte av typen {kind}",
        "review {id} has no meeting of the kind {kind}",
    ),
    "error.meeting_not_of_review": (
        "mötet {meeting} hör inte till granskningen {review}",
        "meeting {meeting} does not belong to review {review}",
    ),
    "error.slot_minutes": ("planerad tid måste vara minst en minut", "the planned time must be at least one minute"),
    "error.note_empty": ("en tom anteckning sparas inte", "an empty note is not saved"),
    "error.note_missing": ("anteckningen {id} finns inte", "note {id} does not exist"),
    "error.note_edit_empty": (
        "en anteckning kan inte vara tom; ta bort den med d i stället",
        "a note cannot be empty; delete it with d instead",
    ),
    "error.action_missing": ("åtgärden {id} finns inte", "action {id} does not exist"),
    "error.action_needs_goal": (
        "åtgärden behöver ett mål (Detta vill vi uppnå)",
        "the action needs a goal (What we want to achieve)",
    ),
    # import files
    "error.import.too_big": (
        "filen är minst {size} MB; högst {limit} MB kan läsas in",
        "the file is at least {size} MB; at most {limit} MB can be read",
    ),
    "error.import.missing": ("filen finns inte", "the file does not exist"),
    "error.import.is_folder": ("är en mapp, inte en fil", "is a folder, not a file"),
    "error.import.no_permission": ("saknar behörighet att läsa filen", "no permission to read the file"),
    "error.write.not_regular": (
        "är ingen vanlig fil och ersätts inte (en enhet, namngiven rörledning eller socket)",
        "is not a regular file and is not replaced (a device, named pipe or socket)",
    ),
    "error.import.not_regular": (
        "är ingen vanlig fil (en enhet, namngiven rörledning eller socket läses inte)",
        "is not a regular file (a device, named pipe or socket is not read)",
    ),
    "error.import.symlink_loop": (
        "för många symboliska länkar (en länk som pekar på sig själv?)",
        "too many symbolic links (a link that points to itself?)",
    ),
    "error.import.name_too_long": ("filnamnet är för långt", "the file name is too long"),
    "error.import.not_folder": ("en del av sökvägen är inte en mapp", "part of the path is not a folder"),
    "error.import.cannot_read": ("kan inte läsa filen ({reason})", "cannot read the file ({reason})"),
    "error.import.control": (
        "tecknet {char} får inte finnas i en importfil; ta bort det och försök igen (inget har lästs in)",
        "the character {char} is not allowed in an import file; remove it and try again (nothing was read)",
    ),
    "error.import.paragraph": ("stycke {number}", "paragraph {number}"),
    "error.import.duplicate_paragraph": (
        "fråga {number} finns redan i stycke {paragraph}",
        "question {number} is already in paragraph {paragraph}",
    ),
    "error.import.no_headings_docx": (
        "inga frågerubriker hittades (en rubrik som ”1. Frågans text”)",
        "no question headings found (a heading such as “1. The question's text”)",
    ),
    "error.import.docx_table": (
        "dokumentet innehåller en tabell; skriv svaren som vanliga stycken under frågornas rubriker",
        "the document holds a table; write the answers as plain paragraphs under the question headings",
    ),
    "error.import.docx_assessments": (
        "bedömningar läses från Markdown (+ och - punkter); en Word-fil kan bara innehålla svar",
        "assessments are read from Markdown (+ and - items); a Word file can only hold answers",
    ),
    "error.import.docx_too_big": ("packar upp till mer än 50 MB", "unpacks to more than 50 MB"),
    "error.import.not_docx": (
        "filen är inte ett Word-dokument (.docx) som går att läsa ({reason})",
        "the file is not a readable Word document (.docx) ({reason})",
    ),
    "error.import.not_utf8": (
        "filen är inte UTF-8 (spara den som UTF-8 och försök igen)",
        "the file is not UTF-8 (save it as UTF-8 and try again)",
    ),
    "error.import.bad_sign": (
        "punkten börjar med {mark}; använd + (styrka) eller - (förbättringsområde)",
        "the item starts with {mark}; use + (strength) or - (improvement area)",
    ),
    "error.import.outside_list": (
        "text utanför en punktlista; skriv varje bedömning som + eller - punkt",
        "text outside a bullet list; write each assessment as a + or - item",
    ),
    "error.import.empty": ("filen är tom", "the file is empty"),
    "error.import.duplicate": (
        "fråga {number} finns redan på rad {line}",
        "question {number} is already on line {line}",
    ),
    "error.import.no_headings": (
        "inga frågerubriker hittades (skriv t.ex. ”## 1. Frågans text”)",
        "no question headings found (write e.g. “## 1. The question's text”)",
    ),
    "error.import.number_text_mismatch": (
        "rubriken har nummer {number} men texten för fråga {other}: rätta numret eller texten",
        "the heading has number {number} but the text of question {other}: correct the number or the text",
    ),
    "error.import.unknown_number": (
        (
            "okänd fråga {number} (granskningen har {count} fråga)",
            "okänd fråga {number} (granskningen har {count} frågor)",
        ),
        (
            "unknown question {number} (the review has {count} question)",
            "unknown question {number} (the review has {count} questions)",
        ),
    ),
    "error.import.unknown_text": (
        "okänd fråga ”{heading}”: ange frågans nummer eller exakta text",
        "unknown question “{heading}”: give the question's number or exact text",
    ),
    "error.import.document_list": ("dokumentlistan", "the document list"),
    "error.import.outside_documents": (
        "text utanför {where}; skriv varje dokument som en punkt (- ...)",
        "text outside {where}; write each document as an item (- ...)",
    ),
    # export
    "error.export.unknown_part": (
        "okänd exportdel {word} (välj bland {parts})",
        "unknown export part {word} (choose from {parts})",
    ),
    "error.export.nothing": ("inget att exportera (välj bland {parts})", "nothing to export (choose from {parts})"),
    "error.export.not_a_folder": ("{path}: finns redan och är inte en mapp", "{path}: exists and is not a folder"),
    "error.export.no_folder": (
        "{path}: kan inte skapa mappen ({reason})",
        "{path}: cannot create the folder ({reason})",
    ),
    "error.export.write": (
        "{path}: kunde inte skriva ({reason}); en tidigare fil med samma namn är orörd",
        "{path}: could not write ({reason}); an earlier file of the same name is untouched",
    ),
    "error.reason.access": ("åtkomst nekas", "access denied"),
    "error.reason.read_only": ("skrivskyddat filsystem", "read-only file system"),
    "error.reason.disk_full": ("disken är full", "the disk is full"),
    "error.reason.quota": ("diskkvoten är slut", "the disk quota is used up"),
    "error.reason.is_folder": ("det finns en mapp med det namnet", "there is a folder with that name"),
    "error.reason.not_folder": ("en del av sökvägen är inte en mapp", "part of the path is not a folder"),
    # the empty answer file (importers.answer_template); its documents heading is read back in either language
    "answer_file.title": ("# Svar från {party}", "# Answers from {party}"),
    "answer_file.hint": (
        "Skriv svaret under varje fråga. Lista era dokument under ### {documents}.",
        "Write the answer under each question. List your documents under ### {documents}.",
    ),
    "answer_file.documents": ("Dokument", "Documents"),
    # store
    "error.db.busy": (
        "databasen används av ett annat program och är låst; stäng det eller försök igen om en stund ({reason})",
        "the database is in use by another program and locked; close it or try again in a moment ({reason})",
    ),
    "error.db.open_busy": (
        "{path}: databasen används av ett annat program; stäng det eller försök igen om en stund ({reason})",
        "{path}: the database is in use by another program; close it or try again in a moment ({reason})",
    ),
    "error.db.full": (
        "databasen kunde inte skriva: disken är full; frigör utrymme och försök igen ({reason})",
        "the database could not write: the disk is full; free some space and try again ({reason})",
    ),
    "error.db.io": (
        "databasen kunde inte läsa eller skriva disken; kontrollera disken eller nätverksmappen ({reason})",
        "the database could not read or write the disk; check the disk or network folder ({reason})",
    ),
    "error.db.read_only": (
        "databasen är skrivskyddad; inget ändrades ({reason})",
        "the database is read-only; nothing was changed ({reason})",
    ),
    "error.db.corrupt": (
        "databasen är skadad; öppna en säkerhetskopia ({reason})",
        "the database is damaged; open a backup ({reason})",
    ),
    "error.db.read": ("databasen kunde inte läsas ({reason})", "the database could not be read ({reason})"),
    # an error no screen caught (screens/hfs_errors.py): the screen that failed while opening is closed
    "error.screen_closed": ("Vyn kunde inte öppnas: {message}", "The view could not be opened: {message}"),
    "error.db.foreign_marked": (
        "{path}: är inte en hfs-tui-databas (den tillhör ett annat program, application_id {id})",
        "{path}: is not an hfs-tui database (it belongs to another program, application_id {id})",
    ),
    "error.member_not_in_meeting": (
        "deltagaren {id} hör inte till mötets granskning",
        "participant {id} does not belong to the meeting's review",
    ),
    "answer_file.hint_docx": (
        "Skriv svaret under varje fråga (punkterna är delfrågorna). Lista era dokument som punkter under {documents}.",
        "Write the answer under each question (the bullets are its sub-questions). List your documents as bullets under {documents}.",
    ),
}
