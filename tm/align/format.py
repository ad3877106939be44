"""The bead listing format of the standard gold files: ``[i, j]:[k]``, one bead a line.

It is the format of the Text+Berg, TransRead and BAF gold files and of Vecalign's
output, so alignments can be diffed against gold with ordinary tools. The writer
and the reader live side by side so that they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from tm.errors import TmError
from tm.model import Bead

_BEAD_LINE = regex.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\](?:\s*:.*)?$")


def format_bead(bead: Bead) -> str:
    """``Bead((0, 1), (2,))`` -> ``"[0, 1]:[2]"`` (0-based indices, as in the gold files)."""
    source = ", ".join(str(index) for index in bead.source)
    target = ", ".join(str(index) for index in bead.target)
    return f"[{source}]:[{target}]"


def _indices(text: str, *, where: str) -> tuple[int, ...]:
    parts = [part.strip() for part in text.split(",")]
    if parts == [""]:
        return ()
    if any(not part.isdigit() for part in parts):
        raise TmError(f"{where}: malformed index list [{text}]")
    return tuple(int(part) for part in parts)


def parse_bead(line: str, *, where: str = "<bead>") -> Bead:
    """Parse one ``[i, j]:[k]`` line (a trailing ``:score`` field is accepted and ignored)."""
    match = _BEAD_LINE.match(line)
    if not match:
        raise TmError(f"{where}: not a bead line {line.strip()!r} (expected e.g. [0, 1]:[2])")
    return Bead(_indices(match[1], where=where), _indices(match[2], where=where))


def parse_beads(lines: Iterable[str], *, source: str = "<beads>") -> list[Bead]:
    """Parse a bead listing; blank lines are skipped, errors name ``source`` and the line."""
    beads = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            beads.append(parse_bead(line, where=f"{source}, line {number}"))
    return beads
