"""Strings shared by every screen: the app, home, dialogs, help."""

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("hfs-tui · kollegialt lärande", "hfs-tui · collegial learning"),
    "key.help": ("Hjälp", "Help"),
    "key.quit": ("Avsluta", "Quit"),
    "key.open_review": ("Öppna", "Open"),
    "key.export": ("Exportera protokoll och rapporter", "Export minutes and reports"),
    "home.title": ("Granskningar", "Reviews"),
    "home.col.title": ("Titel", "Title"),
    "home.col.parties": ("Parter", "Parties"),
    "home.col.template": ("Mall", "Template"),
    "home.col.created": ("Skapad", "Created"),
    "key.next_area": ("Nästa område", "Next area"),
    "key.previous_area": ("Föregående område", "Previous area"),
    "key.copy": ("Kopiera markerad text", "Copy the selected text"),
    "help.title": ("Tangenter", "Keys"),
    "help.close": ("Stäng med esc eller ?", "Close with esc or ?"),
    "help.col.key": ("Tangent", "Key"),
    "help.col.action": ("Gör", "Does"),
    "confirm.yes": ("Ja", "Yes"),
    "confirm.no": ("Nej", "No"),
    "error.store": ("Kunde inte spara: {message}", "Could not save: {message}"),
}
