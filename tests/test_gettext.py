"""The gettext catalogues: generated from hfs_tui/locale/*.py and current, read by the app, plural forms, and
argparse's own messages in Swedish."""

from __future__ import annotations

import gettext
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hfs_tui import cli, i18n
from hfs_tui.i18n import STRINGS, t

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*(ROOT / "hfs_tui").rglob("*.py"), *(ROOT / "screens").rglob("*.py")]
PLURAL_KEYS = {key for key, (swedish, _) in STRINGS.items() if isinstance(swedish, tuple)}


def converter():
    spec = importlib.util.spec_from_file_location("strings_to_po", ROOT / "tools" / "strings_to_po.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("sv")


def test_every_po_and_mo_file_is_current():
    """After a string is added to hfs_tui/locale/*.py: `python tools/strings_to_po.py`, and commit the result."""
    stale = converter().stale_files()
    assert not stale, f"not current (run python tools/strings_to_po.py): {[str(p.relative_to(ROOT)) for p in stale]}"


def test_the_check_mode_of_the_converter_agrees(tmp_path):
    result = subprocess.run([sys.executable, "tools/strings_to_po.py", "--check"], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_the_mo_files_hold_every_key_in_both_languages_as_gettext_reads_them():
    for language, index in (("sv", 0), ("en", 1)):
        with open(ROOT / "hfs_tui" / "locale" / language / "LC_MESSAGES" / "hfs_tui.mo", "rb") as file:
            catalogue = gettext.GNUTranslations(file)
        for key, texts in STRINGS.items():
            text = texts[index]
            if isinstance(text, tuple):
                assert (catalogue.ngettext(key, key, 1), catalogue.ngettext(key, key, 5)) == text, key
            else:
                assert catalogue.gettext(key) == text, key


def test_the_po_reader_reads_back_what_the_writer_wrote():
    module = converter()
    tables = module.source_tables()
    for language in module.LANGUAGES:
        read = module.read_po(module.write_po(language, tables))
        assert read[0][0] == "" and "Plural-Forms: nplurals=2; plural=(n != 1);" in read[0][2][0]
        assert read[1:] == [entry for _, entry in module.entries(tables, language)]


def test_the_converter_refuses_a_key_defined_twice(tmp_path, monkeypatch):
    module = converter()
    (tmp_path / "one.py").write_text('STRINGS = {"x.y": ("a", "b")}\n', encoding="utf-8")
    (tmp_path / "two.py").write_text('STRINGS = {"x.y": ("c", "d")}\n', encoding="utf-8")
    monkeypatch.setattr(module, "LOCALE", tmp_path)
    with pytest.raises(SystemExit, match="x.y"):
        module.source_tables()


def test_fields_survive_and_newlines_and_quotes_too():
    module = converter()
    entry = ("k", None, ['Rad 1 "citat" {name}\n\tRad 2\\'])
    assert module.read_po('msgid "k"\nmsgstr ' + module._quote(entry[2][0]) + "\n") == [entry]


# ----------------------------------------------------------- plural forms


def test_a_count_of_one_is_singular_and_other_counts_plural():
    assert t("cli.assessments_read", count=1, party="A", reviewer="B") == "1 bedömning av A (gjord av B) inläst"
    assert t("cli.assessments_read", count=2, party="A", reviewer="B") == "2 bedömningar av A (gjorda av B) inlästa"
    assert t("search.hits", count=0) == "0 träffar"
    assert t("search.hits", count=1) == "1 träff"
    assert t("export.written", count=1, folder="x") == "1 fil skriven till x"


def test_english_plural_forms(english):
    assert t("cli.answers_read", count=1, party="A") == "1 answer from A read"
    assert t("cli.answers_read", count=3, party="A") == "3 answers from A read"
    assert t("answers.preview_words", count=1) == "1 word"
    assert i18n.t_plural("search.hits", 2) == "2 hits"


def test_a_plural_entry_without_a_count_and_an_unknown_key_are_errors():
    with pytest.raises(KeyError, match="search.hits"):
        t("search.hits")
    with pytest.raises(KeyError, match="no.such.key"):
        t("no.such.key")


def test_plural_entries_have_the_same_fields_in_each_form_and_language():
    for key in PLURAL_KEYS:
        forms = [*STRINGS[key][0], *STRINGS[key][1]]
        fields = [set(re.findall(r"{(\w+)", form)) for form in forms]
        assert all(f == fields[1] for f in fields) and "count" in fields[1], key


def test_every_call_of_a_plural_entry_passes_a_count():
    call = re.compile(r"""\bt\(\s*"([\w.]+)"([^()]*(?:\([^()]*\)[^()]*)*)\)""")
    missing = []
    for path in SOURCES:
        for match in call.finditer(path.read_text(encoding="utf-8")):
            if match.group(1) in PLURAL_KEYS and "count=" not in match.group(2):
                missing.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not missing
    assert len(PLURAL_KEYS) >= 15


# ----------------------------------------------------------- argparse


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit):
        cli.main([*argv, "--help"])
    return capsys.readouterr().out


def test_the_help_is_swedish_throughout(capsys):
    text = help_text(capsys)
    assert text.startswith("användning: hfs-tui")
    assert "\nflaggor:\n" in text and "visa den här hjälptexten och avsluta" in text
    assert "usage:" not in text and "options:" not in text and "show this help" not in text
    assert "visa programmets version och avsluta" in text
    sub = help_text(capsys, "import-answers")
    assert sub.startswith("användning: hfs-tui import-answers") and "\nargument:\n" in sub


def test_argparse_errors_are_swedish(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["new", "--template", "nej"])
    err = capsys.readouterr().err
    assert exit.value.code == 2
    assert err.startswith("användning: hfs-tui new")
    assert "hfs-tui new: fel: argument --template: ogiltigt val: 'nej' (välj bland" in err
    with pytest.raises(SystemExit):
        cli.main(["new"])
    assert "fel: följande argument krävs: --template, --party-a, --party-b" in capsys.readouterr().err


def test_the_help_is_english_with_lang_en(capsys):
    try:
        text = help_text(capsys, "--lang", "en")
    finally:
        i18n.set_language("sv")
        i18n.bind_argparse()
    assert text.startswith("usage: hfs-tui") and "\noptions:\n" in text and "användning" not in text
