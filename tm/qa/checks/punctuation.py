"""Punctuation: the sentence-final mark, and brackets and quotes left open or closed twice.

End punctuation is compared by kind, after closing quotes and brackets and any
spaces (French puts a no-break space before "!") are set aside, so 'Il a dit : « Oui ! »'
and 'He said: "Yes!"' agree. "..." and "…" are the same mark.

Brackets and quotes are counted per family in both texts; the target is flagged
only when its balance differs from the source's, because a quotation opened in one
segment and closed in the next is unbalanced on both sides legitimately. French
« » and English “ ” are one family (a translation swaps them).
"""

from __future__ import annotations

from collections.abc import Iterator

from tm.qa.model import Check, Context, Pair

_TRAILING = " \u00a0\u202f\u2009\t\"'»”’)]}›"
_END_MARKS = {".": "period", "?": "question mark", "!": "exclamation mark", ":": "colon",
              ";": "semicolon", "…": "ellipsis", ",": "comma"}

#: family -> (opening characters, closing characters)
_FAMILIES = {
    "()": ("(", ")"),
    "[]": ("[", "]"),
    "{}": ("{", "}"),
    "« » / “ ”": ("«“„", "»”"),
}


def _end_mark(text: str) -> str:
    text = text.rstrip(_TRAILING)
    if text.endswith("..."):
        return "ellipsis"
    return _END_MARKS.get(text[-1:], "none") if text else "none"


def end_punctuation(pair: Pair, context: Context) -> Iterator[str]:
    """The target ends with a different mark than the source (or none where it has one)."""
    if not pair.target.strip() or not pair.source.strip():
        return
    source, target = _end_mark(pair.source), _end_mark(pair.target)
    if source != target:
        yield f"end punctuation differs: source ends with {source}, target with {target}"


def _balance(text: str, opening: str, closing: str) -> tuple[int, bool]:
    """(opened minus closed, whether a closing mark came before any opening one)."""
    depth, premature = 0, False
    for char in text:
        if char in opening:
            depth += 1
        elif char in closing:
            depth -= 1
            premature = premature or depth < 0
    return depth, premature


def brackets(pair: Pair, context: Context) -> Iterator[str]:
    """Brackets or quotes unpaired in the target where the source pairs them."""
    target = pair.target
    if not target.strip():
        return
    for family, (opening, closing) in _FAMILIES.items():
        if not any(char in target or char in pair.source for char in opening + closing):
            continue
        source_balance = _balance(pair.source, opening, closing)
        target_balance = _balance(target, opening, closing)
        if target_balance != source_balance and target_balance != (0, False):
            depth = target_balance[0]
            what = f"{depth} unclosed" if depth > 0 else f"{-depth} unopened"
            if depth == 0:
                what = "a closing mark before its opening one"
            yield f"unpaired {family} in the target ({what})"
    # A straight quote closing a typographic one opened in the source is not a fault:
    # only flag an odd count when every quote of the source is paired.
    opening, closing = _FAMILIES["« » / “ ”"]
    source_paired = _balance(pair.source, opening, closing) == (0, False)
    if target.count('"') % 2 and not pair.source.count('"') % 2 and source_paired:
        yield 'unpaired straight quotes (") in the target'


CHECKS = (
    Check("end-punctuation", "warning", "sentence-final punctuation differs", end_punctuation),
    Check("brackets", "warning", "unpaired brackets or quotes in the target", brackets),
)
