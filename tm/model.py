"""Plain data types shared by every stage of the pipeline.

They are frozen dataclasses with no behaviour beyond small conveniences, so that
each stage stays a plain function and a document pair can be processed alone (in
another process or on another machine) by pickling these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Markup:
    """An inline markup span over plain text, in character offsets [start, end).

    ``kind`` is ``"strong"`` (Markdown ``**x**``) or ``"emphasis"`` (``*x*``).
    Markup is kept beside the text, never inside it, so segment text carries no
    asterisks and TMX writers can emit paired ``<bpt>``/``<ept>`` tags.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document: a line of the source file, with its markup."""

    text: str
    markup: tuple[Markup, ...] = ()
    line: int = 0  # 1-based line number in the source file


@dataclass(frozen=True, slots=True)
class Segment:
    """One translation segment (a sentence, or a line of a letter's address block)."""

    text: str
    markup: tuple[Markup, ...] = ()
    line: int = 0  # 1-based line number in the source file
    paragraph: int = 0  # 0-based paragraph index within the document


@dataclass(frozen=True, slots=True)
class Document:
    """One document (e.g. one letter) read from a corpus file.

    A file may hold several documents; ``part`` is the 1-based position of this
    one inside its file. ``counterpart`` is the id of the document it translates
    or is translated by, when one is available.
    """

    id: str
    lang: str
    path: Path
    paragraphs: tuple[Paragraph, ...]
    part: int = 1
    symbol: str | None = None
    date: str | None = None
    title: str | None = None
    counterpart: str | None = None
    provenance: str | None = None


@dataclass(frozen=True, slots=True)
class Bead:
    """An alignment bead: source and target segment indices (0-based) and a confidence.

    Either side may be empty (an unaligned segment). ``confidence`` is in [0, 1].
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        """The bead type as aligners name it, e.g. ``"1-1"``, ``"2-1"``, ``"1-0"``."""
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True, slots=True)
class AlignedDocument:
    """A segmented document pair and the beads that align it."""

    source: Document
    target: Document
    source_segments: tuple[Segment, ...]
    target_segments: tuple[Segment, ...]
    beads: tuple[Bead, ...] = field(default=())
