"""Look a term up: forgiving exact matching first, then "did you mean" suggestions.

An exact match is a match of keys (see :mod:`tm.glossary.normalize`): case,
accents, apostrophes, hyphens, spacing and plural endings do not matter, and
abbreviations are forms like any other. When nothing matches, suggestions come
from :mod:`difflib` similarity between spaced keys, plus a bonus for entries that
contain every word of the query ("gouvernance" suggests "gouvernance de
l'Internet"). ``difflib`` is in the standard library and costs ~3 ms to import
against ~20 ms for rapidfuzz; over a few thousand short keys it is fast enough
(measured in bench/glossary_lookup.py), and only runs when nothing matched.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tm.errors import TmError
from tm.glossary.glossary import Glossary
from tm.glossary.model import Concept
from tm.glossary.normalize import fold, match_key, primary_language, stem_word, words

#: Signs that a query is French: accented letters, elisions, function words.
_FRENCH_HINTS = re.compile(
    r"[àâçéèêëîïôûùüÿœ]|\b[ldjmnst][’']|\b(de|des|du|la|le|les|et|sur|pour)\b", re.IGNORECASE
)
_ENGLISH_HINTS = re.compile(r"\b(of|the|and|for|on|in)\b", re.IGNORECASE)


class Hit(NamedTuple):
    """A concept found for a query: ``form`` (in ``lang``) matched it."""

    concept: Concept
    lang: str
    form: str
    kind: str
    target_lang: str


class Suggestion(NamedTuple):
    """A near miss offered when nothing matched, with its similarity in [0, 1]."""

    concept: Concept
    lang: str
    form: str
    score: float
    target_lang: str


class LookupResult(NamedTuple):
    """What a lookup found: hits when the query matched, else suggestions."""

    query: str
    hits: tuple[Hit, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def found(self) -> bool:
        return bool(self.hits)


def guess_language(text: str, candidates: tuple[str, ...]) -> str:
    """A best guess between the glossary languages, for tie-breaking only."""
    if "fr" in candidates and _FRENCH_HINTS.search(text):
        return "fr"
    if "en" in candidates and _ENGLISH_HINTS.search(text):
        return "en"
    return candidates[0]


def lookup(
    glossary: Glossary,
    query: str,
    *,
    from_lang: str | None = None,
    to_lang: str | None = None,
    limit: int = 5,
) -> LookupResult:
    """Find ``query`` in the glossary, in ``from_lang`` or (default) in any language.

    When the query matches the same concept in several languages ("Bureau",
    "IPv6"), the language guessed from the query wins. ``to_lang`` defaults to
    the first other glossary language.
    """
    if not query.strip():
        raise TmError("empty query: give a term to look up")
    languages = _languages(glossary, from_lang)
    hits: list[Hit] = []
    for lang in languages:
        target = _target(glossary, lang, to_lang)
        query_words = words(query)
        # Report the form that matches the query as typed, if one does ("partie prenante").
        entries = sorted(glossary.entries(match_key(query, lang), lang),
                         key=lambda entry: words(entry.form) != query_words)
        for entry in entries:
            hits.append(Hit(entry.concept, lang, entry.form, entry.kind, target))
    if len({hit.lang for hit in hits}) > 1:
        preferred = guess_language(query, tuple(dict.fromkeys(hit.lang for hit in hits)))
        by_concept: dict[str, Hit] = {}
        for hit in hits:
            kept = by_concept.get(hit.concept.id)
            if kept is None or (hit.lang == preferred and kept.lang != preferred):
                by_concept[hit.concept.id] = hit
        hits = list(by_concept.values())
    hits = _unique(hits)
    if hits:
        return LookupResult(query, tuple(hits), ())
    return LookupResult(query, (), tuple(suggest(glossary, query, languages=languages,
                                                 to_lang=to_lang, limit=limit)))


def suggest(
    glossary: Glossary,
    query: str,
    *,
    languages: tuple[str, ...],
    to_lang: str | None = None,
    limit: int = 5,
    cutoff: float = 0.6,
) -> list[Suggestion]:
    """The ``limit`` concepts whose forms are closest to ``query`` (one per concept)."""
    from difflib import SequenceMatcher  # only when nothing matched

    best: dict[str, Suggestion] = {}
    for lang in languages:
        query_words = [stem_word(word, lang) for word in words(query)]
        spaced_query = " ".join(query_words)
        if not spaced_query:
            continue
        query_set = set(query_words)
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(spaced_query)
        target = _target(glossary, lang, to_lang)
        for entries in glossary.keys(lang).values():
            entry = entries[0]
            form_words = [stem_word(word, lang) for word in words(entry.form)]
            spaced_form = " ".join(form_words)
            matcher.set_seq1(spaced_form)
            score = 0.0
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                score = matcher.ratio()
            if query_set <= set(form_words):
                # Every query word is in the entry: a narrower or wider term.
                score = max(score, 0.7 + 0.3 * len(query_set) / len(set(form_words)))
            if score < cutoff:
                continue
            for each in entries:
                kept = best.get(each.concept.id)
                if kept is None or score > kept.score:
                    best[each.concept.id] = Suggestion(each.concept, lang, each.form, score, target)
    ranked = sorted(best.values(), key=lambda s: (-s.score, fold(s.form), s.concept.id))
    return ranked[:limit]


def _languages(glossary: Glossary, from_lang: str | None) -> tuple[str, ...]:
    if from_lang is None:
        return glossary.languages
    primary = primary_language(from_lang)
    if primary not in glossary.languages:
        raise TmError(f"language {from_lang!r} is not in the glossary "
                      f"(it has {', '.join(glossary.languages)})")
    return (primary,)


def _target(glossary: Glossary, lang: str, to_lang: str | None) -> str:
    if to_lang is None:
        return glossary.other_language(lang)
    primary = primary_language(to_lang)
    if primary not in glossary.languages:
        raise TmError(f"language {to_lang!r} is not in the glossary "
                      f"(it has {', '.join(glossary.languages)})")
    return primary


def _unique(hits: list[Hit]) -> list[Hit]:
    seen: set[tuple[str, str]] = set()
    result = []
    for hit in hits:
        if (hit.concept.id, hit.lang) not in seen:
            seen.add((hit.concept.id, hit.lang))
            result.append(hit)
    return result


def guess_text_language(text: str, candidates: tuple[str, ...]) -> str:
    """The glossary language a running text is most likely in (counts function words)."""
    if "fr" in candidates and "en" in candidates:
        french = len(_FRENCH_HINTS.findall(text))
        english = len(_ENGLISH_HINTS.findall(text))
        return "fr" if french >= english else "en"
    return candidates[0]
