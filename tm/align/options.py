"""Aligner settings, and the signature string that records them.

Like sacrebleu's signature, :meth:`AlignOptions.signature` names every setting
that changes the beads, so a memory built with one configuration can be told
apart from another (the lead puts it into the TMX header).
"""

from __future__ import annotations

from dataclasses import dataclass

from tm import __version__
from tm.align.weights import EVIDENCE_WEIGHTS


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignOptions:
    """Which evidence the aligner uses, and the few knobs of its search.

    Each evidence flag can be switched off alone (the benchmark's ablation does so).
    """

    length: bool = True  # Gale-Church length cost, ratio and variance from the document pair
    numbers: bool = True  # numbers, years, dates (month names), roman numerals, URLs, e-mails
    punctuation: bool = True  # ? ! : ; quotes, brackets
    identical: bool = True  # identical tokens (names, acronyms) after case/accent folding
    cognates: bool = True  # consonant-skeleton prefixes (gouvernance/governance)
    dictionary: bool = True  # glossary and user dictionary pairs
    subwords: bool = True  # pieces of a SentencePiece model trained on the two texts
    sp_vocab: int = 8000  # SentencePiece vocabulary size (shrunk for small texts)
    realign: bool = True  # second pass with a lexicon learned from the first pass
    window: int = 8  # half-width of the search band around the coarser level's path

    def signature(self) -> str:
        """E.g. ``len:on|num:on|punct:on|ident:on|cog:on|dict:on|sp:8000|realign:on|...``
        (the evidence weights of :mod:`tm.align.weights` included)."""

        def flag(value: bool) -> str:
            return "on" if value else "off"

        parts = [
            f"len:{flag(self.length)}",
            f"num:{flag(self.numbers)}",
            f"punct:{flag(self.punctuation)}",
            f"ident:{flag(self.identical)}",
            f"cog:{flag(self.cognates)}",
            f"dict:{flag(self.dictionary)}",
            f"sp:{self.sp_vocab if self.subwords else 'off'}",
            f"realign:{flag(self.realign)}",
            f"win:{self.window}",
            "wt:" + ",".join(f"{family}{weight:g}" for family, weight in EVIDENCE_WEIGHTS.items()),
            f"version:{__version__}",
        ]
        return "|".join(parts)
