"""Word answers: `answer-template --docx` and `import-answers` of a filled-in .docx (the app's import reads it too)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from hfs_tui import cli
from hfs_tui.docx_answers import DocxImportError
from hfs_tui.importers import ImportFileError, read_answers
from hfs_tui.store import Store


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli.DB_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HFS_TUI_CONFIG", str(tmp_path / "settings.toml"))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "hfs.db"
    store = Store.open(path)
    store.create_review("region", "Region Nordmark", "Region Söderås")
    store.close()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored(db: str) -> tuple[dict[str, str], list[str]]:
    store = Store.open(db)
    try:
        questions = {q.id: q.number for q in store.questions(1)}
        party = store.find_party(1, "a")
        answers = {questions[qid]: a.text for (qid, pid), a in store.answers(1).items() if pid == party.id}
        return answers, [d.title for d in store.documents(party.id)]
    finally:
        store.close()


def template(capsys, db: str, tmp_path: Path) -> Path:
    out = tmp_path / "svar-a.docx"
    assert run(capsys, "answer-template", "1", "--party", "a", "--docx", "--out", str(out), "--db", db) == (
        0,
        f"{out}\n",
        "",
    )
    return out


def test_the_word_template_has_a_heading_per_question_its_sub_questions_and_a_document_list(capsys, db, tmp_path):
    document = docx.Document(template(capsys, db, tmp_path))
    shown = [(p.style.name, p.text) for p in document.paragraphs]
    assert shown[0] == ("Heading 1", "Svar från Region Nordmark")
    headings = [text for style, text in shown if style == "Heading 2"]
    assert len(headings) == 17 and headings[0] == "1. Hur är det hälsofrämjande arbetet organiserat?"
    first = shown.index(("Heading 2", headings[0]))
    assert shown[first + 1 : first + 8] == [
        ("List Bullet", "Var i landstingets organisation?"),
        ("List Bullet", "Finns det en styrgrupp?"),
        ("List Bullet", "Vem är ordförande i styrgruppen?"),
        ("List Bullet", "Vilka övriga funktioner ingår i styrgruppen?"),
        ("Normal", ""),  # room for the answer
        ("Heading 3", "Dokument"),
        ("List Bullet", ""),  # the empty document list
    ]


def test_a_filled_in_word_template_imports_the_same_answers(capsys, db, tmp_path):
    path = template(capsys, db, tmp_path)
    document = docx.Document(path)
    paragraphs = document.paragraphs
    q1 = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1. "))
    room = next(p for p in paragraphs[q1 + 1 :] if p.style.name == "Normal" and not p.text)
    room.text = "Styrgruppen leds av hälso- och sjukvårdsdirektören."
    room.insert_paragraph_before("Det finns en styrgrupp sedan 2019.")
    listed = room.insert_paragraph_before("", style="List Bullet")  # a list of the party's own, kept
    listed.text = "möten varje månad"
    empty_document = next(p for p in paragraphs[q1 + 1 :] if p.style.name == "List Bullet" and not p.text)
    empty_document.text = "Arbetsordning för styrgruppen"
    q3 = next(i for i, p in enumerate(paragraphs) if p.text.startswith("3. "))
    next(p for p in paragraphs[q3 + 1 :] if p.style.name == "Normal" and not p.text).text = "Kvartalsvis."
    document.save(path)

    code, out, err = run(capsys, "import-answers", "1", "a", str(path), "--db", db)
    assert (code, out, err) == (0, "2 svar från Region Nordmark inlästa\n", "")
    answers, documents = stored(db)
    assert answers == {
        "1": "Det finns en styrgrupp sedan 2019.\n\n- möten varje månad\n\nStyrgruppen leds av hälso- och sjukvårdsdirektören.",
        "3": "Kvartalsvis.",
    }
    assert documents == ["Arbetsordning för styrgruppen"]


def test_an_empty_word_template_imports_nothing(capsys, db, tmp_path):
    path = template(capsys, db, tmp_path)
    assert run(capsys, "import-answers", "1", "a", str(path), "--db", db) == (
        0,
        "0 svar från Region Nordmark inlästa\n",
        "",
    )
    assert stored(db) == ({}, [])


def own_document(tmp_path: Path, *paragraphs: tuple[str, str]) -> Path:
    document = docx.Document()
    document.add_heading("Våra svar", 0)
    for kind, text in paragraphs:
        if kind.startswith("h"):
            document.add_heading(text, int(kind[1]))
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    path = tmp_path / "egna svar.docx"
    document.save(path)
    return path


def test_a_word_file_of_its_own_with_numbered_headings_imports(capsys, db, tmp_path):
    path = own_document(
        tmp_path,
        ("h1", "2. Finns det en handlingsplan?"),
        ("p", "Ja, för 2024–2026."),
        ("h2", "Bakgrund"),
        ("p", "Antagen i juni."),
        ("h1", "5."),
        ("p", "Ja."),
        ("h2", "Documents"),
        ("li", "Handlingsplan 2024"),
    )
    assert run(capsys, "import-answers", "1", "a", str(path), "--db", db)[0] == 0
    answers, documents = stored(db)
    assert answers == {"2": "Ja, för 2024–2026.\n\nBakgrund\n\nAntagen i juni.", "5": "Ja."}
    assert documents == ["Handlingsplan 2024"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([("h1", "1. A"), ("p", "Ja."), ("h1", "42. Okänd")], ":stycke 6: okänd fråga 42 (granskningen har 17 frågor)"),
        ([("h1", "1."), ("p", "Ja."), ("h1", "1. Igen")], ":stycke 6: fråga 1 finns redan i stycke 4"),
        ([("h1", "1."), ("p", "Ja.\x9b2J")], ":stycke 5: tecknet U+009B (CSI) får inte finnas"),  # XML cannot hold ESC
        ([("h1", "1."), ("li", "Ja.\u202e")], ":stycke 5: tecknet U+202E (RIGHT-TO-LEFT OVERRIDE) får inte finnas"),
        ([("h1", "1."), ("h2", "Dokument"), ("p", "inte en punkt")], ":stycke 6: text utanför dokumentlistan"),
        ([("p", "Bara text utan rubriker.")], ": inga frågerubriker hittades"),
    ],
)
def test_a_bad_word_file_is_one_line_naming_the_paragraph_and_imports_nothing(
    capsys, db, tmp_path, paragraphs, expected
):
    # paragraph 1 is the title; question 3 (2-3) is fine, so the error is what stops the whole file
    prefix = [] if "inga" in expected else [("h1", "3."), ("p", "Svar på trean.")]
    path = own_document(tmp_path, *prefix, *paragraphs)
    code, out, err = run(capsys, "import-answers", "1", "a", str(path), "--db", db)
    assert (code, out) == (1, "")
    assert err.startswith(f"hfs-tui: {path}{expected}"), err
    assert len(err.splitlines()) == 1
    assert stored(db) == ({}, [])


def test_a_table_is_refused_rather_than_its_text_lost(tmp_path, db):
    document = docx.Document()
    document.add_heading("1.", 1)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "svar i en tabell"
    path = tmp_path / "tabell.docx"
    document.save(path)
    store = Store.open(db)
    with pytest.raises(DocxImportError, match="tabell"):
        read_answers(path, store.questions(1))
    store.close()


def test_a_file_called_docx_that_is_not_one_is_one_line(tmp_path, db):
    path = tmp_path / "falsk.docx"
    path.write_text("## 1.\n\nJa.\n", encoding="utf-8")
    store = Store.open(db)
    with pytest.raises(ImportFileError) as excinfo:
        read_answers(path, store.questions(1))
    store.close()
    assert str(excinfo.value).startswith(f"{path}: filen är inte ett Word-dokument (.docx)")
    assert "\n" not in str(excinfo.value)


def test_docx_without_out_is_one_line(capsys, db):
    code, out, err = run(capsys, "answer-template", "1", "--party", "a", "--docx", "--db", db)
    assert (code, out, err) == (1, "", "hfs-tui: --docx behöver --out FIL\n")


def test_assessments_from_a_word_file_are_refused_in_one_line(capsys, db, tmp_path):
    path = own_document(tmp_path, ("h1", "1."), ("li", "+ bra"))
    code, out, err = run(capsys, "import-assessments", "1", "a", str(path), "--db", db)
    assert (code, out) == (1, "")
    assert (
        err
        == f"hfs-tui: {path}: bedömningar läses från Markdown (+ och - punkter); en Word-fil kan bara innehålla svar\n"
    )
