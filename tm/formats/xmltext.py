"""Text that is safe to write into XML 1.0, and a record of what had to go.

XML 1.0 forbids most C0 control characters, lone surrogates and U+FFFE/U+FFFF,
even as character references; a single one makes a strict reader reject the
whole file (OmegaT drops the entire TMX and still exits 0). They carry no
meaning in a sentence, so they are removed, and every removal is reported. The
markup spans over the text are shifted so they still cover the same characters.
"""

from __future__ import annotations

import re

from tm.model import Markup

#: Everything outside XML 1.0's ``Char`` production.
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(text: str) -> str:
    """Escape element content (``\\r`` too: a parser would turn a raw one into ``\\n``).

    Chained ``str.replace`` calls: each is one C scan, several times faster than
    ``str.translate`` with a mapping, and this runs for every value of every unit.
    """
    if "&" not in text and "<" not in text and ">" not in text and "\r" not in text:
        return text
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def escape_attribute(value: str) -> str:
    """Escape a double-quoted attribute value (whitespace kept: parsers normalise it)."""
    return escape_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def strip_illegal(text: str) -> tuple[str, str]:
    """Return ``text`` without XML-illegal characters, and the removed characters."""
    if ILLEGAL_XML_CHARS.search(text) is None:
        return text, ""
    removed = "".join(ILLEGAL_XML_CHARS.findall(text))
    return ILLEGAL_XML_CHARS.sub("", text), removed


def strip_illegal_with_markup(
    text: str, markup: tuple[Markup, ...]
) -> tuple[str, tuple[Markup, ...], str]:
    """Like :func:`strip_illegal`, moving markup offsets left past removed characters."""
    if ILLEGAL_XML_CHARS.search(text) is None:
        return text, markup, ""
    removed_at = [m.start() for m in ILLEGAL_XML_CHARS.finditer(text)]

    def shift(offset: int) -> int:
        return offset - sum(1 for position in removed_at if position < offset)

    cleaned, removed = strip_illegal(text)
    shifted = tuple(Markup(shift(m.start), shift(m.end), m.kind) for m in markup)
    return cleaned, shifted, removed
