"""Java regular expressions (as SRX files hold them) for Python's ``regex`` package.

SRX rules are Java regexes. The ``regex`` package agrees with Java on almost all
of what segmentation rules use (``\\p{Lu}``, look-behind, possessive quantifiers,
atomic groups), but not on three things CAT-tool exports do contain:

- ``\\Q...\\E`` quoting, which ``regex`` does not know: the text is escaped;
- Java-only properties (``\\p{javaLowerCase}`` and friends): mapped to the Unicode
  properties Java defines them by;
- nested classes and intersections (``[a-z[A-Z]]``, ``[\\p{L}&&[^a]]``): ``regex``
  reads them only in its version-1 syntax, so a file that uses them is compiled
  with ``regex.V1`` (everything else stays in the default, Python-compatible V0).
"""

from __future__ import annotations

import regex

#: Java's ``java.lang.Character`` properties, by the Unicode property each means.
JAVA_PROPERTIES = {
    "javaLowerCase": "Ll",
    "javaUpperCase": "Lu",
    "javaTitleCase": "Lt",
    "javaLetter": "L",
    "javaDigit": "Nd",
    "javaAlphabetic": "Alphabetic",
    "javaIdeographic": "Ideographic",
    "javaWhitespace": "White_Space",
    "javaSpaceChar": "Z",
    "javaISOControl": "Cc",
    "javaMirrored": "Bidi_Mirrored",
}

_QUOTED = regex.compile(r"\\Q(.*?)(?:\\E|$)", regex.DOTALL)
_JAVA_PROPERTY = regex.compile(r"\\([pP])\{(java[A-Za-z]+)\}")


def translate(pattern: str) -> str:
    """A Java pattern rewritten so that ``regex`` reads it as Java does."""
    if "\\Q" in pattern:
        pattern = _QUOTED.sub(lambda match: regex.escape(match.group(1)), pattern)
    if "{java" in pattern:
        pattern = _JAVA_PROPERTY.sub(_property, pattern)
    return pattern


def _property(match: regex.Match) -> str:
    name = match.group(2)
    if name not in JAVA_PROPERTIES:
        raise regex.error(f"unknown Java property {name!r}")
    return f"\\{match.group(1)}{{{JAVA_PROPERTIES[name]}}}"


def needs_version1(pattern: str) -> bool:
    """True if the pattern nests a class in a class or intersects classes (Java syntax).

    In Java an unescaped ``[`` inside a class opens a nested class (a union), and
    ``&&`` intersects; in ``regex``'s default syntax both would be literal characters.
    """
    depth = 0
    escaped = False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            if depth:
                return True
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        elif char == "&" and depth and pattern.startswith("&&", position):
            return True
    return False
