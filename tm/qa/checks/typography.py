"""Typography of the target language: French spacing and apostrophes, no French spacing in English.

French (Imprimerie nationale, and the UN French style): a no-break space (U+00A0)
or narrow no-break space (U+202F) goes before ; : ! ? and inside « »; an ordinary
space there lets a line break strand the mark, and no space at all is wrong. A
segment should not mix straight (') and typographic (’) apostrophes. In English
targets the opposite holds: no space before ; : ! ? (a French habit carried over).
Marks inside URLs, times and ratios ("http://", "10:30") are not typography.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tm.qa.model import Check, Context, Pair

_NO_BREAK = "\u00a0\u202f"
_HIGH_MARKS = regex.compile(r"[;:!?]")
_URL = regex.compile(r"\b(?:https?|ftp|mailto|file)://\S+|\bwww\.\S+|\S+@\S+\.\w+", regex.I)
_STRAIGHT_APOSTROPHE = regex.compile(r"(?<=\p{L})'(?=\p{L})")
_CURLY_APOSTROPHE = regex.compile(r"(?<=\p{L})’(?=\p{L})")


def _mask_urls(text: str) -> str:
    """Replace URLs and e-mail addresses with letters of the same length (offsets kept)."""
    if "/" not in text and "@" not in text and "www" not in text:
        return text
    return _URL.sub(lambda match: "x" * len(match.group()), text)


def _french(text: str) -> Iterator[str]:
    text = _mask_urls(text)
    for match in _HIGH_MARKS.finditer(text):
        at = match.start()
        before = text[at - 1] if at else ""
        after = text[at + 1: at + 2]
        if not before or before in ";:!?.…(" or before in _NO_BREAK:
            continue
        if before.isdigit() and after.isdigit():  # 10:30, 3:1
            continue
        mark = match.group()
        if before.isspace():
            yield f"ordinary space before '{mark}' (use a no-break space)"
        else:
            yield f"missing no-break space before '{mark}'"
    for match in regex.finditer(r"«(.)|(.)»", text):
        inside = match.group(1) if match.group(1) is not None else match.group(2)
        mark = "«" if match.group(1) is not None else "»"
        if inside in _NO_BREAK:
            continue
        side = "after" if mark == "«" else "before"
        if inside.isspace():
            yield f"ordinary space {side} '{mark}' (use a no-break space)"
        else:
            yield f"missing no-break space {side} '{mark}'"
    if "'" in text and "’" in text and _STRAIGHT_APOSTROPHE.search(text) \
            and _CURLY_APOSTROPHE.search(text):
        yield "mixes straight (') and typographic (’) apostrophes"


def _english(text: str) -> Iterator[str]:
    text = _mask_urls(text)
    for match in regex.finditer(r"[ \u00a0\u202f\u2009]([;:!?])", text):
        start = match.start()
        if start and text[start - 1] in ";:!?":
            continue
        yield f"space before '{match.group(1)}' (French spacing in an English target)"


def typography(pair: Pair, context: Context) -> Iterator[str]:
    """French spacing and apostrophes in French targets; no French spacing in English ones."""
    target = pair.target
    if not target.strip():
        return
    if context.target_lang == "fr":
        seen: set[str] = set()
        for message in _french(target):
            if message not in seen:
                seen.add(message)
                yield message
    elif context.target_lang == "en" and any(mark in target for mark in ";:!?"):
        seen = set()
        for message in _english(target):
            if message not in seen:
                seen.add(message)
                yield message


CHECKS = (
    Check("typography", "warning",
          "French: no-break space before ; : ! ? and inside « », one apostrophe style; "
          "English: no space before ; : ! ?", typography),
)
