"""The only package that talks to SQLite. Queries return model objects; every write is one transaction.

`Store` is the facade every caller uses (`from hfs_tui.store import Store, StoreError`); its methods live in
one mixin per part of the process:

- connection.py: opening, connection settings, `transaction()`; identity.py: the read-only check of an
  existing file before anything writes to it
- failures.py: every sqlite3.Error becomes a one-line StoreError (`guard` on every public method)
- reviews.py, parties.py, questions.py: the review and its setup (step 1)
- answers.py: answers, documents and assessments (steps 2-3)
- meetings.py: meetings, slots, timer events
- notes.py: meeting notes, their history and undo, report/share flags
- actions.py: improvement actions
- related.py: search across reviews (search.py) and what other reviews released for a question
- rows.py: rows into model objects; schema.py: the migrations
"""

from __future__ import annotations

from ..errors import StoreError
from .actions import ActionsMixin
from .answers import AnswersMixin
from .connection import BUSY_TIMEOUT_MS
from .failures import guard
from .parties import PartiesMixin
from .questions import QuestionsMixin
from .related import RelatedMixin
from .reviews import RECOVERABLE_DAYS, ReviewsMixin

__all__ = ["BUSY_TIMEOUT_MS", "RECOVERABLE_DAYS", "Store", "StoreError"]


@guard  # any sqlite3.Error from any public method becomes a one-line StoreError (failures.py)
class Store(ReviewsMixin, PartiesMixin, QuestionsMixin, AnswersMixin, ActionsMixin, RelatedMixin):
    """An open hfs-tui database. Open with `Store.open(path)` (or `Store.memory()` in tests)."""
