"""Every problem of one import file at once (up to MAX_PROBLEMS), so one round of fixing is enough.

The parsers note a problem and go on with the next section; at the end `raise_if_any` raises the one
problem as it is, or an `ImportProblems` carrying all of them, whose message still fits one line
(`answers-a.md: 3 fel: rad 3: …; rad 7: …; rad 9: …`) so the CLI prints it as it prints every error.
"""

from __future__ import annotations

from .files import ImportFileError
from .i18n import t

MAX_PROBLEMS = 20


class ImportProblems(ImportFileError):
    """Several problems of one file; `problems` holds each as its own ImportFileError (file and line)."""

    def __init__(self, source: str, problems: list[ImportFileError], more: bool = False) -> None:
        self.problems = problems
        listed = "; ".join(
            t("import.problem_line", line=p.line, message=p.message) if p.line > 0 else p.message for p in problems
        )
        key = "import.problems_more" if more else "import.problems"
        super().__init__(source, 0, t(key, count=len(problems), problems=listed))


class Problems:
    """Collects a file's problems; stops the parse once MAX_PROBLEMS are found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[ImportFileError] = []

    def add(self, line: int, message: str) -> None:
        self.found.append(ImportFileError(self.source, line, message))
        if len(self.found) >= MAX_PROBLEMS:
            raise ImportProblems(self.source, self.found, more=True)

    def raise_if_any(self) -> None:
        self.found.sort(key=lambda problem: problem.line)  # headings are checked before the sections' bodies
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise ImportProblems(self.source, self.found)


def each_problem(error: ImportFileError) -> list[ImportFileError]:
    """The problems an import error stands for: its own list, or itself."""
    return list(getattr(error, "problems", None) or [error])
