"""Aligned documents -> a deduplicated translation memory, and fuzzy lookups in it.

The two letters of the corpus share most of their sentences, so the same pair
is aligned several times. A CAT tool given two identical units gains nothing, and
given one source with two targets silently keeps the last (OmegaT does), so the
memory holds one unit per distinct pair, records every occurrence (document,
segments, file and line, bead, confidence) for provenance, and reports sources
that have several different targets instead of hiding them.

A unit's ``tuid`` is a hash of its content, not its position: adding a document
to the corpus does not renumber the units of the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tm.errors import TmError
from tm.langtag import normalize_tag, same_language
from tm.model import AlignedDocument, Bead, Document, Markup, Segment

#: Pairs whose best alignment confidence is below this get a note (TMX) / fuzzy flag (PO).
DEFAULT_LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Variant:
    """One language side of a unit (a TMX ``<tuv>``): plain text plus markup spans."""

    lang: str
    text: str
    markup: tuple[Markup, ...] = ()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a pair was aligned: one bead of one document pair.

    Sides are named in the unit's direction (``source`` is the unit's source
    language), so ``bead`` is e.g. ``"1-2"`` for one English sentence aligned with
    two French ones. Segment indices are 0-based within each document; lines are
    1-based lines of the corpus files.
    """

    document: str
    symbol: str | None
    source_segments: tuple[int, ...]
    target_segments: tuple[int, ...]
    source_file: str
    source_line: int
    target_file: str
    target_line: int
    bead: str
    confidence: float
    date: str | None = None  # the document's date, "YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """One distinct translation pair, with every place it was seen.

    ``props`` carries (type, value) properties this tool does not interpret (from
    a TMX written by another tool), so merging a foreign memory keeps them.
    """

    tuid: str
    source: Variant
    target: Variant
    occurrences: tuple[Occurrence, ...] = ()
    note: str | None = None
    props: tuple[tuple[str, str], ...] = ()

    @property
    def confidence(self) -> float | None:
        """The best alignment confidence among the occurrences (None for foreign units)."""
        return max((o.confidence for o in self.occurrences), default=None)


@dataclass(frozen=True, slots=True)
class Conflict:
    """One source text translated differently in different places."""

    source: str
    targets: tuple[str, ...]
    tuids: tuple[str, ...]


@dataclass(slots=True)
class Memory:
    """A deduplicated memory and what building it found.

    ``duplicates`` counts occurrences merged into an existing unit; ``unaligned``
    beads with an empty side; ``below_minimum`` beads dropped for a confidence
    under ``min_confidence``; ``foreign_skipped`` merged units in other languages.
    """

    source_lang: str
    target_lang: str
    units: list[TranslationUnit]
    conflicts: list[Conflict]
    duplicates: int = 0
    unaligned: int = 0
    below_minimum: int = 0
    foreign_skipped: int = 0
    _exact: dict = field(default_factory=dict, repr=False, compare=False)
    _choices: dict = field(default_factory=dict, repr=False, compare=False)


def unit_id(source: Variant, target: Variant) -> str:
    """A stable 16-hex-digit id from the pair's content (texts and markup, not languages)."""
    digest = hashlib.sha256()
    for variant in (source, target):
        digest.update(variant.text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
        for span in variant.markup:
            digest.update(f"{span.start},{span.end},{span.kind};".encode())
        digest.update(b"\x01")
    return digest.hexdigest()[:16]


def join_segments(segments: Sequence[Segment]) -> tuple[str, tuple[Markup, ...]]:
    """Join the segments of one bead side with single spaces, shifting their markup."""
    if len(segments) == 1:
        return segments[0].text, segments[0].markup
    pieces: list[str] = []
    markup: list[Markup] = []
    offset = 0
    for segment in segments:
        if pieces:
            pieces.append(" ")
            offset += 1
        pieces.append(segment.text)
        markup.extend(Markup(m.start + offset, m.end + offset, m.kind) for m in segment.markup)
        offset += len(segment.text)
    return "".join(pieces), tuple(markup)


def relative_path(path: Path, root: Path | None) -> str:
    """``path`` as a POSIX path relative to ``root`` when inside it (as written in memories)."""
    if root is not None:
        try:
            return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


@dataclass(slots=True)
class _Pending:
    """A unit being assembled (occurrences are appended as duplicates are found)."""

    source: Variant
    target: Variant
    occurrences: list[Occurrence]
    props: tuple[tuple[str, str], ...] = ()
    note: str | None = None


def _pairs(
    aligned: AlignedDocument, *, swap: bool
) -> Iterable[tuple[Bead, tuple[Segment, ...], tuple[Segment, ...], Document, Document]]:
    """Yield each bead with its segments, sides ordered as the memory wants them."""
    for bead in aligned.beads:
        src = tuple(aligned.source_segments[i] for i in bead.source)
        tgt = tuple(aligned.target_segments[i] for i in bead.target)
        if swap:
            swapped = Bead(bead.target, bead.source, bead.confidence)
            yield swapped, tgt, src, aligned.target, aligned.source
        else:
            yield bead, src, tgt, aligned.source, aligned.target


def build_memory(
    aligned: Iterable[AlignedDocument],
    *,
    source_lang: str = "en",
    target_lang: str = "fr",
    low_confidence: float = DEFAULT_LOW_CONFIDENCE,
    min_confidence: float = 0.0,
    root: Path | None = None,
    extra: Iterable[TranslationUnit] = (),
) -> Memory:
    """Turn aligned document pairs (and units merged from other memories) into a memory.

    ``source_lang``/``target_lang`` are BCP 47 tags written into the memory (e.g.
    ``en-GB``); each document pair is oriented by its documents' languages, so the
    English original is the source whichever side the aligner put it on. Beads with
    an empty side are skipped (counted in ``unaligned``), beads under
    ``min_confidence`` are dropped, and units whose best confidence is under
    ``low_confidence`` get a note. File paths are recorded relative to ``root``.
    Units come out in order of first occurrence, so the same input gives the same
    memory.
    """
    source_lang, target_lang = normalize_tag(source_lang), normalize_tag(target_lang)
    pending: dict[tuple, _Pending] = {}
    memory = Memory(source_lang=source_lang, target_lang=target_lang, units=[], conflicts=[])
    for pair in aligned:
        swap = _orientation(pair, source_lang, target_lang)
        for bead, src, tgt, src_doc, tgt_doc in _pairs(pair, swap=swap):
            if not src or not tgt:
                memory.unaligned += 1
                continue
            if bead.confidence < min_confidence:
                memory.below_minimum += 1
                continue
            source = Variant(source_lang, *join_segments(src))
            target = Variant(target_lang, *join_segments(tgt))
            if not source.text.strip() or not target.text.strip():
                memory.unaligned += 1
                continue
            occurrence = Occurrence(
                document=pair.source.id,
                symbol=pair.source.symbol or pair.target.symbol,
                source_segments=bead.source,
                target_segments=bead.target,
                source_file=relative_path(src_doc.path, root),
                source_line=src[0].line,
                target_file=relative_path(tgt_doc.path, root),
                target_line=tgt[0].line,
                bead=bead.kind,
                confidence=float(bead.confidence),
                date=pair.source.date or pair.target.date,
            )
            _add(memory, pending, source, target, [occurrence])
    for unit in extra:
        oriented = _orient_foreign(unit, source_lang, target_lang)
        if oriented is None:
            memory.foreign_skipped += 1
            continue
        _add(memory, pending, *oriented)
    memory.units = [_freeze(p, low_confidence) for p in pending.values()]
    memory.conflicts = _conflicts(memory.units)
    return memory


def _orientation(pair: AlignedDocument, source_lang: str, target_lang: str) -> bool:
    """False if pair.source is in source_lang, True if the sides must be swapped."""
    first, second = pair.source.lang, pair.target.lang
    if same_language(first, source_lang) and same_language(second, target_lang):
        return False
    if same_language(second, source_lang) and same_language(first, target_lang):
        return True
    raise TmError(
        f"{pair.source.path}: document pair {pair.source.id} is {first}/{second}, "
        f"not {source_lang}/{target_lang}"
    )


def _orient_foreign(
    unit: TranslationUnit, source_lang: str, target_lang: str
) -> tuple[Variant, Variant, list[Occurrence], tuple[tuple[str, str], ...], str | None] | None:
    """Retag a unit read from another memory to our languages (None if it has other ones)."""
    source, target = unit.source, unit.target
    if same_language(source.lang, target_lang) and same_language(target.lang, source_lang):
        source, target = target, source
    elif not (same_language(source.lang, source_lang) and same_language(target.lang, target_lang)):
        return None
    return (
        Variant(source_lang, source.text, source.markup),
        Variant(target_lang, target.text, target.markup),
        list(unit.occurrences),
        unit.props,
        unit.note,
    )


def _add(
    memory: Memory,
    pending: dict[tuple, _Pending],
    source: Variant,
    target: Variant,
    occurrences: list[Occurrence],
    props: tuple[tuple[str, str], ...] = (),
    note: str | None = None,
) -> None:
    key = (source.text, source.markup, target.text, target.markup)
    existing = pending.get(key)
    if existing is None:
        pending[key] = _Pending(source, target, occurrences, props, note)
        return
    memory.duplicates += max(1, len(occurrences))
    # A memory merged back into a build (or two overlapping memories) repeats
    # occurrences already recorded: keep each place once.
    seen = {_place(o) for o in existing.occurrences}
    existing.occurrences.extend(o for o in occurrences if _place(o) not in seen)
    existing.props += tuple(p for p in props if p not in existing.props)
    existing.note = existing.note or note


def _place(occurrence: Occurrence) -> tuple:
    """Where an occurrence is, whatever else (date, rounding) a reader kept of it."""
    return (occurrence.document, occurrence.source_segments, occurrence.target_segments,
            occurrence.source_file, occurrence.target_file)


def _freeze(pending: _Pending, low_confidence: float) -> TranslationUnit:
    note = pending.note
    best = max((o.confidence for o in pending.occurrences), default=None)
    if best is not None and best < low_confidence:
        note = (
            f"Low alignment confidence ({best:.2f} < {low_confidence:.2f}): "
            "check this pair before use."
        )
    return TranslationUnit(
        tuid=unit_id(pending.source, pending.target),
        source=pending.source,
        target=pending.target,
        occurrences=tuple(pending.occurrences),
        note=note,
        props=pending.props,
    )


def _conflicts(units: Sequence[TranslationUnit]) -> list[Conflict]:
    by_source: dict[str, list[TranslationUnit]] = {}
    for unit in units:
        by_source.setdefault(unit.source.text, []).append(unit)
    conflicts = []
    for source, group in by_source.items():
        targets = list(dict.fromkeys(u.target.text for u in group))
        if len(targets) > 1:
            conflicts.append(Conflict(source, tuple(targets), tuple(u.tuid for u in group)))
    return conflicts


def is_low_confidence(unit: TranslationUnit, *, threshold: float = DEFAULT_LOW_CONFIDENCE) -> bool:
    """True when the unit's best alignment confidence is below ``threshold``."""
    best = unit.confidence
    return best is not None and best < threshold


def best_match(
    memory: Memory, text: str, *, lang: str | None = None, min_score: float = 70.0
) -> tuple[TranslationUnit, float] | None:
    """The unit whose ``lang`` side (default: the memory's target side) best matches ``text``.

    Returns ``(unit, score)`` with a score in [0, 100] (100 = identical text), or
    None when nothing reaches ``min_score``. Scores are rapidfuzz's normalised
    Indel similarity over characters (``fuzz.ratio``): it is what CAT tools'
    "fuzzy match %" approximates, and rapidfuzz computes it in C over the whole
    memory in one call. Exact matches are found by a dictionary first.
    """
    from rapidfuzz import fuzz, process

    side = "source" if lang is not None and same_language(lang, memory.source_lang) else "target"
    if side not in memory._exact:
        exact: dict[str, TranslationUnit] = {}
        for unit in memory.units:
            exact.setdefault(getattr(unit, side).text, unit)
        memory._exact[side] = exact
        memory._choices[side] = [getattr(unit, side).text for unit in memory.units]
    unit = memory._exact[side].get(text)
    if unit is not None:
        return unit, 100.0
    found = process.extractOne(
        text, memory._choices[side], scorer=fuzz.ratio, score_cutoff=min_score
    )
    if found is None:
        return None
    _, score, index = found
    return memory.units[index], float(score)
