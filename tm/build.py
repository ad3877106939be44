"""``tm build``: the whole pipeline over a project folder, written atomically into build/.

The build reads ``corpus/`` (and ``glossary/`` when present), segments every
document, aligns each French document with its English counterpart, and writes
its reports into a staging folder that replaces ``build/`` only when everything
succeeded, so a failed run leaves the previous build intact. Output is
deterministic: the same input gives byte-identical files.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tm import __version__
from tm.atomic import atomic_directory, write_text_atomic
from tm.corpus import document_pairs, load_corpus
from tm.errors import TmError
from tm.formats.outputs import write_memory_files
from tm.formats.reports import alignment_report, segments_report
from tm.model import AlignedDocument, Document, Segment
from tm.pipeline import align_documents, load_project_glossary
from tm.segment import DEFAULT_SRX_NAME, segment_document

#: Beads under this confidence are listed in the summary for a human to check.
LOW_CONFIDENCE = 0.5
#: The build summary lists at most this many low-confidence pairs (summary.json has all).
SUMMARY_PAIRS = 20
#: From this many document pairs on, the build shows a progress bar (on a terminal).
PROGRESS_THRESHOLD = 20
#: From this many document pairs on, pairs are aligned in worker processes: below it,
#: starting the workers costs more than it saves.
PARALLEL_THRESHOLD = 4


@dataclass
class BuildReport:
    """What a build did, for the summary line and for tests."""

    out_dir: Path
    documents: int = 0
    segments: int = 0
    pairs: int = 0
    unpaired: list[str] = field(default_factory=list)
    low_confidence: list[tuple[str, int, str, float]] = field(default_factory=list)
    units: int = 0
    conflicts: int = 0
    removed_characters: int = 0
    qa_findings: int = 0
    files: list[str] = field(default_factory=list)


def _align_job(job: tuple[Document, Document, list[tuple[str, str]], Path | None]) \
        -> AlignedDocument:
    source, target, dictionary, srx = job
    return align_documents(source, target, dictionary=dictionary, srx=srx)


def align_all(
    pairs: list[tuple[Document, Document]],
    dictionary: list[tuple[str, str]],
    *,
    srx: Path | None = None,
    jobs: int = 1,
) -> list[AlignedDocument]:
    """Align document pairs, in worker processes when ``jobs`` > 1, with a progress bar if many."""
    from tqdm import tqdm

    work = [(source, target, dictionary, srx) for source, target in pairs]
    show = None if len(work) >= PROGRESS_THRESHOLD else True  # None: only on a terminal
    with tqdm(total=len(work), desc="aligning", unit="pair", disable=show) as bar:
        if jobs > 1 and len(work) >= PARALLEL_THRESHOLD:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                results = []
                for result in pool.map(_align_job, work):
                    results.append(result)
                    bar.update()
                return results
        results = []
        for job in work:
            results.append(_align_job(job))
            bar.update()
        return results


@dataclass(frozen=True)
class MemorySettings:
    """How pairs become the memory: direction and tags, thresholds, TMX files to merge."""

    source_lang: str = "en"
    target_lang: str = "fr"
    min_confidence: float = 0.0
    low_confidence: float = LOW_CONFIDENCE
    merge: tuple[Path, ...] = ()


def build(
    root: Path = Path("."),
    *,
    out_dir: Path | None = None,
    encoding: str = "utf-8",
    srx: Path | None = None,
    jobs: int = 1,
    memory: MemorySettings | None = None,
) -> BuildReport:
    """Build everything for the project at ``root`` into ``out_dir`` (default ``root/build``)."""
    settings = memory or MemorySettings()
    root = Path(root)
    if out_dir is None:
        # ROOT/build is tm's own folder by contract (the README says so); setuptools
        # also leaves build/lib there after `pip install .`, which may go with it.
        out_dir = root / "build"
    else:
        out_dir = Path(out_dir)
        check_output_folder(out_dir, root)
    documents = load_corpus(root / "corpus", encoding=encoding)
    report = BuildReport(out_dir=out_dir, documents=len(documents))
    segmented = {document.id: segment_document(document, srx=srx) for document in documents}
    report.segments = sum(len(segments) for segments in segmented.values())
    pairs = document_pairs(documents)
    complete = [(fr, en) for fr, en in pairs if en is not None]
    report.unpaired = [fr.id for fr, en in pairs if en is None]
    glossary = load_project_glossary(root)
    dictionary = (
        glossary.pairs(complete[0][0].lang, complete[0][1].lang) if glossary and complete else []
    )
    aligned = align_all(complete, dictionary, srx=srx, jobs=jobs)
    report.pairs = len(aligned)
    for pair in aligned:
        for bead in pair.beads:
            if bead.source and bead.target and bead.confidence < LOW_CONFIDENCE:
                text = " ".join(pair.source_segments[i].text for i in bead.source)
                report.low_confidence.append(
                    (pair.source.id, bead.source[0], text, bead.confidence)
                )

    translation_memory = _build_memory(aligned, settings, root=root)
    report.units = len(translation_memory.units)
    report.conflicts = len(translation_memory.conflicts)

    with atomic_directory(out_dir) as staging:
        written = _write_outputs(staging, documents, segmented, aligned, report, srx=srx)
        unpaired = [fr for fr, en in pairs if en is None]
        memory_files = write_memory_files(
            staging,
            translation_memory,
            untranslated=[(document, segmented[document.id]) for document in unpaired],
            document_dates=[document.date for document in documents],
            signature=build_signature(srx),
            low_confidence=settings.low_confidence,
            root=root,
        )
        written.extend(memory_files.files)
        report.removed_characters = len(memory_files.tmx.removed) if memory_files.tmx else 0
        _write_json(staging / "memory" / "memory.json", memory_files.summary(translation_memory))
        written.append("memory/memory.json")
        written.extend(_write_memory_qa(staging, root, settings, report))
        if glossary is not None:
            from tm.glossary.export import write_exports

            exported = write_exports(glossary, staging / "glossary", source_lang="fr",
                                     target_lang="en")
            written.extend(str(path.relative_to(staging)) for path in exported)
        written.sort()
    report.files = written
    return report


def _write_outputs(
    staging: Path,
    documents: list[Document],
    segmented: dict[str, list[Segment]],
    aligned: Iterable[AlignedDocument],
    report: BuildReport,
    *,
    srx: Path | None,
) -> list[str]:
    written: list[str] = []

    def write(relative: str, text: str) -> None:
        write_text_atomic(staging / relative, text)
        written.append(relative)

    for document in documents:
        write(f"segments/{document.id}.tsv", segments_report(document, segmented[document.id]))
    aligned = list(aligned)
    for pair in aligned:
        write(f"alignments/{pair.source.id}.tsv", alignment_report(pair))
    summary = {
        "tm_version": __version__,
        "segmentation_rules": str(srx) if srx else DEFAULT_SRX_NAME,
        "documents": [
            {
                "id": document.id,
                "lang": document.lang,
                "file": document.path.name,
                "part": document.part,
                "symbol": document.symbol,
                "date": document.date,
                "counterpart": document.counterpart,
                "segments": len(segmented[document.id]),
            }
            for document in documents
        ],
        "pairs": [
            {
                "source": pair.source.id,
                "target": pair.target.id,
                "beads": len(pair.beads),
                "low_confidence": sum(
                    1 for bead in pair.beads
                    if bead.source and bead.target and bead.confidence < LOW_CONFIDENCE
                ),
            }
            for pair in aligned
        ],
        "unpaired": report.unpaired,
        "low_confidence_pairs": [
            {"document": document_id, "segment": index + 1, "confidence": round(confidence, 3),
             "source": text}
            for document_id, index, text, confidence in report.low_confidence
        ],
    }
    _write_json(staging / "summary.json", summary)
    written.append("summary.json")
    return sorted(written)


def check_output_folder(out_dir: Path, root: Path) -> None:
    """Refuse to replace a folder given as ``--out`` that is not a previous build.

    ``tm build --out corpus`` or ``--out .`` must not delete the user's files: an
    existing output folder is replaced only when it is empty or holds a build's
    ``summary.json``, and never when it contains the project itself.
    """
    out, project = out_dir.resolve(), root.resolve()
    if out == project or out in project.parents:
        raise TmError(f"refusing to write the build into {out_dir}: it holds the project itself")
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise TmError(f"{out_dir}: exists and is not a folder; choose another --out")
    summary = out_dir / "summary.json"
    if any(out_dir.iterdir()) and not (summary.is_file() and '"tm_version"' in
                                       summary.read_text(encoding="utf-8", errors="replace")):
        raise TmError(f"refusing to replace {out_dir}: it is not empty and not a tm build "
                      "(no summary.json); choose another --out")


def build_signature(srx: Path | None) -> str:
    """Every setting that changes the memory, for the TMX header (cf. sacrebleu signatures)."""
    from tm.align import AlignOptions

    rules = Path(srx).name if srx else DEFAULT_SRX_NAME
    return f"tm:{__version__}|srx:{rules}|align:{AlignOptions().signature()}"


def _build_memory(aligned: list[AlignedDocument], settings: MemorySettings, *, root: Path):
    """Aligned pairs (and units of the TMX files to merge) -> a deduplicated memory."""
    from tm.formats.tmx_reader import read_tmx
    from tm.memory import build_memory

    merged = [unit for path in settings.merge for unit in read_tmx(
        path, source_lang=settings.source_lang, target_lang=settings.target_lang)]
    return build_memory(
        aligned,
        source_lang=settings.source_lang,
        target_lang=settings.target_lang,
        low_confidence=settings.low_confidence,
        min_confidence=settings.min_confidence,
        root=root,
        extra=merged,
    )


def _write_memory_qa(
    staging: Path, root: Path, settings: MemorySettings, report: BuildReport
) -> list[str]:
    """QA of the memory's own pairs (checks only: the memory is its own reference)."""
    from tm.qa.report import to_html, to_json
    from tm.qa.review import review

    memory_po = staging / "memory" / "corpus.po"
    if not memory_po.exists():
        return []
    glossary = root / "glossary"
    result = review(
        input_path=memory_po,
        source_lang=settings.source_lang,
        target_lang=settings.target_lang,
        glossary_path=glossary if glossary.is_dir() else None,
        metrics=(),
        jobs=1,
    )
    info = dataclasses.replace(result.info, origin="memory/corpus.po")
    write_text_atomic(staging / "qa" / "memory.json", to_json(result.result, info))
    write_text_atomic(staging / "qa" / "memory.html", to_html(result.result, info))
    report.qa_findings = len(result.result.findings)
    return ["qa/memory.html", "qa/memory.json"]


def _write_json(path: Path, data: object) -> None:
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def summary_lines(report: BuildReport) -> list[str]:
    """The short human summary ``tm build`` prints."""
    lines = [
        f"{report.documents} documents, {report.segments} segments, "
        f"{report.pairs} aligned pair(s), {report.units} translation units -> {report.out_dir}/",
    ]
    if report.conflicts:
        lines.append(f"{report.conflicts} source segment(s) with different translations "
                     "(kept; see memory/memory.json)")
    if report.removed_characters:
        lines.append(f"{report.removed_characters} character(s) illegal in XML removed from the "
                     "TMX (see memory/memory.json)")
    if report.qa_findings:
        lines.append(f"{report.qa_findings} QA finding(s) in the memory's own pairs: "
                     f"see {report.out_dir}/qa/memory.html")
    if report.unpaired:
        lines.append(f"{len(report.unpaired)} document(s) without an English counterpart: "
                     + ", ".join(report.unpaired))
    if report.low_confidence:
        lines.append(f"{len(report.low_confidence)} low-confidence pair(s) to check:")
        for document_id, index, text, confidence in report.low_confidence[:SUMMARY_PAIRS]:
            preview = text if len(text) <= 70 else text[:67] + "..."
            lines.append(f"  {document_id} #{index + 1} ({confidence:.2f}): {preview}")
        if len(report.low_confidence) > SUMMARY_PAIRS:
            lines.append(f"  ... and {len(report.low_confidence) - SUMMARY_PAIRS} more: every one "
                         f"is in {report.out_dir}/summary.json (low_confidence_pairs)")
    return lines
