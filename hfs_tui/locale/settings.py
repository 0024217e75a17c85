"""Strings of the settings file and `hfs-tui config`."""

STRINGS: dict[str, tuple[str, str]] = {
    "settings.error.unknown": (
        "okänd inställning {setting} (kända: {known})",
        "unknown setting {setting} (known: {known})",
    ),
    "settings.error.bell": ("bell: {value} är varken true eller false", "bell: {value} is neither true nor false"),
    "settings.error.string": (
        "{setting} ska vara en text som inte är tom, inte {value}",
        "{setting} must be a non-empty string, not {value}",
    ),
    "settings.error.language": (
        "language ska vara en av {known}, inte {value}",
        "language must be one of {known}, not {value}",
    ),
    "settings.error.theme": ("okänt tema {value} (kända: {known})", "unknown theme {value} (known: {known})"),
    "config.file": ("Inställningsfil: {path}", "Settings file: {path}"),
    "config.missing": (
        "(filen finns inte ännu: alla värden är standard)",
        "(the file does not exist yet: all values are defaults)",
    ),
    "config.default": ("standard: {value}", "default: {value}"),
    "config.saved": ("{setting} = {value} sparad i {path}", "{setting} = {value} saved in {path}"),
    "config.unset": ("{setting} återställd till standard i {path}", "{setting} reset to its default in {path}"),
    "config.help": (
        "visa eller ändra inställningarna (språk, tema, ljud, exportmapp, databas)",
        "show or change the settings (language, theme, bell, export folder, database)",
    ),
    "config.help.set": ("ändra en inställning", "change a setting"),
    "config.help.unset": ("återställ en inställning till standard", "reset a setting to its default"),
    "config.help.key": ("inställningen: {keys}", "the setting: {keys}"),
    "config.help.value": (
        "värdet, t.ex. en, hfs-contrast-dark, nej, ~/protokoll",
        "the value, e.g. en, hfs-contrast-dark, no, ~/minutes",
    ),
}
