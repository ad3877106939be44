"""The build's human-readable reports: segmentation and alignment, one TSV per document.

They are for people checking a build (and for diffs between builds), so each row
is one segment or bead with its text; tabs, newlines and backslashes inside a text
are escaped so that every row stays one line.
"""

from __future__ import annotations

from tm.markup import render_markdown
from tm.model import AlignedDocument, Document, Segment


def escape_field(text: str) -> str:
    """Make a text safe for one TSV field (backslash escapes for tab, newline, backslash)."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def segments_report(document: Document, segments: list[Segment]) -> str:
    """The per-document segmentation report: one row per segment, markup as Markdown."""
    rows = ["segment\tline\tparagraph\ttext"]
    for number, segment in enumerate(segments, start=1):
        text = escape_field(render_markdown(segment.text, segment.markup))
        rows.append(f"{number}\t{segment.line}\t{segment.paragraph + 1}\t{text}")
    return "\n".join(rows) + "\n"


def alignment_report(aligned: AlignedDocument) -> str:
    """The beads of one document pair with their confidence and texts, one row per bead."""
    rows = [f"{aligned.source.lang}\t{aligned.target.lang}\tkind\tconfidence\tsource\ttarget"]
    for bead in aligned.beads:
        source = " ".join(aligned.source_segments[i].text for i in bead.source)
        target = " ".join(aligned.target_segments[i].text for i in bead.target)
        rows.append("\t".join([
            ",".join(str(i) for i in bead.source),
            ",".join(str(i) for i in bead.target),
            bead.kind,
            f"{bead.confidence:.3f}",
            escape_field(source),
            escape_field(target),
        ]))
    return "\n".join(rows) + "\n"
