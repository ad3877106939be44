"""Plain data of the glossary: concepts, their terms per language, and scan matches.

These are ``NamedTuple`` classes rather than dataclasses: creating a dataclass
costs about a millisecond at import (it compiles generated methods), and this
module is on the path of every ``tm glossary lookup``, whose budget is 150 ms.
"""

from __future__ import annotations

from typing import NamedTuple

#: Values of ``Concept.status``. "uncertain" marks an entry whose usage the
#: terminologist could not confirm in a UN/ITU source; it is exported with an
#: "admitted" (not "preferred") administrative status and a note.
STATUSES = ("established", "uncertain")

#: The kinds of form a term can have within one language.
FORM_KINDS = ("term", "variant", "abbreviation")


class LanguageTerms(NamedTuple):
    """The designations of one concept in one language."""

    lang: str
    term: str
    variants: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    note: str = ""

    def forms(self) -> tuple[str, ...]:
        """Every form, main term first, then variants, then abbreviations."""
        return (self.term, *self.variants, *self.abbreviations)

    def kinded_forms(self) -> tuple[tuple[str, str], ...]:
        """(form, kind) for every form, kind being one of :data:`FORM_KINDS`."""
        return (
            (self.term, "term"),
            *((variant, "variant") for variant in self.variants),
            *((abbreviation, "abbreviation") for abbreviation in self.abbreviations),
        )


class Concept(NamedTuple):
    """One glossary entry: a concept and its designations in each language.

    ``path`` and ``line`` say where the entry is defined, so that every problem
    found later (a contradiction, a bad export) can point the editor at it.
    """

    id: str
    subject: str
    languages: tuple[LanguageTerms, ...]
    definition: str = ""
    note: str = ""
    source: str = ""
    status: str = "established"
    see_also: tuple[str, ...] = ()
    #: False for a common word whose translation depends on context ("member" is
    #: "membre" or "député"): the QA terminology check does not require it.
    enforce: bool = True
    path: str = ""
    line: int = 0

    def in_language(self, lang: str) -> LanguageTerms | None:
        """The terms in ``lang`` (a primary subtag), or None."""
        for terms in self.languages:
            if terms.lang == lang:
                return terms
        return None

    @property
    def location(self) -> str:
        """``file:line`` of the entry, for messages."""
        return f"{self.path}:{self.line}"


class TermMatch(NamedTuple):
    """A glossary term found in a text: ``text[start:end]`` is ``matched``.

    ``equivalents`` are the designations of the concept in ``target_lang``, main
    term first: what a QA check expects to find in the translation.
    """

    start: int
    end: int
    matched: str
    concept_id: str
    lang: str
    form: str
    kind: str
    target_lang: str
    equivalents: tuple[str, ...]
    enforce: bool = True
