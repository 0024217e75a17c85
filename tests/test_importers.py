"""The Markdown importer: headings name questions, bodies are kept as written, and every bad file gives
one line `file:LINE: what is wrong`."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_tui.importers import (
    MAX_BYTES,
    ImportFileError,
    answer_template,
    parse_answers,
    parse_assessments,
    read_answers,
    read_assessments,
)
from hfs_tui.model import Sign
from hfs_tui.store import Store


@pytest.fixture
def review(store: Store):
    return store.create_review("region", "Region Nordmark", "Region Söderås")


@pytest.fixture
def questions(store: Store, review):
    return store.questions(review.id)


def write(tmp_path: Path, text: str | bytes, name: str = "svar.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def error_of(path: Path, questions, reader=read_answers) -> ImportFileError:
    with pytest.raises(ImportFileError) as excinfo:
        reader(path, questions)
    message = str(excinfo.value)
    assert "\n" not in message
    line = excinfo.value.line
    assert message.startswith(f"{path}:{line}: " if line > 0 else f"{path}: ")
    return excinfo.value


# ------------------------------------------------------------------ headings


@pytest.mark.parametrize("heading", ["## 3.", "## 3", "## 3. Hur följs handlingsplanen upp?", "##   3.   "])
def test_numbered_heading_names_the_question(questions, heading):
    (answer,) = parse_answers(f"{heading}\n\nKvartalsvis.\n", questions)
    assert (answer.question.number, answer.text, answer.line) == ("3", "Kvartalsvis.", 1)


def test_exact_question_text_names_the_question(questions):
    text = "# Svar\n\n## Vem rapporterar man till?\n\nTill styrgruppen.\n"
    (answer,) = parse_answers(text, questions)
    assert (answer.question.text, answer.text, answer.line) == ("Vem rapporterar man till?", "Till styrgruppen.", 3)


def test_question_text_that_starts_with_a_number_names_that_question_not_the_number(store: Store, review):
    added = store.add_question(review.id, "5 om dagen: hur arbetar ni med matvanor?")
    questions = store.questions(review.id)
    (by_text,) = parse_answers("## 5 om dagen: hur arbetar ni med matvanor?\n\nMed kost.\n", questions)
    (by_number,) = parse_answers("## 18. 5 om dagen: hur arbetar ni med matvanor?\n\nMed kost.\n", questions)
    assert by_text.question.id == by_number.question.id == added.id


def test_question_text_with_other_line_breaks_and_spaces_still_matches(questions):
    (answer,) = parse_answers("##  Vem   rapporterar man  till?\nTill nämnden.\n", questions)
    assert answer.question.number == "7"


# ------------------------------------------------------------------ bodies


def test_answer_body_is_kept_as_written(questions):
    body = (
        "Vi har **tre** nivåer:\n"
        "\n"
        "- styrgrupp\n"
        "- nätverk med [/] och list[int]\n"
        "  1. en inre lista\n"
        "\n"
        "```python\n"
        "x = 1\n"
        "\n"
        "# ingen rubrik\n"
        "```\n"
        "\n"
        "> Ett citat."
    )
    (answer,) = parse_answers(f"## 1.\n\n{body}\n\n\n## 2.\n\nJa.\n", questions)[:1]
    assert answer.text == body


def test_a_heading_inside_a_quote_or_list_item_stays_in_the_answer(questions):
    text = "## 1.\n\n> Ur planen:\n> ## 2. Mål\n\n- punkt\n  ## 3.\n\nSista stycket.\n"
    (answer,) = parse_answers(text, questions)
    assert answer.text == "> Ur planen:\n> ## 2. Mål\n\n- punkt\n  ## 3.\n\nSista stycket."


def test_a_paragraph_underlined_with_dashes_stays_in_the_answer(questions):
    (answer,) = parse_answers("## 1.\n\nVi har tre mål\n---\n\nOch en plan.\n", questions)
    assert answer.text == "Vi har tre mål\n---\n\nOch en plan."


def test_documents_list_is_parsed_and_not_part_of_the_answer(questions):
    text = (
        "## 2.\n\nJa, beslutad 2024.\n\n### Dokument\n\n"
        "- Handlingsplan 2025–2027\n- Aktivitetsplan\n  2026\n1. numrerad går också\n\n"
        "## 3\n\nÅrligen.\n"
    )
    first, second = parse_answers(text, questions)
    assert first.text == "Ja, beslutad 2024."
    assert first.documents == ("Handlingsplan 2025–2027", "Aktivitetsplan 2026", "numrerad går också")
    assert (second.text, second.documents) == ("Årligen.", ())


def test_text_after_the_documents_list_is_an_error_with_its_line(questions):
    with pytest.raises(ImportFileError, match=r"^<text>:7: "):
        parse_answers("## 1.\n\n### Dokument\n\n- Plan\n\nEtt stycke efteråt.\n", questions)


# ------------------------------------------------------------------ errors


def test_unknown_question_number_names_its_line(tmp_path, questions):
    error = error_of(write(tmp_path, "# Svar\n\n## 1.\nJa.\n\n## 18.\nNej.\n"), questions)
    assert error.line == 6
    assert "18" in error.message


def test_unknown_question_text_names_its_line(tmp_path, questions):
    error = error_of(write(tmp_path, "## 1.\nJa.\n\n## Finns det en budget?\nNej.\n"), questions)
    assert error.line == 4
    assert "Finns det en budget?" in error.message


def test_question_given_twice_names_both_lines(tmp_path, questions):
    text = "## 2.\nJa.\n\n## 3.\nÅrligen.\n\n## Finns det en handlingsplan och hur ser den ut?\nIgen.\n"
    error = error_of(write(tmp_path, text), questions)
    assert error.line == 7
    assert "rad 1" in error.message


def test_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte(tmp_path, questions):
    data = "## 1.\n\nDet hälsofrämjande arbetet\n".encode() + "är organiserat i förvaltningen.\n".encode("latin-1")
    error = error_of(write(tmp_path, data), questions)
    assert error.line == 4
    assert "UTF-8" in error.message


def test_empty_file_is_an_error(tmp_path, questions):
    error = error_of(write(tmp_path, b""), questions)
    assert (error.line, error.message) == (1, "filen är tom")


def test_file_of_blank_lines_is_empty_too(tmp_path, questions):
    assert error_of(write(tmp_path, "\n  \n\t\n"), questions).message == "filen är tom"


def test_file_larger_than_5_mb_is_refused_before_reading(tmp_path, questions):
    path = write(tmp_path, b"## 1.\n" + b"x" * MAX_BYTES)
    error = error_of(path, questions)
    assert "5 MB" in error.message


def test_file_of_exactly_5_mb_is_read(tmp_path, questions):
    head = b"## 1.\n\n"
    path = write(tmp_path, head + b"x" * (MAX_BYTES - len(head)))
    (answer,) = read_answers(path, questions)
    assert len(answer.text) == MAX_BYTES - len(head)


def test_file_without_question_headings_is_an_error(tmp_path, questions):
    error = error_of(write(tmp_path, "# Svar från Region Nordmark\n\nVi svarar senare.\n"), questions)
    assert "frågerubriker" in error.message


def test_missing_file_is_one_line(tmp_path, questions):
    error_of(tmp_path / "finns-inte.md", questions)


# ------------------------------------------------------------------ assessments


def test_plus_and_minus_items_become_assessments(tmp_path, questions):
    text = (
        "# Bedömning\n\n## 1.\n\n"
        "+ Tydlig placering.\n+ Bra styrgrupp,\n  med HR.\n"
        "- Ordförandet har bytts\n  tre gånger.\n\n"
        "## 2\n\n- Saknar mätbara mål.\n"
    )
    items = read_assessments(write(tmp_path, text), questions)
    assert [(i.question.number, i.sign, i.comment, i.line) for i in items] == [
        ("1", Sign.PLUS, "Tydlig placering.", 5),
        ("1", Sign.PLUS, "Bra styrgrupp, med HR.", 6),
        ("1", Sign.MINUS, "Ordförandet har bytts tre gånger.", 8),
        ("2", Sign.MINUS, "Saknar mätbara mål.", 13),
    ]


def test_a_nested_list_stays_inside_its_assessment(questions):
    text = "## 1.\n+ Styrka\n  * med detalj\n- Svaghet\n  1. första\n  2. andra\n"
    items = parse_assessments(text, questions)
    assert [(i.sign, i.comment, i.line) for i in items] == [
        (Sign.PLUS, "Styrka med detalj", 2),
        (Sign.MINUS, "Svaghet första andra", 4),
    ]


def test_a_numbered_list_is_not_an_assessment(questions):
    with pytest.raises(ImportFileError, match=r"^<text>:3: "):
        parse_assessments("## 1.\n\n1. Styrka\n", questions)


def test_star_bullets_are_rejected_in_assessments(tmp_path, questions):
    error = error_of(write(tmp_path, "## 1.\n\n+ bra\n\n* oklart\n"), questions, read_assessments)
    assert error.line == 5
    assert "'*'" in error.message


def test_paragraph_outside_a_list_is_rejected_with_its_line(tmp_path, questions):
    error = error_of(write(tmp_path, "## 1.\n\n+ bra\n\nLöpande text.\n"), questions, read_assessments)
    assert error.line == 5


def test_assessment_file_errors_for_unknown_questions_too(tmp_path, questions):
    assert error_of(write(tmp_path, "## 99.\n+ bra\n"), questions, read_assessments).line == 1


# ------------------------------------------------------------------ encodings and line endings


def test_windows_line_endings_and_a_bom_are_accepted(tmp_path, questions):
    unix = "# Svar\n\n## 1.\n\nFörsta raden\nandra raden.\n\n### Dokument\n\n- Plan\n\n## 2.\n\nJa.\n"
    windows = write(tmp_path, b"\xef\xbb\xbf" + unix.replace("\n", "\r\n").encode(), "windows.md")
    assert read_answers(windows, questions) == read_answers(write(tmp_path, unix, "unix.md"), questions)
    assert read_answers(windows, questions)[0].text == "Första raden\nandra raden."


def test_line_numbers_stay_right_with_windows_line_endings_and_a_bom(tmp_path, questions):
    path = write(tmp_path, b"\xef\xbb\xbf## 1.\r\nJa.\r\n\r\n## 40.\r\n")
    assert error_of(path, questions).line == 4


def test_assessments_with_windows_line_endings(tmp_path, questions):
    path = write(tmp_path, b"\xef\xbb\xbf## 1.\r\n\r\n+ bra\r\n- mindre bra\r\n")
    items = read_assessments(path, questions)
    assert [(i.sign, i.comment) for i in items] == [(Sign.PLUS, "bra"), (Sign.MINUS, "mindre bra")]


# ------------------------------------------------------------------ the answer template


def test_answer_template_reads_back_empty_and_imports_nothing(tmp_path, store: Store, review, questions):
    party = store.parties(review.id)[0]
    path = write(tmp_path, answer_template(party.name, questions))
    answers = read_answers(path, questions)
    assert [a.question.id for a in answers] == [q.id for q in questions]
    assert all(a.text == "" and a.documents == () for a in answers)
    assert store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers]) == 0
    assert store.answers(review.id) == {} and store.documents(party.id) == []


def test_a_filled_in_answer_template_imports_without_its_hints(store: Store, review, questions):
    party = store.parties(review.id)[0]
    template = answer_template(party.name, questions)
    assert "> - Finns det en styrgrupp?\n" in template  # the sub-questions are visible, as a quoted list
    filled = template.replace(
        "> - Vilka övriga funktioner ingår i styrgruppen?\n",
        "> - Vilka övriga funktioner ingår i styrgruppen?\n\nJa, sedan 2019.\n",
    ).replace("### Dokument\n", "### Dokument\n\n- Arbetsordning\n", 1)
    answers = parse_answers(filled, questions)
    assert (answers[0].text, answers[0].documents) == ("Ja, sedan 2019.", ("Arbetsordning",))
    assert store.import_answers(party.id, [(a.question.id, a.text, a.documents) for a in answers]) == 1


def test_an_answer_file_from_an_older_template_still_drops_its_comment_hints(questions):
    text = "## 1.\n\n<!-- Finns det en styrgrupp? -->\nJa, sedan 2019.\n"
    assert parse_answers(text, questions)[0].text == "Ja, sedan 2019."


def test_a_quote_that_is_not_the_sub_questions_stays_part_of_the_answer(questions):
    text = "## 1.\n\n> - Finns det en styrgrupp?\n> - Något annat citat\n\nSvar.\n\n> Ett citat ur planen.\n"
    answer = parse_answers(text, questions)[0].text
    assert answer == "> - Finns det en styrgrupp?\n> - Något annat citat\n\nSvar.\n\n> Ett citat ur planen."


# ------------------------------------------------------------ every problem at once


def test_every_problem_of_an_answer_file_is_reported_at_once_in_one_line(tmp_path, questions):
    text = "## 1.\nJa.\n\n## 18.\nNej.\n\n## 1.\nIgen.\n\n## Finns det en budget?\nNej.\n"
    error = error_of(write(tmp_path, text), questions)
    assert [(p.line, p.source) for p in error.problems] == [(line, str(tmp_path / "svar.md")) for line in (4, 7, 10)]
    message = str(error)
    assert "3 fel" in message and "rad 4:" in message and "rad 7:" in message and "rad 10:" in message


def test_every_problem_of_an_assessment_file_is_reported_at_once(tmp_path, questions):
    text = "## 1.\n* stjärna\n\nEtt stycke.\n\n## 2.\n+ Bra\n\n## 77.\n- x\n"
    error = error_of(write(tmp_path, text, "bedomning.md"), questions, read_assessments)
    assert [p.line for p in error.problems] == [2, 4, 9]


def test_at_most_twenty_problems_are_collected(tmp_path, questions):
    text = "".join(f"## {100 + n}.\nx\n\n" for n in range(30))
    error = error_of(write(tmp_path, text), questions)
    assert len(error.problems) == 20
    assert "minst 20 fel" in str(error)


def test_one_problem_is_the_plain_one_line_error(tmp_path, questions):
    error = error_of(write(tmp_path, "## 1.\nJa.\n\n## 18.\nNej.\n"), questions)
    assert not hasattr(error, "problems") and error.line == 4


def test_a_heading_whose_number_and_text_name_two_questions_is_a_problem():
    """`## 12. <question 7's text>` was stored under question 12 without a word: which one is meant?"""
    from hfs_tui.importers import ImportFileError, parse_answers
    from hfs_tui.model import Question

    questions = [Question(n, 1, n, str(n), f"Fråga nummer {n}?") for n in range(1, 13)]
    text = "## 12. Fråga nummer 7?\n\nSvar\n"
    with pytest.raises(ImportFileError, match="nummer 12 men texten för fråga 7"):
        parse_answers(text, questions)
    assert parse_answers("## 7. Fråga nummer 7?\n\nSvar\n", questions)  # number and text agree
