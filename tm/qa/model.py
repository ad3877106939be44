"""The plain values QA passes around: a segment pair, a finding, a check, the run's context.

Checks are small functions, so everything they need arrives in two frozen values
(the :class:`Pair` and the :class:`Context`) and everything they say leaves as
messages the runner turns into :class:`Finding` rows; that keeps each check easy
to test alone and lets the runner split the work over processes by pickling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tm.errors import TmError

#: Severities from mildest to gravest; ``--fail-on`` compares positions in this tuple.
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


class QaInputError(TmError):
    """Bad input or usage for ``tm qa`` (exit code 2, as opposed to 1 for failed gates)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Pair:
    """One segment pair under review, numbered from 1 in input order.

    ``reference`` is the reference translation used by the metrics (None when the
    run has no references); ``location`` says where the pair came from
    (``file.po:12``) so a reviser can find it.
    """

    number: int
    source: str
    target: str
    reference: str | None = None
    location: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault found by one check in one segment."""

    segment: int
    check: str
    severity: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "segment": self.segment,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Context:
    """What every check may consult: the languages (primary subtags) and the glossary.

    ``glossary`` is any object with ``scan(text, lang)`` returning matches that carry
    a concept id (see :mod:`tm.qa.checks.terminology`); None disables terminology.
    """

    source_lang: str
    target_lang: str
    glossary: Any = None


#: A segment check: one pair in, messages out (empty when the pair is fine).
SegmentCheck = Callable[[Pair, Context], Iterable[str]]
#: A corpus check: all pairs in, (segment number, message) out.
CorpusCheck = Callable[[Sequence[Pair], Context], Iterable[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: its id (for ``--disable``), severity, one-line description.

    ``scope`` is ``"segment"`` (``function(pair, context)``, run on each pair, in
    parallel) or ``"corpus"`` (``function(pairs, context)``, for checks that compare
    segments with one another).
    """

    id: str
    severity: str
    description: str
    function: Callable[..., Iterable[Any]] = field(repr=False, compare=False)
    scope: str = "segment"

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"check {self.id}: unknown severity {self.severity!r}")
        if self.scope not in ("segment", "corpus"):
            raise ValueError(f"check {self.id}: unknown scope {self.scope!r}")
