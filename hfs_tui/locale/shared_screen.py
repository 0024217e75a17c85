"""Strings for the shared screen: themes, the command palette's app entries, the "too small" cover."""

STRINGS: dict[str, tuple[str, str]] = {
    "key.cycle_theme": ("Byt tema", "Change theme"),
    "key.palette": ("Kommandon", "Commands"),
    "palette.search": ("Sök kommandon…", "Search for commands…"),
    "palette.no_matches": ("Inga träffar", "No matches found"),
    "palette.key": ("Tangent: {keys}", "Key: {keys}"),
    "palette.search_themes": ("Sök teman…", "Search for themes…"),
    "palette.theme": ("Välj tema…", "Choose theme…"),
    "palette.theme.help": ("Välj bland alla färgteman", "Pick one of all colour themes"),
    "palette.theme_named.help": ("Tema med hög kontrast för skärmdelning", "High-contrast theme for screen sharing"),
    "palette.screenshot": ("Skärmbild", "Screenshot"),
    "palette.screenshot.help": ("Spara en bild (SVG) av skärmen", "Save an SVG picture of the screen"),
    "palette.maximize": ("Förstora", "Maximise"),
    "palette.maximize.help": ("Visa delen med fokus över hela skärmen", "Show the focused part on the whole screen"),
    "palette.minimize": ("Återställ storlek", "Restore size"),
    "palette.minimize.help": ("Visa alla delar igen", "Show every part again"),
    "theme.hfs-contrast-dark": ("Tema: hög kontrast, mörk", "Theme: high contrast, dark"),
    "theme.hfs-contrast-light": ("Tema: hög kontrast, ljus", "Theme: high contrast, light"),
    "theme.changed": ("Tema: {name}", "Theme: {name}"),
    "theme.not_saved": ("Temat kunde inte sparas: {message}", "The theme could not be saved: {message}"),
    "too_small.message": (
        "Fönstret är för litet för hfs-tui.\n\nNu {width}×{height}, minst {min_width}×{min_height} tecken.\n\n"
        "Gör fönstret större (eller teckenstorleken mindre).",
        "The window is too small for hfs-tui.\n\nNow {width}×{height}, at least {min_width}×{min_height} characters.\n\n"
        "Make the window larger (or the font smaller).",
    ),
}
