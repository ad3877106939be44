"""Words: a word typed twice in a row, and the capital of the first letter.

French "nous nous", "vous vous" and English "had had", "that that" are grammatical,
so they are only flagged when the source does not repeat the same way. The first
letter is compared after leading punctuation, quotes, list markers and numbers
("1. ", "a) ", "iv) ", "« ") are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

_REPEAT = regex.compile(r"\b(\p{L}+)(?:\s+)(\1)\b", regex.I)
_GRAMMATICAL_REPEATS = {
    "fr": frozenset({"nous", "vous"}),
    "en": frozenset({"had", "that", "is"}),
}
_LEAD = regex.compile(r"^[\s\p{P}\p{S}\d]*(?:\p{Ll}{1,4}\)\s+)?[\s\p{P}\p{S}\d]*(\p{L})")


def repeated_words(pair: Pair, context: Context) -> Iterator[str]:
    """The same word twice in a row in the target (when the source has no such repeat)."""
    target = pair.target
    if not target.strip():
        return
    allowed = _GRAMMATICAL_REPEATS.get(context.target_lang, frozenset())
    for match in _REPEAT.finditer(target):
        word = match.group(1)
        if word.casefold() in allowed or word.isdigit():
            continue
        if _REPEAT.search(pair.source) and word.casefold() in pair.source.casefold().split():
            continue
        yield f"repeated word: '{match.group()}'"


def _first_letter(text: str) -> str:
    match = _LEAD.match(text)
    return match.group(1) if match else ""


def capitalisation(pair: Pair, context: Context) -> Iterator[str]:
    """The target's first letter is upper case where the source's is lower case, or vice versa."""
    if not pair.target.strip():
        return
    source, target = _first_letter(pair.source), _first_letter(pair.target)
    if not source or not target:
        return
    if source.isupper() != target.isupper() and (source.islower() or source.isupper()):
        expected = "upper" if source.isupper() else "lower"
        yield f"first letter '{target}' should be {expected} case, as in the source"


CHECKS = (
    Check("repeated-words", "warning", "the same word twice in a row", repeated_words),
    Check("capitalisation", "warning", "first letter's case differs from the source",
          capitalisation),
)
