"""Whitespace: doubled spaces inside the target, leading/trailing whitespace unlike the source."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

# Two or more spaces of any kind (space, no-break, narrow no-break, thin) in a row.
_DOUBLE = regex.compile(r"[ \u00a0\u202f\u2009]{2,}")


def double_space(pair: Pair, context: Context) -> Iterator[str]:
    """Two spaces in a row inside the target (not counting its ends)."""
    inner = pair.target.strip()
    if "  " not in inner and not any(c in inner for c in "\u00a0\u202f\u2009"):
        return
    for match in _DOUBLE.finditer(inner):
        yield f"double space at character {pair.target.index(inner) + match.start() + 1}"
        return


def _ends(text: str) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return "", ""
    start = text.index(stripped)
    return text[:start], text[start + len(stripped):]


def edge_whitespace(pair: Pair, context: Context) -> Iterator[str]:
    """The target begins or ends with whitespace the source does not have (or lacks it)."""
    if not pair.target.strip():
        return
    source_lead, source_trail = _ends(pair.source)
    target_lead, target_trail = _ends(pair.target)
    if source_lead != target_lead:
        yield f"leading whitespace differs: source {source_lead!r}, target {target_lead!r}"
    if source_trail != target_trail:
        yield f"trailing whitespace differs: source {source_trail!r}, target {target_trail!r}"


CHECKS = (
    Check("double-space", "warning", "two spaces in a row in the target", double_space),
    Check("whitespace", "warning", "leading/trailing whitespace differs from the source",
          edge_whitespace),
)
