"""Match keys for glossary terms: what makes "Parties Prenantes" find "partie prenante".

Translators type terms the way they come: capitals or not, with or without
accents, with a typographic apostrophe (’) or a straight one, with a hyphen or a
space ("multi-stakeholder", "multistakeholder"), singular or plural. Every form in
the glossary and every query is reduced to the same *key*: accents and case
removed, apostrophes, hyphens and punctuation turned into word breaks, each word
reduced by a light plural stemmer for its language, and the words joined without
spaces (so "e-mail", "e mail" and "email" agree).

The stemmer only strips plural endings; it is applied to the glossary and to the
query alike, so it only has to be consistent, not linguistically perfect.
Words of three letters or fewer are never stemmed ("des", "les", "bus", "IPs"
stays "ips" — abbreviations carry their own plural rule below).
"""

from __future__ import annotations

import re
import unicodedata

#: Letters that Unicode decomposition does not split but French spells both ways.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})

#: A word: letters and digits. Apostrophes (' ’ ʼ ‘), hyphens (- ‐ ‑ – —), dots
#: and spaces all separate words, which is what makes their style irrelevant.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def primary_language(tag: str) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased: "fr-FR" -> "fr", "EN" -> "en".

    Returns "" when ``tag`` is not shaped like a language tag, so callers can
    report it; the underscore form ("fr_FR") is accepted on input only.
    """
    tag = tag.strip()
    if not _LANGUAGE_TAG.match(tag):
        return ""
    return re.split(r"[-_]", tag, maxsplit=1)[0].lower()


def strip_accents(text: str) -> str:
    """Remove diacritics but keep letters and their case ("Karklinš" -> "Karklins")."""
    text = text.translate(_LIGATURES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Accent- and case-free form of ``text``, punctuation kept (for display matching)."""
    return strip_accents(text).casefold()


def stem_word(word: str, lang: str) -> str:
    """Reduce one folded word to a plural-free stem for ``lang`` ("fr", "en", other)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if lang == "en":
        if word.endswith(("ss", "us", "is")):
            return word
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes")):
            return word[:-2]
        if word.endswith("s"):
            return word[:-1]
        return word
    if lang == "fr":
        if word.endswith("eaux"):
            return word[:-1]
        if word.endswith("aux") and len(word) > 4:
            return word[:-3] + "al"
        if word.endswith(("s", "x")) and not word.endswith("ss"):
            return word[:-1]
        return word
    # Other languages: strip a final "s" only, a safe common denominator.
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text`` (no stemming)."""
    return _WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of ``text``, offsets into ``text``.

    Folding never changes the length of a word of the original text in a way that
    matters here: offsets come from the original string, the folded form from the
    matched slice.
    """
    return [(match.start(), match.end(), fold(match.group())) for match in _WORD.finditer(text)]


def stems(text: str, lang: str) -> list[str]:
    """The stemmed folded words of ``text``."""
    return [stem_word(word, lang) for word in words(text)]


def match_key(text: str, lang: str) -> str:
    """The key under which a term is indexed and a query looked up."""
    return "".join(stems(text, lang))


def spaced_key(text: str, lang: str) -> str:
    """Like :func:`match_key` but with spaces between words (for fuzzy similarity)."""
    return " ".join(stems(text, lang))
