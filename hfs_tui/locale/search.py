"""Strings of the search screen (`/` on home and in the meeting) and the meeting's "others" dialog."""

from . import Text

STRINGS: dict[str, tuple[Text, Text]] = {
    "search.title": ("Sök i nätverkets minne", "Search the network's memory"),
    "search.placeholder": (
        "Skriv ord att söka efter, t.ex. styrgrupp",
        "Type words to search for, e.g. steering group",
    ),
    "search.hits": (
        ("{count} träff", "{count} träffar"),
        ("{count} hit", "{count} hits"),
    ),
    "search.one_hit": ("1 träff", "1 hit"),
    "search.none": ("Inga träffar", "No hits"),
    "search.empty": ("Skriv minst ett ord", "Type at least one word"),
    "search.scope.all": ("Söker i allt i den här databasen", "Searching everything in this database"),
    "search.scope.review": (
        "Andra granskningar: bara det ägarna släppt till nätverket och som finns i rapporten",
        "Other reviews: only what the owners released to the network and is in the report",
    ),
    "search.scope.network": (
        "Bara det ägarna släppt till nätverket och som finns i rapporten",
        "Only what the owners released to the network and is in the report",
    ),
    "search.question": ("fråga {number}", "question {number}"),
    "search.no_question": ("ingen fråga", "no question"),
    "search.key.open": ("öppna", "open"),
    "search.key.results": ("träffarna", "hits"),
    "search.key.network": ("bara nätverket", "network only"),
    "search.key.close": ("tillbaka", "back"),
    "search.key.search": ("sök", "search"),
    # the meeting's dialog (ctrl+n): what other reviews released for this question
    "related.key.open": ("andra granskningar", "other reviews"),
    "related.title": ("Andra granskningar om fråga {number}:", "Other reviews on question {number}:"),
    "related.scope": (
        "Bara det ägarna i andra granskningar släppt till nätverket och som finns i deras rapport",
        "Only what the owners in other reviews released to the network and is in their report",
    ),
    "related.none": (
        "Inga andra granskningar i databasen har släppt något till nätverket om den här frågan.",
        "No other review in the database has released anything to the network on this question.",
    ),
    "related.close": ("esc stänger · ↑ ↓ bläddrar", "esc closes · ↑ ↓ scroll"),
    "related.no_question": ("Ingen fråga är vald", "No question is selected"),
    "related.key.close": ("stäng", "close"),
    "related.key.down": ("bläddra ned", "scroll down"),
    "related.key.up": ("bläddra upp", "scroll up"),
}
