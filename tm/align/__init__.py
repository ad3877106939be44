"""Sentence alignment: two lists of segments -> beads with a confidence.

``align`` is the entry point (see :mod:`tm.align.aligner`); ``AlignOptions``
switches each evidence source and records the settings as a signature;
``format_bead``/``parse_beads`` read and write the gold files' bead format and
``score_alignments`` scores against gold as the Vecalign/Bertalign papers do.
Heavy pieces (sentencepiece) are imported only when used.
"""

from tm.align.aligner import align
from tm.align.dictionary import read_dictionary
from tm.align.format import format_bead, parse_bead, parse_beads
from tm.align.options import AlignOptions
from tm.align.scoring import count_alignment, score_alignments

__all__ = [
    "AlignOptions",
    "align",
    "count_alignment",
    "format_bead",
    "parse_bead",
    "parse_beads",
    "read_dictionary",
    "score_alignments",
]
