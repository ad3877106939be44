"""``tm build``: build everything for the project in the current folder."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Project folder holding corpus/ and glossary/.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: ROOT/build). Replaced atomically.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of the corpus files (the manifest may set it per file).")
@click.option("--srx", type=click.Path(dir_okay=False, path_type=Path),
              help="Segment with this SRX 2.0 file instead of tm's rules.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for aligning document pairs (default: CPU count).")
@click.option("--source-lang", default="en", show_default=True,
              help="Source language of the memories, as a BCP 47 tag (e.g. en-GB): the English "
                   "UN original by default; give fr to make French the source.")
@click.option("--target-lang", default="fr", show_default=True,
              help="Target language of the memories, as a BCP 47 tag (e.g. fr-FR).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave aligned pairs under this confidence out of the memories.")
@click.option("--merge", type=click.Path(dir_okay=False, path_type=Path), multiple=True,
              help="Merge the units of this TMX file (from another tool) into the memory; "
                   "repeatable.")
def build(root: Path, out_dir: Path | None, encoding: str, srx: Path | None,
          jobs: int | None, source_lang: str, target_lang: str, min_confidence: float,
          merge: tuple[Path, ...]) -> None:
    """Segment, align and export the corpus of ROOT into ROOT/build.

    With no arguments, reads ./corpus and ./glossary and writes ./build. A failed
    run leaves the previous build untouched; the same input gives identical files.
    """
    from tm.build import MemorySettings, summary_lines
    from tm.build import build as run_build
    from tm.langtag import normalize_tag

    settings = MemorySettings(
        source_lang=normalize_tag(source_lang),
        target_lang=normalize_tag(target_lang),
        min_confidence=min_confidence,
        merge=merge,
    )
    report = run_build(root, out_dir=out_dir, encoding=encoding, srx=srx,
                       jobs=jobs or os.cpu_count() or 1, memory=settings)
    for line in summary_lines(report):
        click.echo(line)
