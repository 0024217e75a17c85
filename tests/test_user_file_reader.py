"""`files.read_user_file`, the one reader of a user's file, and the characters an import file may hold."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from hfs_tui.errors import HfsError
from hfs_tui.files import MAX_BYTES, ImportFileError, read_user_file
from hfs_tui.importers import parse_answers, read_answers, read_assessments, read_text
from hfs_tui.store import Store

HOSTILE = "svar\x1b]0;ägd\x07\x9b2J.md"


def refusal(path: str | Path, **kwargs) -> ImportFileError:
    with pytest.raises(ImportFileError) as excinfo:
        read_user_file(path, **kwargs)
    message = str(excinfo.value)
    assert "\n" not in message
    assert message.startswith((f"{path}:", f"{excinfo.value.source}:"))
    assert isinstance(excinfo.value, HfsError)
    return excinfo.value


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "svar.md"
    path.write_bytes(b"## 1.\nJa.\n")
    assert read_user_file(path) == b"## 1.\nJa.\n"


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "stor.md"
    path.write_bytes(b"x" * 100)
    assert read_user_file(path, limit=100) == b"x" * 100
    path.write_bytes(b"x" * 101)
    assert "högst" in refusal(path, limit=100).message


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "rör.md"
    os.mkfifo(fifo)
    result: list[BaseException] = []
    worker = threading.Thread(target=lambda: result.append(_catch(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(result[0], ImportFileError)
    assert "ingen vanlig fil" in result[0].message


def _catch(path: Path) -> BaseException | None:
    try:
        read_user_file(path)
    except BaseException as error:  # noqa: BLE001 - handed to the test thread
        return error
    return None


def test_a_device_is_refused_and_never_read():
    assert "ingen vanlig fil" in refusal("/dev/zero").message


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "ingen vanlig fil" in refusal(path).message
    finally:
        server.close()


def test_a_folder_is_refused(tmp_path):
    assert refusal(tmp_path).message == "är en mapp, inte en fil"


def test_a_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop.md"
    os.symlink(loop, loop)
    assert "symboliska länkar" in refusal(loop).message


def test_a_name_too_long_is_refused(tmp_path):
    assert refusal(tmp_path / ("x" * 300 + ".md")).message == "filnamnet är för långt"


def test_a_file_used_as_a_folder_is_refused(tmp_path):
    file = tmp_path / "file.md"
    file.write_text("x", encoding="utf-8")
    assert refusal(file / "x.md").message == "en del av sökvägen är inte en mapp"


def test_a_missing_file_is_refused(tmp_path):
    assert refusal(tmp_path / "saknas.md").message == "filen finns inte"


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "hemlig.md"
    path.write_text("x", encoding="utf-8")

    def denied(*args):  # chmod 0 would not stop root, who runs these tests in CI
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", denied)
    assert refusal(path).message == "saknar behörighet att läsa filen"


def test_a_large_file_is_read_no_further_than_the_limit_and_one_byte(tmp_path, monkeypatch):
    path = tmp_path / "växande.md"
    path.write_bytes(b"x" * 3_000_000)
    real_read, total = os.read, []

    def counting(fd, n):
        data = real_read(fd, n)
        total.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting)
    refusal(path, limit=1000)
    assert sum(total) == 1001


def test_eio_and_other_errors_become_one_line_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "trasig.md"
    path.write_text("x", encoding="utf-8")

    def broken(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", broken)
    error = refusal(path)
    assert error.message == "kan inte läsa filen (Input/output error)"


def test_the_file_name_is_shown_without_control_characters(tmp_path):
    error = refusal(tmp_path / HOSTILE)
    assert "\x1b" not in str(error) and "\x07" not in str(error) and "\x9b" not in str(error)
    assert "␛]0;ägd␇" in str(error)
    assert error.path.endswith(HOSTILE)


# ------------------------------------------------------------------ characters in the data


@pytest.fixture
def questions():
    store = Store.memory()
    review = store.create_review("region", "Region Nordmark", "Region Söderås")
    yield store.questions(review.id)
    store.close()


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 (NUL)"),
        ("\x1b", "U+001B (ESC)"),
        ("\x07", "U+0007 (BEL)"),
        ("\x7f", "U+007F (DEL)"),
        ("\x9b", "U+009B (CSI)"),
        ("\x9d", "U+009D (OSC)"),
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ],
)
def test_a_control_character_in_the_data_refuses_the_whole_file_naming_line_and_character(
    tmp_path, questions, char, name
):
    path = tmp_path / "svar.md"
    path.write_text(f"## 1.\n\nJa.\n\n## 2.\n\nEtt{char}svar.\n", encoding="utf-8")
    for reader in (read_answers, read_assessments):
        with pytest.raises(ImportFileError) as excinfo:
            reader(path, questions)
        assert str(excinfo.value).startswith(f"{path}:7: tecknet {name} ")
        assert "inget har lästs in" in str(excinfo.value)


def test_tab_newline_and_carriage_return_are_fine(tmp_path, questions):
    path = tmp_path / "svar.md"
    path.write_bytes(b"## 1.\r\n\r\nJa,\tsedan 2019.\rOch mer.\r\n")
    assert read_answers(path, questions)[0].text == "Ja,\tsedan 2019.\nOch mer."


def test_zero_width_characters_and_marks_are_stripped(tmp_path, questions):
    path = tmp_path / "svar.md"
    path.write_text("## 1.\n\nJa\u200b, sedan\u200e 2019\ufeff.\u200d\n", encoding="utf-8")
    assert read_text(path) == "## 1.\n\nJa, sedan 2019.\u200d\n"  # ZWJ stays (emoji need it)
    assert read_answers(path, questions)[0].text == "Ja, sedan 2019.\u200d"


def test_the_sample_files_hold_no_refused_character(questions):
    root = Path(__file__).resolve().parent.parent / "sample_data"
    for path in root.glob("*/*.md"):
        assert read_text(path) == path.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_parse_answers_of_text_is_unchanged_by_the_reader(questions):
    assert parse_answers("## 1.\n\nJa.\n", questions)[0].text == "Ja."


def test_max_bytes_is_five_megabytes():
    assert MAX_BYTES == 5 * 1024 * 1024
