"""Read the curated glossary source files (TOML) into :class:`~tm.glossary.model.Concept`.

The format (documented in glossary/README.md) is TOML because it is readable and
diffable by people, has a parser in the standard library (``tomllib``), and its
syntax errors come with a line and column. ``tomllib`` does not say where a
*value* came from, so the line of each ``[[concept]]`` header is found by a
plain scan of the file; every semantic error (unknown key, missing term,
duplicate) is reported as ``file:line: reason`` with that line.
"""

from __future__ import annotations

import re
from pathlib import Path

from tm.errors import TmError
from tm.glossary.model import STATUSES, Concept, LanguageTerms
from tm.glossary.normalize import primary_language

_CONCEPT_HEADER = re.compile(r"^\s*\[\[\s*concept\s*\]\]")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")  # also a valid XML ID for TBX
#: Characters that must never reach an export: XML 1.0 forbids most C0
#: controls, and a tab or newline would break the OmegaT/CSV formats.
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")

_CONCEPT_KEYS = {"id", "subject", "definition", "note", "source", "status", "see_also",
                 "enforce"}
_LANGUAGE_KEYS = {"term", "variants", "abbreviations", "note"}
#: Free-text fields, which may be written over several lines.
_PROSE = {"definition", "note", "source"}


def source_files(path: Path) -> list[Path]:
    """The glossary source files at ``path``: the file itself, or a folder's ``*.toml``."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise TmError(f"{path}: no glossary source file (*.toml) in this folder")
        return files
    if not path.exists():
        raise TmError(f"{path}: no such glossary file or folder")
    return [path]


def read_concepts(path: Path) -> list[Concept]:
    """Parse and check one source file; raise :class:`TmError` with file and line."""
    from tm.textfile import read_text

    text = read_text(Path(path), allow_empty=True)
    import tomllib  # here, not at the top: a cached lookup never parses TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = found.group(1) if found else "?"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        column = f" (column {found.group(2)})" if found else ""
        raise TmError(f"{path}:{line}: invalid TOML: {reason}{column}") from None
    return _concepts_from(data, text.splitlines(), str(path))


def _concepts_from(data: dict, lines: list[str], path: str) -> list[Concept]:
    unknown = sorted(set(data) - {"concept"})
    if unknown:
        line = _first_line(lines, rf"^\s*\[?\s*{re.escape(unknown[0])}\b")
        raise TmError(
            f"{path}:{line}: unknown top-level key {unknown[0]!r} "
            "(a glossary file holds [[concept]] entries only)"
        )
    entries = data.get("concept", [])
    if not isinstance(entries, list):
        raise TmError(f"{path}:1: 'concept' must be written as [[concept]] tables")
    header_lines = [number for number, line in enumerate(lines, 1) if _CONCEPT_HEADER.match(line)]
    if len(header_lines) != len(entries):
        # Written as an inline array (concept = [...]): fall back to the file's first line.
        header_lines = [1] * len(entries)
    ends = [*header_lines[1:], len(lines) + 1]
    return [
        _concept(entry, path, start, lines[start - 1 : end - 1])
        for entry, start, end in zip(entries, header_lines, ends, strict=True)
    ]


def _first_line(lines: list[str], pattern: str, *, offset: int = 1, default: int = 1) -> int:
    compiled = re.compile(pattern)
    for number, line in enumerate(lines, offset):
        if compiled.search(line):
            return number
    return default


def _concept(entry: dict, path: str, line: int, block: list[str]) -> Concept:
    def fail(reason: str, key: str | None = None) -> TmError:
        where = line
        if key is not None:
            where = _first_line(
                block, rf"^\s*(\[\s*concept\.{re.escape(key)}\s*\]|{re.escape(key)}\s*=)",
                offset=line, default=line,
            )
        return TmError(f"{path}:{where}: {reason}")

    concept_id = entry.get("id")
    if not isinstance(concept_id, str) or not _ID.match(concept_id):
        raise fail("concept needs an 'id' of lower-case letters, digits and hyphens, "
                   "starting with a letter", "id")
    label = f"concept {concept_id!r}"
    languages: list[LanguageTerms] = []
    for key, value in entry.items():
        if key in _CONCEPT_KEYS:
            continue
        if isinstance(value, dict) and primary_language(key) == key.lower() and key.islower():
            languages.append(_language_terms(key, value, fail, label))
        else:
            raise fail(f"{label}: unknown key {key!r}", key)
    if len(languages) < 2:
        raise fail(f"{label}: needs terms in at least two languages ([concept.fr], [concept.en])")
    subject = _text(entry, "subject", fail, label, required=True)
    status = _text(entry, "status", fail, label) or "established"
    if status not in STATUSES:
        raise fail(f"{label}: status must be one of {', '.join(STATUSES)}, not {status!r}",
                   "status")
    enforce = entry.get("enforce", True)
    if not isinstance(enforce, bool):
        raise fail(f"{label}: enforce must be true or false", "enforce")
    see_also = _text_list(entry, "see_also", fail, label)
    for other in see_also:
        if not _ID.match(other):
            raise fail(f"{label}: see_also holds {other!r}, which is not a concept id", "see_also")
    return Concept(
        id=concept_id,
        subject=subject,
        languages=tuple(languages),
        definition=_text(entry, "definition", fail, label),
        note=_text(entry, "note", fail, label),
        source=_text(entry, "source", fail, label),
        status=status,
        see_also=tuple(see_also),
        enforce=enforce,
        path=path,
        line=line,
    )


def _language_terms(lang: str, table: dict, fail, label: str) -> LanguageTerms:
    label = f"{label} [{lang}]"
    unknown = sorted(set(table) - _LANGUAGE_KEYS)
    if unknown:
        raise fail(f"{label}: unknown key {unknown[0]!r} (allowed: "
                   f"{', '.join(sorted(_LANGUAGE_KEYS))})", lang)
    term = _text(table, "term", fail, label, required=True, key_line=lang)
    variants = _text_list(table, "variants", fail, label, key_line=lang)
    abbreviations = _text_list(table, "abbreviations", fail, label, key_line=lang)
    seen: set[str] = set()
    for form in (term, *variants, *abbreviations):
        if form in seen:
            raise fail(f"{label}: {form!r} is listed twice", lang)
        seen.add(form)
    return LanguageTerms(
        lang=lang,
        term=term,
        variants=tuple(variants),
        abbreviations=tuple(abbreviations),
        note=_text(table, "note", fail, label, key_line=lang),
    )


def _checked(value: str, name: str, fail, label: str, key_line: str | None) -> str:
    """Reject what would corrupt an export; prose fields may span lines (collapsed)."""
    if name in _PROSE:
        value = " ".join(value.split())
    if _FORBIDDEN.search(value):
        raise fail(f"{label}: {name} contains a control character (tab, newline...)",
                   key_line or name)
    if " ".join(value.split()) != value:
        raise fail(f"{label}: {name} {value!r} has leading, trailing or doubled spaces",
                   key_line or name)
    return value


def _text(table: dict, name: str, fail, label: str, *, required: bool = False,
          key_line: str | None = None) -> str:
    value = table.get(name)
    if value is None:
        if required:
            raise fail(f"{label}: missing {name!r}", key_line)
        return ""
    if not isinstance(value, str):
        raise fail(f"{label}: {name!r} must be a string", key_line or name)
    if required and not value.strip():
        raise fail(f"{label}: {name!r} is empty", key_line or name)
    return _checked(value, name, fail, label, key_line)


def _text_list(
    table: dict, name: str, fail, label: str, *, key_line: str | None = None
) -> list[str]:
    value = table.get(name, [])
    if isinstance(value, str) or not isinstance(value, list):
        raise fail(f"{label}: {name!r} must be a list of strings", key_line or name)
    result = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise fail(f"{label}: {name!r} holds an empty or non-string item", key_line or name)
        result.append(_checked(item, name, fail, label, key_line))
    return result
