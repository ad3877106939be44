"""Reading a user's bilingual dictionary: tab-separated ``source<TAB>target`` pairs.

The format is OmegaT's glossary format (a third column, a comment, is allowed and
ignored; ``#`` lines and blank lines are skipped), so a translator's existing
glossary file can be handed to the aligner as it is.
"""

from __future__ import annotations

from pathlib import Path

from tm.errors import TmError
from tm.textfile import read_text


def read_dictionary(path: Path, *, encoding: str = "utf-8") -> list[tuple[str, str]]:
    """Read ``path`` as tab-separated (source term, target term) pairs; TmError on bad lines."""
    text = read_text(Path(path), encoding=encoding, allow_empty=True)
    pairs = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise TmError(f"{path}, line {number}: expected 'source<TAB>target', found no tab")
        source, target = fields[0].strip(), fields[1].strip()
        if not source or not target:
            raise TmError(f"{path}, line {number}: empty source or target term")
        pairs.append((source, target))
    return pairs
