"""Start-up time: whole process, start to exit after the first screen is drawn, against a minimal Textual app.

Each run is a fresh process: `python -m hfs_tui --db X` (home) or `python -m hfs_tui demo --db X` (the
meeting screen), and benchmarks/minimal_app.py (one Label), each with HFS_TUI_BENCH_EXIT_AFTER_FIRST_PAINT
set: headless, exit as soon as the first screen is drawn. The commands run in turn (minimal, home, demo,
minimal, ...) with the same Python, and the ratio is taken pair by pair, so a machine whose speed drifts
(shared cores) still compares like with like. Medians with min-max ranges are printed.

`--cli` measures the command line instead: `hfs-tui --version`, `--help` and `list` as fresh
processes (wall clock, process start to exit), with the number of modules each one imports.

    python benchmarks/startup.py [--runs 10] [--cli]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = str(Path(__file__).with_name("minimal_app.py"))
BENCH_ENV = {**os.environ, "HFS_TUI_BENCH_EXIT_AFTER_FIRST_PAINT": "1"}


def time_once(*argv: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], capture_output=True, check=True, env=BENCH_ENV, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


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
        subprocess.run([sys.executable, "-m", "hfs_tui", "import-sample", "--db", db], capture_output=True, check=True)
        commands = {
            "minimal Textual app (one Label)": [MINIMAL_APP],
            "hfs-tui home, sample review": ["-m", "hfs_tui", "--db", db],
            "hfs-tui demo (meeting screen)": ["-m", "hfs_tui", "demo", "--db", db],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():
            time_once(*argv)  # warm the file cache
        for _ in range(runs):
            for name, argv in commands.items():
                times[name].append(time_once(*argv))
    print(f"start-up, whole process to first screen drawn, {runs} runs each in turn (Python {sys.version.split()[0]})")
    for name, values in times.items():
        print(summary(name, values))
    minimal = times["minimal Textual app (one Label)"]
    for label, name in (("home", "hfs-tui home, sample review"), ("demo", "hfs-tui demo (meeting screen)")):
        ratios = [a / b for a, b in zip(times[name], minimal)]
        print(
            f"ratio pair by pair, {label} / minimal: median {statistics.median(ratios):.2f}"
            f"  (min {min(ratios):.2f}, max {max(ratios):.2f})"
        )


if __name__ == "__main__":
    main()
