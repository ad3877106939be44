"""Every memory file a build writes, in one call: TMX, PO per corpus and document, PO to translate.

The build owns the staging folder (it is swapped in atomically); this module
only decides the file names and what goes in each file, so the layout is
written down in one place:

    memory/corpus.tmx             the deduplicated memory, TMX 1.4b
    memory/corpus.po              the same pairs as PO, one entry per occurrence
    memory/documents/ID.po        one PO per aligned document
    translate/ID.po               documents without a counterpart: PO to translate,
                                  pre-filled from the memory
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tm.errors import TmError
from tm.formats.po import PoHeader, document_ids, write_po, write_translation_po
from tm.formats.tmx import TmxHeader, TmxReport, creation_date, write_tmx
from tm.memory import DEFAULT_LOW_CONFIDENCE, Memory
from tm.model import Document, Segment

_UNSAFE_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")


def file_stem(document_id: str) -> str:
    """A file name for a document id (UN symbols contain ``/``: ``A/60/1`` -> ``A_60_1``)."""
    return _UNSAFE_IN_FILE_NAMES.sub("_", document_id).strip("._") or "document"


@dataclass(slots=True)
class MemoryFiles:
    """What :func:`write_memory_files` wrote (paths relative to the output folder)."""

    files: list[str] = field(default_factory=list)
    tmx: TmxReport | None = None
    translation_entries: int = 0

    def summary(self, memory: Memory) -> dict:
        """A JSON-ready account for the build summary: counts, conflicts, removed characters."""
        return {
            "units": len(memory.units),
            "merged_duplicates": memory.duplicates,
            "unaligned_beads": memory.unaligned,
            "dropped_below_minimum": memory.below_minimum,
            "conflicts": [
                {"source": c.source, "targets": list(c.targets), "tuids": list(c.tuids)}
                for c in memory.conflicts
            ],
            "removed_characters": [r.describe() for r in self.tmx.removed] if self.tmx else [],
            "files": self.files,
        }


def write_memory_files(
    out_dir: Path,
    memory: Memory,
    *,
    untranslated: Iterable[tuple[Document, Sequence[Segment]]] = (),
    document_dates: Iterable[str | None] = (),
    signature: str | None = None,
    low_confidence: float = DEFAULT_LOW_CONFIDENCE,
    min_score: float = 70.0,
    root: Path | None = None,
) -> MemoryFiles:
    """Write the memory (TMX, corpus PO, per-document PO) and PO files to translate.

    ``signature`` (segmenter rules, aligner settings, versions) goes into the TMX
    header as an ``x-signature`` prop. Dates come from ``document_dates`` or
    ``SOURCE_DATE_EPOCH``. Each file is written atomically; the caller should
    write into a staging folder so a failure leaves the previous build intact.
    """
    out_dir = Path(out_dir)
    written = MemoryFiles()
    dates = list(document_dates) or [o.date for u in memory.units for o in u.occurrences]
    header = TmxHeader(
        srclang=memory.source_lang,
        creationdate=creation_date(dates),
        props=(("x-signature", signature),) if signature else (),
    )
    written.tmx = write_tmx(out_dir / "memory" / "corpus.tmx", memory.units, header=header)
    written.files.append("memory/corpus.tmx")
    languages = {"source_lang": memory.source_lang, "target_lang": memory.target_lang}
    write_po(
        out_dir / "memory" / "corpus.po", memory.units, low_confidence=low_confidence, **languages
    )
    written.files.append("memory/corpus.po")
    stems: dict[str, str] = {}
    for document_id in document_ids(memory.units):
        relative = f"memory/documents/{_unique_stem(document_id, stems)}.po"
        write_po(
            out_dir / relative,
            memory.units,
            document=document_id,
            low_confidence=low_confidence,
            **languages,
        )
        written.files.append(relative)
    stems = {}
    for document, segments in untranslated:
        relative = f"translate/{_unique_stem(document.id, stems)}.po"
        target_lang = (
            memory.source_lang
            if not _same(document.lang, memory.source_lang)
            else memory.target_lang
        )
        written.translation_entries += write_translation_po(
            out_dir / relative,
            document,
            segments,
            memory,
            target_lang=target_lang,
            min_score=min_score,
            root=root,
            header=PoHeader(),
        )
        written.files.append(relative)
    return written


def _unique_stem(document_id: str, stems: dict[str, str]) -> str:
    stem = file_stem(document_id)
    if stems.setdefault(stem, document_id) != document_id:
        raise TmError(
            f"documents {stems[stem]!r} and {document_id!r} would both be written as {stem}.po; "
            "rename one of them in corpus/corpus.toml"
        )
    return stem


def _same(first: str, second: str) -> bool:
    from tm.langtag import same_language

    return same_language(first, second)
