"""Corpus: files -> documents.

A corpus is a folder of UTF-8 text files and an optional manifest,
``corpus.toml``, that describes each document (id, language, UN symbol, date,
title, counterpart, provenance). Files the manifest does not name are still
read, their language and counterpart taken from the file name: UN style
``SYMBOL-F.txt``/``SYMBOL-E.txt`` (``_`` in the name stands for ``/`` in the
symbol) or ``NAME.fr.txt``/``NAME.en.txt``. A file may hold several documents
(letters); it is cut before every line that matches the language's
document-start rule (data in ``tm/data/document-starts.toml``, overridable per
file in the manifest).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from tm.errors import TmError
from tm.langtag import normalize_tag, primary_language
from tm.markup import parse_inline
from tm.model import Document, Paragraph
from tm.textfile import read_text

MANIFEST_NAME = "corpus.toml"
DOCUMENT_KEYS = {"id", "file", "part", "lang", "symbol", "date", "title", "counterpart",
                 "provenance"}
FILE_KEYS = {"document_start", "lang", "encoding"}
UN_LANGUAGE_LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}

_UN_NAME = regex.compile(r"^(?P<symbol>.+)-(?P<letter>[ACEFRS])\.txt$")
_TAGGED_NAME = regex.compile(
    r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.txt$"
)
_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class FileName:
    """What a file's name says: the pairing key, the language, and a UN symbol if any."""

    key: str
    lang: str
    symbol: str | None


@dataclass
class Manifest:
    """The parsed ``corpus.toml``: document entries by (file, part) and per-file settings."""

    documents: dict[tuple[str, int], dict] = field(default_factory=dict)
    files: dict[str, dict] = field(default_factory=dict)


@lru_cache(maxsize=1)
def default_document_starts() -> dict[str, str]:
    """The shipped document-start rules, by primary language."""
    data = resources.files("tm").joinpath("data", "document-starts.toml").read_text("utf-8")
    return tomllib.loads(data)


def parse_file_name(name: str) -> FileName | None:
    """Language, pairing key and symbol from a corpus file name, or None if it says nothing."""
    match = _UN_NAME.match(name)
    if match:
        symbol = match["symbol"].replace("_", "/")
        return FileName(match["symbol"], UN_LANGUAGE_LETTERS[match["letter"]], symbol)
    match = _TAGGED_NAME.match(name)
    if match:
        return FileName(match["name"], normalize_tag(match["lang"]), None)
    return None


def load_manifest(corpus_dir: Path) -> Manifest:
    """Read ``corpus.toml`` if present; every problem is reported with the file and entry."""
    path = corpus_dir / MANIFEST_NAME
    manifest = Manifest()
    if not path.exists():
        return manifest
    try:
        data = tomllib.loads(read_text(path, allow_empty=True))
    except tomllib.TOMLDecodeError as error:
        raise TmError(f"{path}: malformed manifest: {error}") from None
    unknown = set(data) - {"document", "files"}
    if unknown:
        raise TmError(f"{path}: unknown manifest table(s): {', '.join(sorted(unknown))}")
    for name, settings in data.get("files", {}).items():
        extra = set(settings) - FILE_KEYS
        if extra:
            raise TmError(f"{path}: [files.{name!r}]: unknown key(s) {', '.join(sorted(extra))}")
        manifest.files[name] = settings
    seen_ids: set[str] = set()
    for number, entry in enumerate(data.get("document", []), start=1):
        where = f"{path}: document {number}"
        extra = set(entry) - DOCUMENT_KEYS
        if extra:
            raise TmError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        for key in ("id", "file", "lang"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise TmError(f"{where}: missing or empty {key!r}")
        if entry["id"] in seen_ids:
            raise TmError(f"{where}: duplicate document id {entry['id']!r}")
        seen_ids.add(entry["id"])
        try:
            entry["lang"] = normalize_tag(entry["lang"])
        except TmError as error:
            raise TmError(f"{where} ({entry['id']}): {error}") from None
        if entry.get("date") and not _DATE.match(str(entry["date"])):
            raise TmError(
                f"{where} ({entry['id']}): date must be YYYY-MM-DD, got {entry['date']!r}"
            )
        part = entry.get("part", 1)
        if not isinstance(part, int) or part < 1:
            raise TmError(f"{where} ({entry['id']}): part must be a positive integer")
        if not (corpus_dir / entry["file"]).is_file():
            raise TmError(
                f"{where} ({entry['id']}): file {entry['file']!r} not found in {corpus_dir}"
            )
        key = (entry["file"], part)
        if key in manifest.documents:
            raise TmError(f"{where}: {entry['file']} part {part} is described twice")
        manifest.documents[key] = entry
    ids = {entry["id"] for entry in manifest.documents.values()}
    for entry in manifest.documents.values():
        counterpart = entry.get("counterpart")
        if counterpart and counterpart not in ids:
            raise TmError(
                f"{path}: document {entry['id']!r} names unknown counterpart {counterpart!r}"
            )
    return manifest


def split_lines(text: str, document_start: str | None) -> list[list[tuple[int, str]]]:
    """Cut a file's lines (numbered from 1) into documents before each start line.

    Lines before the first start line belong to the first document, so nothing is
    ever dropped; blank lines are kept here and skipped when paragraphs are made.
    """
    numbered = list(enumerate(text.split("\n"), start=1))
    if not document_start:
        return [numbered]
    try:
        start = regex.compile(document_start)
    except regex.error as error:
        raise TmError(f"bad document_start rule {document_start!r}: {error}") from None
    parts: list[list[tuple[int, str]]] = [[]]
    for number, line in numbered:
        if start.search(line.strip()) and any(content.strip() for _, content in parts[-1]):
            parts.append([])
        parts[-1].append((number, line))
    return [part for part in parts if any(content.strip() for _, content in part)]


def paragraphs_of(lines: list[tuple[int, str]]) -> tuple[Paragraph, ...]:
    """One paragraph per non-blank line, inline emphasis turned into markup spans."""
    paragraphs = []
    for number, line in lines:
        stripped = line.strip()
        if stripped:
            text, markup = parse_inline(stripped)
            paragraphs.append(Paragraph(text=text, markup=markup, line=number))
    return tuple(paragraphs)


def read_documents(
    path: Path,
    lang: str,
    *,
    encoding: str = "utf-8",
    document_start: str | None = None,
    split: bool = True,
) -> list[tuple[int, tuple[Paragraph, ...]]]:
    """Read one file and return (part, paragraphs) for each document it holds."""
    text = read_text(path, encoding=encoding)
    if split and document_start is None:
        document_start = default_document_starts().get(primary_language(lang))
    parts = split_lines(text, document_start if split else None)
    return [(number, paragraphs_of(lines)) for number, lines in enumerate(parts, start=1)]


def load_corpus(corpus_dir: Path, *, encoding: str = "utf-8") -> list[Document]:
    """Read every document of a corpus folder, in a stable order (file name, then part)."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise TmError(f"{corpus_dir}: corpus folder not found")
    manifest = load_manifest(corpus_dir)
    files = sorted(
        path for path in corpus_dir.iterdir() if path.suffix == ".txt" and path.is_file()
    )
    if not files:
        raise TmError(f"{corpus_dir}: no .txt documents in the corpus folder")
    documents: list[Document] = []
    for path in files:
        documents.extend(_file_documents(path, manifest, encoding=encoding))
    _pair_by_name(documents)
    return documents


def _file_documents(path: Path, manifest: Manifest, *, encoding: str) -> list[Document]:
    settings = manifest.files.get(path.name, {})
    entries = {
        part: entry for (name, part), entry in manifest.documents.items() if name == path.name
    }
    named = parse_file_name(path.name)
    lang = settings.get("lang") or next((e["lang"] for e in entries.values()), None) \
        or (named.lang if named else None)
    if lang is None:
        raise TmError(
            f"{path}: cannot tell the document's language: name it NAME.fr.txt or "
            f"SYMBOL-F.txt, or describe it in {MANIFEST_NAME}"
        )
    lang = normalize_tag(lang)
    parts = read_documents(
        path, lang,
        encoding=settings.get("encoding", encoding),
        document_start=settings.get("document_start"),
    )
    missing = sorted(set(entries) - {number for number, _ in parts})
    if missing:
        raise TmError(
            f"{path}: the manifest describes part {missing[0]} but the file holds "
            f"{len(parts)} document(s)"
        )
    documents = []
    for number, paragraphs in parts:
        entry = entries.get(number, {})
        key = named.key if named else path.stem
        default_id = f"{key}.{lang}" if len(parts) == 1 else f"{key}-{number}.{lang}"
        documents.append(Document(
            id=entry.get("id", default_id),
            lang=entry.get("lang", lang),
            path=path,
            paragraphs=paragraphs,
            part=number,
            symbol=entry.get("symbol") or (named.symbol if named else None),
            date=str(entry["date"]) if entry.get("date") else None,
            title=entry.get("title"),
            counterpart=entry.get("counterpart"),
            provenance=entry.get("provenance"),
        ))
    return documents


def _pair_by_name(documents: list[Document]) -> None:
    """Give documents the manifest left unpaired a counterpart with the same name key and part."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for index, document in enumerate(documents):
        named = parse_file_name(document.path.name)
        if named is not None:
            by_key.setdefault((named.key, document.part), []).append(index)
    for indices in by_key.values():
        for index in indices:
            document = documents[index]
            if document.counterpart:
                continue
            others = [documents[i] for i in indices
                      if primary_language(documents[i].lang) != primary_language(document.lang)]
            if len(others) == 1 or (others and primary_language(document.lang) != "en"):
                english = [o for o in others if primary_language(o.lang) == "en"]
                chosen = english[0] if english else others[0]
                documents[index] = _with_counterpart(document, chosen.id)


def _with_counterpart(document: Document, counterpart: str) -> Document:
    from dataclasses import replace

    return replace(document, counterpart=counterpart)


def document_pairs(
    documents: list[Document], *, source: str = "fr", target: str = "en"
) -> list[tuple[Document, Document | None]]:
    """Each ``source``-language document with its ``target``-language counterpart, or None."""
    by_id = {document.id: document for document in documents}
    pairs = []
    for document in documents:
        if primary_language(document.lang) != source:
            continue
        counterpart = by_id.get(document.counterpart) if document.counterpart else None
        if counterpart is None:
            counterpart = next((d for d in documents if d.counterpart == document.id
                                and primary_language(d.lang) == target), None)
        if counterpart is not None and primary_language(counterpart.lang) != target:
            counterpart = None
        pairs.append((document, counterpart))
    return pairs
