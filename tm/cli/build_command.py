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
def build(root: Path, out_dir: Path | None, encoding: str, srx: Path | None,
          jobs: int | None) -> None:
    """Segment, align and export the corpus of ROOT into ROOT/build.

    With no arguments, reads ./corpus and ./glossary and writes ./build. A failed
    run leaves the previous build untouched; the same input gives identical files.
    """
    from tm.build import build as run_build
    from tm.build import summary_lines

    report = run_build(root, out_dir=out_dir, encoding=encoding, srx=srx,
                       jobs=jobs or os.cpu_count() or 1)
    for line in summary_lines(report):
        click.echo(line)
