"""What characters an imported file may hold (Markdown and Word alike).

Refused, with one line naming the first one found (`file:line: tecknet U+001B (ESC) …`), so nothing
of the file is read:

- C0 control characters but tab, newline and carriage return (NUL, ESC, BEL, …), DEL, and the C1
  controls U+0080–U+009F (CSI, OSC, …): no answer needs them, and they can drive a terminal;
- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text read in a
  different order than it is stored ("Trojan Source"), and a Swedish answer has no use for them.

Stripped silently, because word processors and web pages leave them in pasted text and they carry
no meaning here: zero-width space U+200B, left-to-right/right-to-left marks U+200E/U+200F, word
joiner and invisible operators U+2060–U+2064, and byte-order marks U+FEFF. ZWNJ/ZWJ (U+200C/D)
are kept (scripts and emoji need them).
"""

from __future__ import annotations

import re
import unicodedata

_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_STRIPPED = re.compile("[\u200b\u200e\u200f\u2060-\u2064\ufeff]")

_C0 = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]
_C1 = [
    "PAD",
    "HOP",
    "BPH",
    "NBH",
    "IND",
    "NEL",
    "SSA",
    "ESA",
    "HTS",
    "HTJ",
    "VTS",
    "PLD",
    "PLU",
    "RI",
    "SS2",
    "SS3",
    "DCS",
    "PU1",
    "PU2",
    "STS",
    "CCH",
    "MW",
    "SPA",
    "EPA",
    "SOS",
    "SGCI",
    "SCI",
    "CSI",
    "ST",
    "OSC",
    "PM",
    "APC",
]


def char_name(char: str) -> str:
    """`U+001B (ESC)`, `U+009B (CSI)`, `U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    code = ord(char)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code <= 0x9F:
        name = _C1[code - 0x80]
    else:
        name = unicodedata.name(char, "?")
    return f"U+{code:04X} ({name})"


def first_refused(text: str) -> tuple[int, str] | None:
    """The offset and the character of the first refused character, or None."""
    match = _REFUSED.search(text)
    return None if match is None else (match.start(), match.group())


def strip_invisible(text: str) -> str:
    return _STRIPPED.sub("", text)
