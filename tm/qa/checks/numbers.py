"""Numbers: every number of the source must reach the target with the same value.

What pofilter gets wrong for French: "1.5" in English is "1,5" in French (decimal
comma) and "10,000" is "10 000" (thousands separated by a space, often a no-break
or narrow no-break space). So each side is read with its own language's
conventions and every number becomes a canonical string ("1.5", "10000"); a
token that one could read two ways (French "1.500": a section number or, in a
copied table, one thousand five hundred) keeps every reading, and a source
number matches any target number sharing a reading. Integers lose leading zeros
("07" in a date is 7); decimals keep their digits as written (section "1.10" is
not "1.1"). Languages other than French are read with English conventions.
UN and Canadian French write per cent as "p. 100" (per mille "p. 1000"): "85 per
cent" is "85 p. 100", so that 100 is a unit, not a number to match.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

_SPACE = "[ \u00a0\u202f\u2009]"  # space, no-break, narrow no-break, thin
_EDGE_BEFORE = r"(?<![\d])"
_EDGE_AFTER = r"(?![\d])"

_FRENCH = regex.compile(
    _EDGE_BEFORE
    + r"(?:"
    + rf"(?P<spaced>\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?)"
    + r"|(?P<dotted>\d{1,3}(?:\.\d{3})+,\d+)"
    + r"|(?P<comma>\d+,\d+)"
    + r"|(?P<point>\d+(?:\.\d+)+)"
    + r"|(?P<integer>\d+)"
    + r")"
    + _EDGE_AFTER
)
_ENGLISH = regex.compile(
    _EDGE_BEFORE
    + r"(?:"
    + r"(?P<grouped>\d{1,3}(?:,\d{3})+(?:\.\d+)?)"
    + rf"|(?P<spaced>\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:\.\d+)?)"
    + r"|(?P<point>\d+(?:\.\d+)+)"
    + r"|(?P<integer>\d+)"
    + r")"
    + _EDGE_AFTER
)
_THOUSANDS_WITH_DOTS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_FRENCH_PER_CENT = regex.compile(rf"\bp\.{_SPACE}?(?:100|1{_SPACE}?000)(?!\d)")


def _canonical(number: str) -> str:
    """"0012" -> "12", "1.50" -> "1.50" (decimals as written, integers without leading zeros)."""
    whole, dot, fraction = number.partition(".")
    whole = whole.lstrip("0") or "0"
    return f"{whole}{dot}{fraction}"


def _readings(match: regex.Match, lang: str) -> frozenset[str]:
    kind, text = match.lastgroup, match.group()
    if kind == "spaced":
        digits = regex.sub(_SPACE, "", text)
        return frozenset({_canonical(digits.replace(",", ".") if lang == "fr" else digits)})
    if kind == "dotted":
        return frozenset({_canonical(text.replace(".", "").replace(",", "."))})
    if kind == "comma":
        return frozenset({_canonical(text.replace(",", "."))})
    if kind == "grouped":
        return frozenset({_canonical(text.replace(",", ""))})
    if kind == "point":
        readings = {_canonical(text)}
        if lang == "fr" and _THOUSANDS_WITH_DOTS.fullmatch(text):
            readings.add(_canonical(text.replace(".", "")))
        return frozenset(readings)
    return frozenset({_canonical(text)})


def numbers_in(text: str, lang: str) -> list[tuple[str, frozenset[str]]]:
    """The numbers of ``text`` as (as written, canonical readings), in order."""
    pattern = _FRENCH if lang == "fr" else _ENGLISH
    if lang == "fr" and "p." in text:
        text = _FRENCH_PER_CENT.sub("%", text)
    return [(m.group(), _readings(m, lang)) for m in pattern.finditer(text)]


def _unmatched(
    source: list[tuple[str, frozenset[str]]], target: list[tuple[str, frozenset[str]]]
) -> tuple[list[str], list[str]]:
    remaining = list(target)
    missing: list[str] = []
    # Most constrained first, so an ambiguous token does not steal another's only match.
    for written, readings in sorted(source, key=lambda item: len(item[1])):
        for index, (_, other) in enumerate(remaining):
            if readings & other:
                del remaining[index]
                break
        else:
            missing.append(written)
    return missing, [written for written, _ in remaining]


def numbers(pair: Pair, context: Context) -> Iterator[str]:
    """Numbers missing from the target, or present in the target only."""
    if not pair.target.strip():
        return
    source = numbers_in(pair.source, context.source_lang)
    target = numbers_in(pair.target, context.target_lang)
    if not source and not target:
        return
    missing, extra = _unmatched(source, target)
    parts = []
    if missing:
        parts.append("missing from the target: " + ", ".join(missing))
    if extra:
        parts.append("not in the source: " + ", ".join(extra))
    if parts:
        yield "numbers differ; " + "; ".join(parts)


CHECKS = (
    Check("numbers", "error",
          "numbers differ (French decimal commas and thousands spaces understood)", numbers),
)
