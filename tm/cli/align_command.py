"""``tm align SRC TGT``: align two files and print the beads.

With ``--presegmented`` the files hold one sentence a line and the output is the
gold files' bead listing (``[i, j]:[k]``, 0-based, every line once, in order);
otherwise the files are documents, segmented as ``tm build`` does, and the
output is ``source<TAB>target<TAB>confidence``.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("align")
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path))
@click.option("--src-lang", required=True, help="Language of SRC (BCP 47, e.g. fr, de, en-GB).")
@click.option("--tgt-lang", required=True, help="Language of TGT (BCP 47).")
@click.option("--presegmented", is_flag=True,
              help="Files hold one sentence a line; print beads as [i, j]:[k].")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
              show_default=True, help="Drop weaker beads from the tab-separated output.")
@click.option("--dictionary", "dictionary_path", type=click.Path(path_type=Path),
              help="User dictionary: source<TAB>target lines, # comments.")
@click.option("--no-glossary", is_flag=True, help="Do not use ./glossary as a dictionary.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of SRC and TGT.")
def align(src: Path, tgt: Path, src_lang: str, tgt_lang: str, presegmented: bool,
          min_confidence: float, dictionary_path: Path | None, no_glossary: bool,
          encoding: str) -> None:
    """Align SRC with its translation TGT, sentence by sentence.

    Evidence: lengths, numbers, punctuation, identical tokens and cognates, the
    glossary and --dictionary, shared SentencePiece pieces, and a lexicon learned
    in a second pass. Each bead has a confidence in [0, 1].
    """
    from tm.align import align as align_segments
    from tm.align import format_bead, read_dictionary
    from tm.langtag import normalize_tag

    src_lang, tgt_lang = normalize_tag(src_lang), normalize_tag(tgt_lang)
    dictionary: list[tuple[str, str]] = []
    if not no_glossary:
        from tm.pipeline import load_project_glossary

        glossary = load_project_glossary(Path("."))
        if glossary is not None:
            dictionary.extend(glossary.pairs(src_lang, tgt_lang))
    if dictionary_path is not None:
        dictionary.extend(read_dictionary(dictionary_path, encoding=encoding))
    if presegmented:
        from tm.textfile import read_lines

        source = read_lines(src, encoding=encoding)
        target = read_lines(tgt, encoding=encoding)
    else:
        from tm.pipeline import segment_file

        source = [segment.text for segment in segment_file(src, src_lang, encoding=encoding)]
        target = [segment.text for segment in segment_file(tgt, tgt_lang, encoding=encoding)]
    beads = align_segments(source, target, src_lang=src_lang, tgt_lang=tgt_lang,
                           dictionary=dictionary)
    if presegmented:
        click.echo("".join(format_bead(bead) + "\n" for bead in beads), nl=False)
        return
    lines = []
    for bead in beads:
        if bead.confidence < min_confidence:
            continue
        source_text = " ".join(source[index] for index in bead.source)
        target_text = " ".join(target[index] for index in bead.target)
        lines.append(f"{_one_line(source_text)}\t{_one_line(target_text)}\t"
                     f"{bead.confidence:.4f}\n")
    click.echo("".join(lines), nl=False)


def _one_line(text: str) -> str:
    """Tabs and line breaks inside a segment would break the tab-separated columns."""
    return " ".join(text.replace("\t", " ").splitlines())
