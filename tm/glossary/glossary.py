"""The loaded glossary: concepts plus the match index that lookups and scans use.

The index maps, per language, the match key of every form (see
:mod:`tm.glossary.normalize`) to the concepts that carry it. Building it is also
where contradictions surface: two concepts claiming the same form are an error
unless both say so in ``see_also`` (a declared homonym, such as French
"Président", which is "President" for a State or an assembly and "Chair" for a
working group). Nothing is ever merged silently.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from tm.errors import TmError
from tm.glossary.model import Concept, LanguageTerms, TermMatch
from tm.glossary.normalize import (
    primary_language,
    stem_word,
    strip_accents,
    word_spans,
    words,
)


class IndexEntry(NamedTuple):
    """One form of one concept under a match key."""

    concept: Concept
    form: str
    kind: str


class Glossary:
    """Concepts with terms in two or more languages, indexed for matching."""

    def __init__(self, concepts: Iterable[Concept]) -> None:
        self.concepts: tuple[Concept, ...] = tuple(concepts)
        self._by_id: dict[str, Concept] = {}
        for concept in self.concepts:
            previous = self._by_id.get(concept.id)
            if previous is not None:
                raise TmError(
                    f"{concept.location}: duplicate concept id {concept.id!r} "
                    f"(first defined at {previous.location})"
                )
            self._by_id[concept.id] = concept
        languages: list[str] = []
        for concept in self.concepts:
            for terms in concept.languages:
                if terms.lang not in languages:
                    languages.append(terms.lang)
        #: Languages in order of first appearance (the source language first).
        self.languages: tuple[str, ...] = tuple(languages)
        self._check_see_also()
        self._index: dict[str, dict[str, list[IndexEntry]]] = {lang: {} for lang in languages}
        self._max_words: dict[str, int] = dict.fromkeys(languages, 1)
        self._sorted_keys: dict[str, list[str]] = {}
        for concept in self.concepts:
            for terms in concept.languages:
                for form, kind in terms.kinded_forms():
                    self._add(concept, terms.lang, form, kind)

    # -- a plain form for the lookup cache (see tm.glossary.cache) ----------------

    def to_plain(self) -> tuple:
        """The glossary and its index as nested tuples/dicts of str and int (marshal-able)."""
        position = {concept.id: number for number, concept in enumerate(self.concepts)}
        concepts = tuple(
            (c.id, c.subject, c.definition, c.note, c.source, c.status, c.see_also, c.path,
             c.line, tuple((t.lang, t.term, t.variants, t.abbreviations, t.note)
                           for t in c.languages), c.enforce)
            for c in self.concepts
        )
        index = {
            lang: {key: tuple((position[e.concept.id], e.form, e.kind) for e in entries)
                   for key, entries in keys.items()}
            for lang, keys in self._index.items()
        }
        return (concepts, self.languages, index, self._max_words)

    @classmethod
    def from_plain(cls, plain: tuple) -> Glossary:
        """Rebuild a glossary from :meth:`to_plain` without re-checking or re-indexing."""
        raw_concepts, languages, raw_index, max_words = plain
        glossary = cls.__new__(cls)
        glossary.concepts = tuple(
            Concept(id=r[0], subject=r[1], definition=r[2], note=r[3], source=r[4], status=r[5],
                    see_also=tuple(r[6]), path=r[7], line=r[8],
                    languages=tuple(LanguageTerms(t[0], t[1], tuple(t[2]), tuple(t[3]), t[4])
                                    for t in r[9]), enforce=r[10])
            for r in raw_concepts
        )
        glossary._by_id = {concept.id: concept for concept in glossary.concepts}
        glossary.languages = tuple(languages)
        concepts = glossary.concepts
        glossary._index = {
            lang: {key: [IndexEntry(concepts[n], form, kind) for n, form, kind in entries]
                   for key, entries in keys.items()}
            for lang, keys in raw_index.items()
        }
        glossary._max_words = dict(max_words)
        glossary._sorted_keys = {}
        return glossary

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id (KeyError if none)."""
        return self._by_id[concept_id]

    def _check_see_also(self) -> None:
        for concept in self.concepts:
            for other in concept.see_also:
                if other not in self._by_id:
                    raise TmError(f"{concept.location}: concept {concept.id!r}: see_also names "
                                  f"unknown concept {other!r}")

    def _add(self, concept: Concept, lang: str, form: str, kind: str) -> None:
        stemmed = [stem_word(word, lang) for word in words(form)]
        key = "".join(stemmed)
        if not key:
            raise TmError(f"{concept.location}: concept {concept.id!r} [{lang}]: "
                          f"{form!r} has no letters or digits")
        entries = self._index[lang].setdefault(key, [])
        for entry in entries:
            other = entry.concept
            if other is concept:
                continue  # "multi-stakeholder" and "multistakeholder": spellings of one form
            if concept.id in other.see_also and other.id in concept.see_also:
                continue  # a declared homonym
            raise TmError(
                f"{concept.location}: concept {concept.id!r} [{lang}]: {form!r} is already "
                f"{other.id!r} ({entry.form!r}, {other.location}); a form may belong to two "
                f"concepts only if each lists the other in see_also"
            )
        entries.append(IndexEntry(concept, form, kind))
        self._max_words[lang] = max(self._max_words[lang], len(stemmed))

    # -- queries -----------------------------------------------------------------

    def entries(self, key: str, lang: str) -> list[IndexEntry]:
        """Index entries under a match key in ``lang`` (empty if none)."""
        return self._index.get(primary_language(lang), {}).get(key, [])

    def keys(self, lang: str) -> dict[str, list[IndexEntry]]:
        """The whole index of one language (key -> entries); do not modify."""
        return self._index.get(primary_language(lang), {})

    def other_language(self, lang: str) -> str:
        """The first glossary language that is not ``lang``."""
        lang = primary_language(lang)
        for candidate in self.languages:
            if candidate != lang:
                return candidate
        raise TmError(f"the glossary has no language besides {lang!r}")

    def pairs(self, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
        """Every (form, equivalent form) pair between two languages, for a dictionary.

        Forms are main terms, variants and abbreviations; each source form is
        paired with each target form of the same concept (an aligner cannot know
        which variant a translator chose). Concept order, no duplicates.
        """
        src, tgt = self._known(src_lang), self._known(tgt_lang)
        result: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for concept in self.concepts:
            source_terms, target_terms = concept.in_language(src), concept.in_language(tgt)
            if source_terms is None or target_terms is None:
                continue
            for source_form in source_terms.forms():
                for target_form in target_terms.forms():
                    pair = (source_form, target_form)
                    if pair not in seen:
                        seen.add(pair)
                        result.append(pair)
        return result

    def scan(self, text: str, lang: str, *, target_lang: str | None = None) -> list[TermMatch]:
        """Every glossary term in ``text`` (in ``lang``), longest match first, left to right.

        Matching ignores case, accents, apostrophe and hyphen style and plural
        endings, like lookups; abbreviations ("TIC", "SMSI") must also match the
        capitals of the glossary form, so that a common word ("un", "ip") is not
        mistaken for one. A span that several concepts share (a declared
        homonym) yields one match per concept.
        """
        lang = self._known(lang)
        tgt = self._known(target_lang) if target_lang else self.other_language(lang)
        index = self._index[lang]
        sorted_keys = self._sorted_keys.get(lang)
        if sorted_keys is None:
            sorted_keys = self._sorted_keys[lang] = sorted(index)
        spans = word_spans(text)
        stems = [stem_word(word, lang) for _, _, word in spans]
        limit = self._max_words[lang]
        matches: list[TermMatch] = []
        position = 0
        while position < len(spans):
            best: tuple[int, list[IndexEntry]] | None = None
            joined = ""
            for last in range(position, min(len(spans), position + limit)):
                joined += stems[last]
                entries = index.get(joined)
                if entries:
                    surface = text[spans[position][0] : spans[last][1]]
                    valid = [entry for entry in entries if _case_fits(entry, surface)]
                    if valid:
                        best = (last, valid)
                at = bisect_left(sorted_keys, joined)
                if at == len(sorted_keys) or not sorted_keys[at].startswith(joined):
                    break
            if best is None:
                position += 1
                continue
            last, entries = best
            start, end = spans[position][0], spans[last][1]
            seen_concepts: set[str] = set()
            for entry in entries:
                if entry.concept.id in seen_concepts:
                    continue
                seen_concepts.add(entry.concept.id)
                target_terms = entry.concept.in_language(tgt)
                matches.append(
                    TermMatch(
                        start=start,
                        end=end,
                        matched=text[start:end],
                        concept_id=entry.concept.id,
                        lang=lang,
                        form=entry.form,
                        kind=entry.kind,
                        target_lang=tgt,
                        equivalents=target_terms.forms() if target_terms else (),
                        enforce=entry.concept.enforce,
                    )
                )
            position = last + 1
        return matches

    def _known(self, lang: str) -> str:
        primary = primary_language(lang)
        if primary not in self._index:
            known = ", ".join(self.languages)
            raise TmError(f"language {lang!r} is not in the glossary (it has {known})")
        return primary


def _case_fits(entry: IndexEntry, surface: str) -> bool:
    """Abbreviations match only with their own capitals (an optional plural "s" aside)."""
    if entry.kind != "abbreviation":
        return True
    wanted = "".join(char for char in strip_accents(entry.form) if char.isalnum())
    found = "".join(char for char in strip_accents(surface) if char.isalnum())
    return found in (wanted, wanted + "s")
