"""The yardstick for start-up: a minimal Textual app with one Label (run by benchmarks/startup.py).

With HFS_TUI_BENCH_EXIT_AFTER_FIRST_PAINT set it behaves like hfs-tui under the benchmark: headless, and
it exits as soon as its first screen is drawn.
"""

import os

from textual.app import App
from textual.widgets import Label

BENCH = bool(os.environ.get("HFS_TUI_BENCH_EXIT_AFTER_FIRST_PAINT"))


class Minimal(App[None]):
    def compose(self):
        yield Label("hej")

    def on_ready(self) -> None:
        if BENCH:
            self.exit()


if __name__ == "__main__":
    Minimal().run(headless=BENCH)
