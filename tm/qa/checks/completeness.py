"""Is there a translation at all: untranslated/empty targets, targets copied from the source."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

# A lower-case word of three letters or more: a source made only of names, codes,
# numbers and acronyms ("Terrence Wayne Burlingham", "WSIS", "A/60/150") is
# legitimately left as is, so only sources with ordinary words are flagged.
_ORDINARY_WORD = regex.compile(r"\b\p{Ll}{3,}\b")


def untranslated(pair: Pair, context: Context) -> Iterator[str]:
    """The target is empty (or only whitespace) while the source is not."""
    if pair.source.strip() and not pair.target.strip():
        yield "untranslated: the target is empty"


def identical(pair: Pair, context: Context) -> Iterator[str]:
    """The target is a copy of the source (a forgotten segment, or copy-source by mistake)."""
    source = pair.source.strip()
    if source and source == pair.target.strip() and _ORDINARY_WORD.search(source):
        yield "target identical to source"


CHECKS = (
    Check("untranslated", "error", "target empty or only whitespace", untranslated),
    Check("identical", "warning", "target identical to a source with ordinary words", identical),
)
