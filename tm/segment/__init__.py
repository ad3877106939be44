"""Segmentation: documents -> segments, with SRX rules.

Each paragraph (a line of the source file: letters put every address line, the
date and the signature on lines of their own) is cut by the SRX rules for its
language; inline markup follows the text into the segments. The rules that ship
with ``tm`` are ``tm/data/srx/tm-un.srx``; a user can bring their own SRX file
(e.g. exported from a CAT tool) instead.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from tm.langtag import normalize_tag
from tm.markup import slice_markup
from tm.model import Document, Paragraph, Segment
from tm.segment.srx import Segmenter, SrxDocument, load_srx, parse_srx

DEFAULT_SRX_NAME = "tm-un.srx"

__all__ = [
    "DEFAULT_SRX_NAME",
    "default_srx",
    "segmenter_for",
    "segment_paragraph",
    "segment_document",
    "segment_lines",
]


@lru_cache(maxsize=1)
def default_srx() -> SrxDocument:
    """The SRX rules shipped with tm (parsed once per process)."""
    data = resources.files("tm").joinpath("data", "srx", DEFAULT_SRX_NAME).read_bytes()
    return parse_srx(data, source=DEFAULT_SRX_NAME)


@lru_cache(maxsize=16)
def _segmenter(srx_path: str | None, lang: str) -> Segmenter:
    document = default_srx() if srx_path is None else load_srx(Path(srx_path))
    return document.rules_for(lang)


def segmenter_for(lang: str, *, srx: Path | None = None) -> Segmenter:
    """The segmenter for ``lang`` (a BCP 47 tag), from the shipped rules or the SRX file ``srx``."""
    return _segmenter(str(srx) if srx is not None else None, normalize_tag(lang))


def segment_paragraph(
    paragraph: Paragraph, segmenter: Segmenter, *, paragraph_index: int = 0
) -> list[Segment]:
    """Cut one paragraph into segments, carrying its markup into each."""
    return [
        Segment(
            text=paragraph.text[start:end],
            markup=slice_markup(paragraph.markup, start, end),
            line=paragraph.line,
            paragraph=paragraph_index,
        )
        for start, end in segmenter.split(paragraph.text)
    ]


def segment_document(document: Document, *, srx: Path | None = None) -> list[Segment]:
    """All segments of a document, in order."""
    segmenter = segmenter_for(document.lang, srx=srx)
    segments: list[Segment] = []
    for index, paragraph in enumerate(document.paragraphs):
        segments.extend(segment_paragraph(paragraph, segmenter, paragraph_index=index))
    return segments


def segment_lines(lines: list[str], lang: str, *, srx: Path | None = None) -> list[str]:
    """Segment plain lines (each a paragraph, no markup parsing) into segment texts."""
    segmenter = segmenter_for(lang, srx=srx)
    result: list[str] = []
    for line in lines:
        result.extend(line[start:end] for start, end in segmenter.split(line))
    return result
