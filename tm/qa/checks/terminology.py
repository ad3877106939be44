"""Terminology: every glossary term found in the source must appear, translated, in the target.

Tolerance of inflection comes from the glossary itself: the source is scanned in
the source language and the target in the target language with the glossary's own
matcher (:meth:`tm.glossary.Glossary.scan` folds case, accents, apostrophes,
hyphens and plural endings), and the two sides are compared by *concept id*. A
term is satisfied by any designation of its concept in the target language, so
"parties prenantes" satisfies "stakeholders" without a second, weaker matcher
living here.

The glossary object needs one method, ``scan(text, lang, target_lang=...)``,
returning matches with ``concept_id``, ``matched`` and ``equivalents`` (the
concept's designations in ``target_lang``), as :class:`tm.glossary.TermMatch` has.
"""

from __future__ import annotations

from collections.abc import Iterator

from tm.qa.model import Check, Context, Pair


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """Whether the word sequence ``needle`` occurs contiguously in ``haystack``."""
    return bool(needle) and f" {' '.join(needle)} " in f" {' '.join(haystack)} "


def terminology(pair: Pair, context: Context) -> Iterator[str]:
    """Glossary concepts present in the source whose equivalent is absent from the target.

    A concept is satisfied when the target scan finds it, or when one of its
    equivalents occurs in the target word for word after the glossary's own
    normalisation (a term nested in a longer glossary term is hidden from the
    scan, which reports the longest match). Concepts matched on the same source
    span (declared homonyms) are alternatives: any one of them satisfies the span.
    Concepts the glossary marks ``enforce = false`` (common words whose translation
    depends on context) are never required.
    """
    glossary = context.glossary
    if glossary is None or not pair.target.strip():
        return
    source_lang, target_lang = context.source_lang, context.target_lang
    source_matches = glossary.scan(pair.source, source_lang, target_lang=target_lang)
    if not source_matches:
        return
    from tm.glossary.normalize import stems

    found = {
        match.concept_id
        for match in glossary.scan(pair.target, target_lang, target_lang=source_lang)
    }
    target_words = stems(pair.target, target_lang)

    def satisfied(match) -> bool:
        return match.concept_id in found or any(
            _contains(target_words, stems(term, target_lang)) for term in match.equivalents
        )

    spans: dict[tuple[int, int], list] = {}
    for match in source_matches:
        spans.setdefault((match.start, match.end), []).append(match)
    reported: set[str] = set()
    for alternatives in spans.values():
        wanted = [match for match in alternatives
                  if match.equivalents and match.enforce]
        if not wanted or any(satisfied(match) for match in wanted):
            continue
        match = wanted[0]
        if match.concept_id in reported:
            continue
        reported.add(match.concept_id)
        expected = " / ".join(dict.fromkeys(term for m in wanted for term in m.equivalents))
        yield f"term '{match.matched}' ({match.concept_id}) not translated as '{expected}'"


CHECKS = (
    Check("terminology", "warning",
          "a glossary term of the source lacks its equivalent in the target", terminology),
)
