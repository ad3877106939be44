"""Language-tag helpers the exchange formats need, over :mod:`tm.langtag`.

Validation and canonical case live in :func:`tm.langtag.normalize_tag` (one rule
for the whole tool); this module adds what TMX and PO writers need on top:
comparing tags by language (an ``fr`` memory matches an ``fr-FR`` document) and
the POSIX spelling gettext's ``Language`` header uses (``fr_FR``), which must
never leak into TMX (OmegaT skips a unit tagged ``fr_FR``).
"""

from __future__ import annotations

from functools import lru_cache

from tm.langtag import normalize_tag as _normalize_tag
from tm.langtag import primary_language as _primary_language

__all__ = ["normalize_tag", "posix_locale", "primary_language", "same_language"]

# Readers and writers ask about the same few tags for every unit of a memory: cache
# the answers (a bad tag raises TmError, which is never cached).
normalize_tag = lru_cache(maxsize=512)(_normalize_tag)
primary_language = lru_cache(maxsize=512)(_primary_language)


@lru_cache(maxsize=1024)
def same_language(first: str, second: str) -> bool:
    """True when two tags name the same language, whatever their regions (``fr`` ~ ``fr-FR``)."""
    return primary_language(first) == primary_language(second)


def region(tag: str) -> str | None:
    """The region subtag of a tag (``en-GB`` -> ``GB``, ``es-419`` -> ``419``), if any."""
    for part in normalize_tag(tag).split("-")[1:]:
        if (len(part) == 2 and part.isalpha() and part.isupper()) or (
            len(part) == 3 and part.isdigit()
        ):
            return part
    return None


def posix_locale(tag: str) -> str:
    """The gettext spelling of a tag for a PO ``Language`` header (``fr-FR`` -> ``fr_FR``)."""
    place = region(tag)
    language = primary_language(tag)
    return f"{language}_{place}" if place else language
