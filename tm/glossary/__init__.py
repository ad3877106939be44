"""The WSIS terminology glossary: load, look up, scan texts, extract candidates, export.

This package is on the path of ``tm glossary lookup``, which translators run many
times an hour, so importing it must stay cheap: only the standard library
(``tomllib``, ``re``, ``unicodedata``) is imported here. Extraction and the
exports are separate modules, imported only by the commands that need them.
"""

from __future__ import annotations

from pathlib import Path

from tm.glossary.glossary import Glossary, IndexEntry
from tm.glossary.model import Concept, LanguageTerms, TermMatch
from tm.glossary.source import read_concepts, source_files

__all__ = [
    "Concept",
    "Glossary",
    "IndexEntry",
    "LanguageTerms",
    "TermMatch",
    "load_glossary",
]


def load_glossary(path: Path, *, cache: bool = False) -> Glossary:
    """Load a glossary from a source file or from every ``*.toml`` file of a folder.

    Raises :class:`tm.errors.TmError` naming the file, the line and the reason
    for a malformed file, a duplicate concept id, or a form claimed by two
    concepts that do not declare each other as homonyms.
    With ``cache=True`` (the interactive commands), a current cached index is
    used when there is one (see :mod:`tm.glossary.cache`).
    """
    files = source_files(Path(path))
    if cache:
        from tm.glossary import cache as glossary_cache

        cached = glossary_cache.load_cached(Path(path), files)
        if cached is not None:
            return cached
    concepts = []
    for file in files:
        concepts.extend(read_concepts(file))
    glossary = Glossary(concepts)
    if cache:
        glossary_cache.store(Path(path), files, glossary)
    return glossary
