"""``tm segment``: print the segments of a document, one per line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tm.errors import TmError


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--lang", "-l", help="BCP 47 language tag (e.g. fr, en-GB); default: from the "
              "file name (NAME.fr.txt, SYMBOL-F.txt).")
@click.option("--srx", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this SRX 2.0 rules file (e.g. exported from a CAT tool) instead of tm's.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input.")
@click.option("--plain", is_flag=True,
              help="Drop inline markup instead of writing it as **Markdown**.")
def segment(file: str, lang: str | None, srx: Path | None, encoding: str, plain: bool) -> None:
    """Cut FILE into segments and print one per line.

    Every line of the input is a paragraph (a letter's address lines stay apart);
    prose paragraphs are cut into sentences by the SRX rules. FILE may be - to read
    standard input. Inline emphasis (**Annan**) is kept as Markdown unless --plain.
    """
    from tm.corpus import paragraphs_of, parse_file_name
    from tm.markup import render_markdown
    from tm.segment import segment_paragraph, segmenter_for
    from tm.textfile import decode_text, read_text

    if lang is None:
        named = parse_file_name(Path(file).name) if file != "-" else None
        if named is None:
            raise TmError("cannot tell the language: give --lang (e.g. --lang fr)")
        lang = named.lang
    segmenter = segmenter_for(lang, srx=srx)
    if file == "-":
        text = decode_text(sys.stdin.buffer.read(), source="<stdin>", encoding=encoding)
    else:
        text = read_text(Path(file), encoding=encoding)
    lines = list(enumerate(text.split("\n"), start=1))
    out = sys.stdout
    for index, paragraph in enumerate(paragraphs_of(lines)):
        for piece in segment_paragraph(paragraph, segmenter, paragraph_index=index):
            out.write((piece.text if plain else render_markdown(piece.text, piece.markup)) + "\n")
