"""Swedish and English everywhere: every UI string, template and exported document, and no mixed screens."""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import hfs_tui
from hfs_tui import cli, i18n, minutes_en
from hfs_tui.export import load_record, render_documents
from hfs_tui.i18n import STRINGS
from hfs_tui.model import ActionStatus, Category, Share, Sign
from hfs_tui.sample import load_sample
from hfs_tui.store import Store
from hfs_tui.templates import TEMPLATES, get_template, template_name

ROOT = Path(hfs_tui.__file__).resolve().parent.parent
SOURCES = [*(ROOT / "hfs_tui").rglob("*.py"), *(ROOT / "screens").rglob("*.py")]
SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
# Swedish words typed without å ä ö (what a US keyboard makes of them).
ASCII_SWEDISH = re.compile(
    r"\b(fraga|fragan|fragor|atgard|atgarder|forbattring\w*|bedomning\w*|nasta|foregaende|oppna|stang|"
    r"lardom\w*|agare|overtid|moteslede\w*|sammanstallt)\b",
    re.IGNORECASE,
)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("sv")


# ----------------------------------------------------------- the catalogue


def forms(text) -> tuple[str, ...]:
    """A text, or each form of a plural entry (one, many)."""
    return text if isinstance(text, tuple) else (text,)


def test_every_string_exists_in_swedish_and_english_with_the_same_fields():
    for key, (swedish, english) in STRINGS.items():
        assert type(swedish) is type(english), f"{key}: plural in one language only"
        for sv, en in zip(forms(swedish), forms(english), strict=True):
            assert sv.strip() and en.strip(), key
            assert set(re.findall(r"{(\w+)", sv)) == set(re.findall(r"{(\w+)", en)), key


def test_english_strings_hold_no_swedish_letters_except_in_names():
    for key, (_, english) in STRINGS.items():
        for text in forms(english):
            for word in re.findall(r"\S*[åäöÅÄÖ]\S*", text):
                assert word[0].isupper(), f"{key}: {text!r} has the Swedish word {word!r}"


def test_swedish_strings_spell_a_and_o_with_their_dots_and_rings():
    for key, (swedish, _) in STRINGS.items():
        for text in forms(swedish):
            assert not ASCII_SWEDISH.search(text), f"{key}: {text!r}"
    for swedish in minutes_en.ENGLISH:
        assert not ASCII_SWEDISH.search(swedish), swedish


def test_every_key_the_code_asks_for_exists():
    """`t("...")` anywhere in the core or the screens names a key of the catalogue."""
    call = re.compile(r"""\bt\(\s*(["'])([^"'{}]+)\1""")
    missing = []
    for path in SOURCES:
        for match in call.finditer(path.read_text(encoding="utf-8")):
            if match.group(2) not in STRINGS:
                missing.append(f"{path.relative_to(ROOT)}: {match.group(2)}")
    assert not missing


def test_every_key_table_label_exists():
    import hfs_tui.screens as screens
    from hfs_tui.screens.keys import KeyAction

    labels = set()
    for info in pkgutil.walk_packages(screens.__path__, prefix="hfs_tui.screens."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, tuple) and value and all(isinstance(item, KeyAction) for item in value):
                labels |= {item.label for item in value}
    assert len(labels) > 30
    assert not labels - STRINGS.keys()


def test_keys_built_from_values_exist():
    for category in Category:
        assert f"category.{category.value}" in STRINGS
    from hfs_tui.screens.themes import THEMES

    for theme in THEMES:
        assert f"theme.{theme.name}" in STRINGS
    assert {"sign.plus", "sign.minus"} <= STRINGS.keys() and len(Sign) == 2


def test_the_footer_follows_the_language_chosen_before_the_app_even_if_screens_were_imported_earlier(tmp_path):
    from hfs_tui.screens.home import HomeScreen
    from hfs_tui.screens.keys import relabel_bindings

    from hfs_tui.app import make_app

    i18n.set_language("en")
    try:
        make_app(tmp_path / "t.db")  # the app relabels every key table before it starts
        labels = {binding.description for binding in HomeScreen._merged_bindings.key_to_bindings["question_mark"]}
        assert labels == {"Help"}
    finally:
        i18n.set_language("sv")
        relabel_bindings()
    labels = {binding.description for binding in HomeScreen._merged_bindings.key_to_bindings["question_mark"]}
    assert labels == {"Hjälp"}


# ------------------------------------------------------------- templates


@pytest.mark.parametrize("key", TEMPLATES)
def test_each_template_has_every_question_in_english(key):
    swedish, english = get_template(key), get_template(key, "en")
    assert len(english.questions) == len(swedish.questions)
    for sv_question, en_question in zip(swedish.questions, english.questions):
        assert len(en_question.sub_questions) == len(sv_question.sub_questions)
        for text in (en_question.text, *en_question.sub_questions):
            assert text.strip() and not SWEDISH_LETTERS.search(text), text
    assert not SWEDISH_LETTERS.search(english.name)
    for plan in english.meetings:
        assert not SWEDISH_LETTERS.search(plan.title)
        assert all(not SWEDISH_LETTERS.search(slot.title) for slot in plan.slots)


def test_a_review_created_in_english_gets_english_questions_and_meetings():
    store = Store.memory()
    review = store.create_review("region", "Region North", "Region South", language="en")
    assert review.title == "Collegial learning: Region North and Region South"
    assert store.questions(review.id)[0].text == "How is the health-promoting work organised?"
    assert [m.title for m in store.meetings(review.id)] == [
        "Introductory meeting",
        "Feedback meeting",
        "Follow-up meeting",
    ]
    feedback = store.meetings(review.id)[1]
    assert [slot.title for slot in store.slots(feedback.id)] == ["Feedback to Region North", "Feedback to Region South"]


def test_swedish_stays_the_default_and_a_new_review_follows_the_ui_language(english):
    store = Store.memory()
    swedish = store.create_review("vardcentral", "A", "B", language="sv")
    assert store.questions(swedish.id)[0].text.startswith("I vilken omfattning har vårdcentralen")
    follows = store.create_review("vardcentral", "C", "D")
    assert store.questions(follows.id)[0].text.startswith("To what extent")
    assert template_name("vardcentral", "en") == "Primary-care centres"
    assert template_name("vardcentral") == "Vårdcentraler"


def test_the_swedish_sample_keeps_its_swedish_questions_in_an_english_ui(english):
    store = Store.memory()
    review = load_sample(store, "region")
    assert store.questions(review.id)[0].text == "Hur är det hälsofrämjande arbetet organiserat?"


def test_cli_lang_en_creates_an_english_review(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "settings.toml"))
    db = tmp_path / "cli.db"
    try:
        code = cli.main(
            ["--lang", "en", "new", "--template", "region", "--party-a", "North", "--party-b", "South", "--db", str(db)]
        )
    finally:
        i18n.set_language("sv")
    assert code == 0
    store = Store.open(db)
    assert store.questions(1)[1].text == "Is there an action plan, and what does it look like?"
    store.close()


# --------------------------------------------------------------- exports


def english_record(tmp_path):
    """An English review with a note of every category, flags on, an action followed up and a timed slot."""
    store = Store.open(tmp_path / "docs.db")
    review = store.create_review("region", "Region North", "Region South", language="en")
    north, south = store.parties(review.id)
    store.add_member(north.id, "Anna Berg", "process leader")
    meeting = store.meetings(review.id)[1]
    slot = store.slots(meeting.id)[0]
    questions = store.questions(review.id)
    for number, category in enumerate(Category):
        note = store.add_note(
            meeting.id, north.id, category, f"note {number}", slot_id=slot.id, question_id=questions[number].id
        )
        store.set_note_flags(note.id, in_report=True, share=Share.NETWORK)
    store.add_note(meeting.id, south.id, Category.NOTE, "general note", slot_id=slot.id)
    action = store.add_action(review.id, north.id, "A written assignment")
    store.update_action(action.id, status=ActionStatus.PARTLY.value, outcome="half of it")
    from hfs_tui.model import TimerEventKind

    start = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    store.add_timer_event(slot.id, TimerEventKind.START, start)
    records = [
        load_record(store, review.id, now=start),
        load_record(store, review.id, store.meetings(review.id)[2].id, now=start),
    ]
    store.close()
    return records


def test_exported_documents_are_english_when_the_language_is_english(tmp_path, english):
    for record in english_record(tmp_path):
        for stem, title, markdown in render_documents(record):
            for text in (stem, title, markdown):
                assert not SWEDISH_LETTERS.search(text), (
                    f"{stem}: {[line for line in text.splitlines() if SWEDISH_LETTERS.search(line)]}"
                )
            for swedish in ("Protokoll", "Deltagare", "Dagordning", "Fråga", "Styrkor", "Inga", "Rapport:", "kl."):
                assert swedish not in markdown, (stem, swedish)


def test_exported_documents_stay_swedish_by_default(tmp_path):
    for record in english_record(tmp_path)[:1]:
        stems = [stem for stem, _, _ in render_documents(record)]
        assert "-protokoll" in stems[0] and any(stem.endswith("natverkssammanfattning") for stem in stems)


# Every document text's English version: tests/test_documents.py::test_every_document_text_has_an_english_version


def test_errors_speak_the_language_of_the_ui(english):
    from hfs_tui.export import ExportError, parse_parts
    from hfs_tui.importers import ImportFileError, parse_answers
    from hfs_tui.store import StoreError

    store = Store.memory()
    with pytest.raises(StoreError, match="^both parties need a name$"):
        store.create_review("region", "", "Region South")
    with pytest.raises(StoreError, match="^review 99 does not exist$"):
        store.review(99)
    with pytest.raises(ImportFileError, match="the file is empty"):
        parse_answers("", [], "answers.md")
    with pytest.raises(ExportError, match="^unknown export part 'bogus'"):
        parse_parts("bogus")


def test_errors_stay_swedish_by_default():
    from hfs_tui.store import StoreError

    with pytest.raises(StoreError, match="^båda parterna behöver ett namn$"):
        Store.memory().create_review("region", "", "Region Söderås")


def test_an_english_answer_file_lists_documents_under_documents_and_reads_back(english):
    from hfs_tui.importers import answer_template, parse_answers

    store = Store.memory()
    review = store.create_review("region", "North", "South")
    questions = store.questions(review.id)
    text = answer_template("North", questions[:1])
    assert text.startswith("# Answers from North") and "### Documents" in text
    filled = text.replace("### Documents\n", "Our answer.\n\n### Documents\n\n- Action plan 2026\n")
    (answer,) = parse_answers(filled, questions, "north.md")
    assert answer.text == "Our answer." and answer.documents == ("Action plan 2026",)
