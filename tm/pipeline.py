"""The pipeline's stages wired together for one file, one text, or one corpus.

These are the entry points other modules (CLI commands, the build, QA, glossary
extraction) share, so that "segmented as ``tm build`` does" means the same code
everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tm.corpus import document_pairs, load_corpus, read_documents
from tm.model import AlignedDocument, Document, Segment
from tm.segment import segment_document, segment_lines, segment_paragraph, segmenter_for


def segment_file(
    path: Path, lang: str, *, encoding: str = "utf-8", srx: Path | None = None
) -> list[Segment]:
    """Read one document file (markup parsed, one paragraph per line) and segment it."""
    segmenter = segmenter_for(lang, srx=srx)
    segments: list[Segment] = []
    for _, paragraphs in read_documents(Path(path), lang, encoding=encoding, split=False):
        for index, paragraph in enumerate(paragraphs):
            segments.extend(segment_paragraph(paragraph, segmenter, paragraph_index=index))
    return segments


def segment_text(text: str, lang: str, *, srx: Path | None = None) -> list[str]:
    """Segment a plain text, one paragraph per line (no markup parsing)."""
    return segment_lines(text.split("\n"), lang, srx=srx)


def align_documents(
    source: Document,
    target: Document,
    *,
    dictionary: Iterable[tuple[str, str]] = (),
    srx: Path | None = None,
) -> AlignedDocument:
    """Segment a document pair and align it: the unit of work of a (parallel) build."""
    from tm.align import align

    source_segments = tuple(segment_document(source, srx=srx))
    target_segments = tuple(segment_document(target, srx=srx))
    beads = align(
        [segment.text for segment in source_segments],
        [segment.text for segment in target_segments],
        src_lang=source.lang,
        tgt_lang=target.lang,
        dictionary=dictionary,
    )
    return AlignedDocument(source, target, source_segments, target_segments, tuple(beads))


def load_project_glossary(root: Path):
    """The curated glossary of ``root/glossary``, or None when the project has none."""
    folder = Path(root) / "glossary"
    if not folder.is_dir():
        return None
    from tm.glossary import load_glossary

    return load_glossary(folder)


def aligned_corpus(root: Path = Path("."), *, encoding: str = "utf-8") -> list[AlignedDocument]:
    """Read ``root/corpus``, and align each French document with its English counterpart."""
    documents = load_corpus(Path(root) / "corpus", encoding=encoding)
    pairs = [(fr, en) for fr, en in document_pairs(documents) if en is not None]
    if not pairs:
        return []
    glossary = load_project_glossary(root)
    dictionary = glossary.pairs(pairs[0][0].lang, pairs[0][1].lang) if glossary else []
    return [align_documents(fr, en, dictionary=dictionary) for fr, en in pairs]
