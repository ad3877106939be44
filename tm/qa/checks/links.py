"""URLs and e-mail addresses: they are identifiers, so they must reach the target unchanged.

A URL's trailing sentence punctuation (the "." ending the sentence) is not part of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

_LINK = regex.compile(
    r"\b(?:https?|ftp)://[^\s<>\"«»“”]+"
    r"|\bwww\.[^\s<>\"«»“”]+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    regex.I,
)
_TRAILING = ".,;:!?)]}'’"


def links_in(text: str) -> Counter[str]:
    """The URLs and e-mail addresses of ``text``, without trailing punctuation."""
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return Counter()
    return Counter(match.group().rstrip(_TRAILING) for match in _LINK.finditer(text))


def links(pair: Pair, context: Context) -> Iterator[str]:
    """A URL or e-mail address of the source missing from the target, or one added."""
    if not pair.target.strip():
        return
    source, target = links_in(pair.source), links_in(pair.target)
    if source == target:
        return
    for link in sorted((source - target).elements()):
        yield f"URL/e-mail missing from the target: {link}"
    for link in sorted((target - source).elements()):
        yield f"URL/e-mail not in the source: {link}"


CHECKS = (Check("links", "error", "URLs or e-mail addresses differ", links),)
