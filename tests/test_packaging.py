"""The built wheel carries the screens, styles, sample data and locale that live outside `hfs_tui/` in the tree
(a build backend can drop such folders silently; see DESIGN.md §2)."""

from __future__ import annotations

import fnmatch
import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS_MIN = (77,)


def _skip_reason() -> str | None:
    if importlib.util.find_spec("build") is None:
        return "the `build` module is not installed (pip install -e '.[test]' installs it)"
    try:
        import setuptools
    except ImportError:
        return "setuptools is not installed; the wheel is built with --no-isolation"
    version = tuple(int(part) for part in setuptools.__version__.split(".")[:1])
    if version < SETUPTOOLS_MIN:
        return f"setuptools {setuptools.__version__} is older than pyproject's build requirement (>= 77)"
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once per session, from a copy of the tree so no stale build/ folder leaks in."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(
        REPO_ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "tests", "hfs-export"
        ),
    )
    out = work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = out.glob("hfs_tui-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def has(names: list[str], pattern: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for name in names)


def test_wheel_contains_the_screens(wheel_names):
    screens = sorted(p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "screens").rglob("*.py"))
    assert screens
    for path in screens:
        assert "hfs_tui/" + path in wheel_names
    assert "hfs_tui/screens/meeting/screen.py" in wheel_names


def test_wheel_contains_the_styles(wheel_names):
    styles = sorted(p.name for p in (REPO_ROOT / "styles").glob("*.tcss"))
    assert styles
    for name in styles:
        assert f"hfs_tui/styles/{name}" in wheel_names
    assert "hfs_tui/styles/__init__.py" in wheel_names


def test_wheel_contains_the_sample_data(wheel_names):
    for sample in ("region", "vardcentral"):
        for name in ("review.toml", "answers-a.md", "answers-b.md", "assessments-of-a.md", "assessments-of-b.md"):
            assert f"hfs_tui/sample_data/{sample}/{name}" in wheel_names


def test_wheel_contains_the_locale_catalogues_and_the_core(wheel_names):
    assert "hfs_tui/locale/common.py" in wheel_names
    for module in (REPO_ROOT / "hfs_tui").glob("*.py"):
        assert f"hfs_tui/{module.name}" in wheel_names


def test_wheel_declares_the_console_script(wheel, wheel_names):
    (entry_points,) = [name for name in wheel_names if fnmatch.fnmatch(name, "hfs_tui-*.dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode()
    assert "hfs-tui = hfs_tui.cli:main" in text
    assert not has(wheel_names, "tests/*")
