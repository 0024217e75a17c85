"""Strings of the network's memory on the command line: search, publish and review bundles."""

STRINGS: dict[str, tuple[str, str]] = {
    # command help
    "network.search.help": (
        "sök i anteckningar, svar, bedömningar och åtgärder (rangordnade träffar)",
        "search notes, answers, assessments and actions (ranked hits)",
    ),
    "network.search.text": ("det du söker efter (vilken text som helst)", "what to search for (any text)"),
    "network.search.category": ("bara en kategori av anteckningar", "one category of notes only"),
    "network.search.review": ("bara den här granskningen (id eller titel)", "this review only (id or title)"),
    "network.search.network_only": (
        "bara det ägarna har släppt till nätverket och som finns i rapporten",
        "only what the owners released to the network and is in the report",
    ),
    "network.search.limit": ("högst så många träffar (standard 50)", "at most this many hits (default 50)"),
    "network.search.none": ("inga träffar", "no hits"),
    "network.search.question": ("fråga {number}", "question {number}"),
    "network.search.no_question": ("ingen fråga", "no question"),
    "network.kind.note": ("anteckning", "note"),
    "network.kind.answer": ("svar", "answer"),
    "network.kind.assessment": ("bedömning", "assessment"),
    "network.kind.action": ("åtgärd", "action"),
    "network.publish.help": (
        "skriv en separat SQLite-fil med bara det ägarna har släppt till nätverket (för Datasette)",
        "write a separate SQLite file with only what the owners released to the network (for Datasette)",
    ),
    "network.publish.out": ("arkivfilen att skriva (t.ex. network.db)", "the archive file to write (e.g. network.db)"),
    "network.publish.merge": (
        "slå ihop publicerade arkiv till ett (samma granskning: den senare filen gäller)",
        "merge published archives into one (same review: the later file wins)",
    ),
    "network.publish.review": (
        "bara den här granskningen (kan anges flera gånger)",
        "this review only (may be repeated)",
    ),
    "network.publish.done": (
        "{path}: {reviews} granskningar, {notes} anteckningar, {actions} åtgärder",
        "{path}: {reviews} reviews, {notes} notes, {actions} actions",
    ),
    "network.bundle.help": ("flytta en granskning mellan processledare", "move a review between facilitators"),
    "network.bundle.export": (
        "skriv en granskning med allt den innehåller till en fristående fil",
        "write a review with everything it holds into one self-contained file",
    ),
    "network.bundle.import": ("läs in en granskningsfil med nya id:n", "read a review file in, with new ids"),
    "network.bundle.file": ("granskningsfilen (.hfs)", "the review file (.hfs)"),
    "network.bundle.replace": (
        "ersätt granskningen om den redan finns här",
        "replace the review if it is already here",
    ),
    "network.bundle.imported": ("{id}\t{title}", "{id}\t{title}"),
    # errors (one line each)
    "publish.error.not_archive": (
        "{path}: är inte ett publicerat nätverksarkiv från hfs-tui",
        "{path}: is not a published network archive of hfs-tui",
    ),
    "publish.error.newer": (
        "{path}: arkivet kommer från en nyare version av hfs-tui; uppdatera programmet",
        "{path}: the archive comes from a newer version of hfs-tui; update the program",
    ),
    "publish.error.no_folder": ("{path}: mappen finns inte", "{path}: the folder does not exist"),
    "publish.error.missing": ("{path}: filen finns inte", "{path}: the file does not exist"),
    "publish.error.failed": (
        "{path}: kunde inte skriva arkivet ({reason})",
        "{path}: could not write the archive ({reason})",
    ),
    "publish.error.merge_needs_files": (
        "--merge behöver minst en arkivfil",
        "--merge needs at least one archive file",
    ),
    "bundle.error.missing": ("{path}: filen finns inte", "{path}: the file does not exist"),
    "bundle.error.not_bundle": (
        "{path}: är inte en granskningsfil från hfs-tui",
        "{path}: is not a review file of hfs-tui",
    ),
    "bundle.error.damaged": (
        "{path}: granskningsfilen är skadad eller avkortad ({reason})",
        "{path}: the review file is damaged or truncated ({reason})",
    ),
    "bundle.error.newer": (
        "{path}: granskningsfilen kommer från en nyare version av hfs-tui; uppdatera programmet",
        "{path}: the review file comes from a newer version of hfs-tui; update the program",
    ),
    "bundle.error.exists": (
        "granskningen {title!r} finns redan här (id {id}); använd --replace för att ersätta den",
        "the review {title!r} is already here (id {id}); use --replace to replace it",
    ),
    "bundle.error.failed": ("kunde inte läsa in granskningen ({reason})", "could not import the review ({reason})"),
    "bundle.error.write": (
        "{path}: kunde inte skriva granskningsfilen ({reason})",
        "{path}: could not write the review file ({reason})",
    ),
}
