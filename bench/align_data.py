"""The alignment gold sets of ../shared/data/align, read as (name, source, target, gold) cases.

Each set's gold lists beads with its own first language (Text+Berg German
first, TransRead English first, BAF French first); the cases keep that order so
that the aligner's output and the gold files can be compared directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tm.align import parse_beads
from tm.model import Bead

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ALIGN_DATA = SHARED / "data" / "align"


@dataclass(frozen=True)
class Case:
    name: str
    source_lang: str
    target_lang: str
    source: list[str]
    target: list[str]
    gold: list[Bead]


def read_lines(path: Path) -> list[str]:
    """One sentence a line; only the newline is stripped, as the gold indices assume."""
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _case(name: str, source: Path, target: Path, gold: Path, langs: tuple[str, str]) -> Case:
    return Case(
        name,
        langs[0],
        langs[1],
        read_lines(source),
        read_lines(target),
        parse_beads(read_lines(gold), source=str(gold)),
    )


def load_sets() -> dict[str, list[Case]]:
    """{"textberg": [...], "transread": [...], "baf": [...]}; empty when shared/ is absent."""
    sets: dict[str, list[Case]] = {}
    folder = ALIGN_DATA / "textberg-dev"
    if folder.is_dir():
        sets["textberg"] = [
            _case(
                "textberg-dev",
                folder / "dev.de",
                folder / "dev.fr",
                folder / "dev.defr",
                ("de", "fr"),
            )
        ]
    folder = ALIGN_DATA / "transread-dev"
    if folder.is_dir():
        sets["transread"] = [
            _case(gold.stem, gold.with_suffix(".en"), gold.with_suffix(".fr"), gold, ("en", "fr"))
            for gold in sorted(folder.glob("*.gold"))
        ]
    folder = ALIGN_DATA / "baf-dev"
    if folder.is_dir():
        sets["baf"] = [
            _case(gold.stem, gold.with_suffix(".fr"), gold.with_suffix(".en"), gold, ("fr", "en"))
            for gold in sorted(folder.glob("*.gold"))
        ]
    return sets
