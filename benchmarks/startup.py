"""Start-up time: process start to first screen ready, hfs-tui against a minimal Textual app.

Each run is a fresh process (python -c ...) that runs the app headless and, when Textual posts
Ready (first screen composed and drawn), prints the wall-clock time and exits. Both apps are measured
alternately in one run, so the ratio compares like with like.

`--cli` measures the command line instead: `hfs-tui --version`, `--help` and `list` as fresh
processes (wall clock, process start to exit), with the number of modules each one imports.

    python benchmarks/startup.py [--runs 10] [--cli]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL = """
import time
from textual.app import App
from textual.widgets import Label
class Minimal(App):
    def compose(self):
        yield Label("hej")
    def on_ready(self):
        print(time.time(), flush=True)
        self.exit()
Minimal().run(headless=True)
"""

HFS_TUI = """
import sys, time
from hfs_tui.app import HfsApp
from hfs_tui.store import Store
class Timed(HfsApp):
    def on_ready(self):
        print(time.time(), flush=True)
        self.exit()
Timed(Store.open(sys.argv[1]), review_id={review}).run(headless=True)
"""


def time_once(code: str, *args: str) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1]) - start


def summary(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"{name:<34} min {min(ms):7.1f} ms   median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms"


MODULES = """
import sys
from hfs_tui import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
print(len(sys.modules), file=sys.stderr)
"""


def cli_startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        subprocess.run([sys.executable, "-m", "hfs_tui", "import-sample", "--db", db], capture_output=True, check=True)
        print(f"hfs-tui command start-up, process start to exit, {runs} runs each (Python {sys.version.split()[0]})")
        for argv in (["--version"], ["--help"], ["list", "--db", db]):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "hfs_tui", *argv], capture_output=True, check=True)
                times.append(time.perf_counter() - start)
            counted = subprocess.run([sys.executable, "-c", MODULES, *argv], capture_output=True, text=True, check=True)
            modules = counted.stderr.strip().splitlines()[-1]
            print(summary(f"hfs-tui {argv[0]}", times) + f"   {modules} modules")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cli", action="store_true", help="measure the command line, not the app")
    options = parser.parse_args()
    runs = options.runs
    if options.cli:
        cli_startup(runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        review_id = subprocess.run(
            [sys.executable, "-m", "hfs_tui.cli", "import-sample", "--db", db],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        home, meeting, minimal = [], [], []
        time_once(MINIMAL)  # warm the file cache for both
        time_once(HFS_TUI.format(review="None"), db)
        for _ in range(runs):
            minimal.append(time_once(MINIMAL))
            home.append(time_once(HFS_TUI.format(review="None"), db))
            meeting.append(time_once(HFS_TUI.format(review=review_id), db))
    print(f"start-up to first screen ready, {runs} runs each (Python {sys.version.split()[0]})")
    print(summary("minimal Textual app (one Label)", minimal))
    print(summary("hfs-tui home, sample review", home))
    print(summary("hfs-tui demo (meeting screen)", meeting))
    print(f"ratio of medians, home / minimal:    {statistics.median(home) / statistics.median(minimal):.2f}")
    print(f"ratio of medians, meeting / minimal: {statistics.median(meeting) / statistics.median(minimal):.2f}")


if __name__ == "__main__":
    main()
