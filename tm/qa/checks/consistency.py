"""Consistency across the file: one source translated two ways, one translation for two sources.

These compare segments with each other, so they run once over the whole file
(corpus scope). Whitespace and case differences are ignored when grouping, as
Xbench does; each later segment is reported against the first one of its group,
so a reviser sees where the variant starts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tm.qa.model import Check, Context, Pair


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _different_partners(
    pairs: Sequence[Pair], *, group_by: str, compare: str, what: str
) -> Iterator[tuple[int, str]]:
    first_seen: dict[str, tuple[int, str, str]] = {}
    for pair in pairs:
        group_text, other_text = getattr(pair, group_by), getattr(pair, compare)
        group, other = _key(group_text), _key(other_text)
        if not group or not other:
            continue
        seen = first_seen.setdefault(group, (pair.number, other, other_text))
        if seen[1] != other:
            yield pair.number, f"{what} segment {seen[0]} ({_quote(seen[2])})"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def inconsistent_target(pairs: Sequence[Pair], context: Context) -> Iterator[tuple[int, str]]:
    """The same source is translated differently elsewhere in the file."""
    return _different_partners(
        pairs, group_by="source", compare="target",
        what="same source translated differently in",
    )


def inconsistent_source(pairs: Sequence[Pair], context: Context) -> Iterator[tuple[int, str]]:
    """The same translation is used for a different source elsewhere in the file."""
    return _different_partners(
        pairs, group_by="target", compare="source",
        what="same translation used for a different source in",
    )


CHECKS = (
    Check("inconsistent-target", "warning", "same source, different translations",
          inconsistent_target, scope="corpus"),
    Check("inconsistent-source", "warning", "same translation for different sources",
          inconsistent_source, scope="corpus"),
)
