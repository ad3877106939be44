"""``tm glossary``: look terms up, scan texts, extract candidates, export.

Only wiring lives here. ``lookup`` and ``scan`` are the commands translators run
many times an hour, so this module imports nothing heavy at the top: the
glossary package is standard-library only, and extraction and export modules are
imported inside their commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tm.glossary import Glossary, load_glossary

_GLOSSARY_OPTION = click.option(
    "-g", "--glossary", "glossary_path", type=click.Path(path_type=Path),
    default=Path("glossary"), show_default=True, envvar="TM_GLOSSARY",
    help="Glossary folder (every *.toml in it) or one source file [env: TM_GLOSSARY].",
)


@click.group()
def glossary() -> None:
    """The WSIS terminology glossary: lookup, scan, extract, export, check."""


@glossary.command()
@click.argument("term")
@click.option("--from", "from_lang", metavar="LANG",
              help="Language of TERM (fr, en, or a BCP 47 tag such as fr-FR). Default: detect.")
@click.option("--to", "to_lang", metavar="LANG",
              help="Language of the equivalents. Default: the other one.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--limit", default=5, show_default=True, help="How many suggestions at most.")
@_GLOSSARY_OPTION
@click.pass_context
def lookup(ctx: click.Context, term: str, from_lang: str | None, to_lang: str | None,
           as_json: bool, limit: int, glossary_path: Path) -> None:
    """Print the equivalents of TERM; exit 1 (with suggestions) when it is not found.

    Matching ignores case, accents, apostrophe style, hyphens, spacing and plural
    endings; abbreviations (SMSI, WSIS) are found like terms.
    """
    from tm.glossary.lookup import lookup as find

    loaded = load_glossary(glossary_path, cache=True)
    result = find(loaded, term, from_lang=from_lang, to_lang=to_lang, limit=limit)
    if as_json:
        import json

        click.echo(json.dumps(_result_json(result), ensure_ascii=False, indent=2))
    elif result.found:
        for number, hit in enumerate(result.hits):
            if number:
                click.echo("")
            _print_hit(hit)
    else:
        click.echo(f"not found: {term}", err=True)
        if result.suggestions:
            click.echo("did you mean:")
            for suggestion in result.suggestions:
                target = suggestion.concept.in_language(suggestion.target_lang)
                equivalent = target.term if target else "?"
                click.echo(f"  {suggestion.form} ({suggestion.lang}) → {equivalent} "
                           f"({suggestion.target_lang})")
    ctx.exit(0 if result.found else 1)


def _print_hit(hit) -> None:
    concept = hit.concept
    source = concept.in_language(hit.lang)
    target = concept.in_language(hit.target_lang)
    flag = "  [uncertain]" if concept.status == "uncertain" else ""
    equivalent = target.term if target else "—"
    click.echo(f"{hit.form} ({hit.lang}) → {equivalent} ({hit.target_lang}){flag}")
    if source is not None and hit.form != source.term:
        click.echo(f"  {hit.lang} term: {source.term}")
    if target is not None:
        if target.variants:
            click.echo(f"  {hit.target_lang} variants: {'; '.join(target.variants)}")
        if target.abbreviations:
            click.echo(f"  {hit.target_lang} abbreviations: {'; '.join(target.abbreviations)}")
        if target.note:
            click.echo(f"  {hit.target_lang} note: {target.note}")
    if source is not None and source.note:
        click.echo(f"  {hit.lang} note: {source.note}")
    for label, value in (("definition", concept.definition), ("note", concept.note),
                         ("source", concept.source)):
        if value:
            click.echo(f"  {label}: {value}")
    click.echo(f"  concept: {concept.id} ({concept.subject}, {concept.location})")


def _terms_json(terms) -> dict | None:
    if terms is None:
        return None
    return {"lang": terms.lang, "term": terms.term, "variants": list(terms.variants),
            "abbreviations": list(terms.abbreviations), "note": terms.note}


def _result_json(result) -> dict:
    return {
        "query": result.query,
        "found": result.found,
        "matches": [
            {
                "concept": hit.concept.id,
                "subject": hit.concept.subject,
                "status": hit.concept.status,
                "from": hit.lang,
                "to": hit.target_lang,
                "matched_form": hit.form,
                "matched_kind": hit.kind,
                "source_terms": _terms_json(hit.concept.in_language(hit.lang)),
                "equivalents": _terms_json(hit.concept.in_language(hit.target_lang)),
                "definition": hit.concept.definition,
                "note": hit.concept.note,
                "source": hit.concept.source,
            }
            for hit in result.hits
        ],
        "suggestions": [
            {
                "concept": suggestion.concept.id,
                "form": suggestion.form,
                "lang": suggestion.lang,
                "score": round(suggestion.score, 3),
                "equivalent": (suggestion.concept.in_language(suggestion.target_lang).term
                               if suggestion.concept.in_language(suggestion.target_lang)
                               else None),
            }
            for suggestion in result.suggestions
        ],
    }


@glossary.command()
@click.argument("text")
@click.option("--lang", metavar="LANG", help="Language of the text (fr, en...). Default: detect.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
@_GLOSSARY_OPTION
def scan(text: str, lang: str | None, as_json: bool, glossary_path: Path) -> None:
    """List every glossary term in TEXT (a string, a file path, or - for stdin).

    One line per match: start and end offsets (characters), the text matched,
    the equivalents in the other language, and the concept id.
    """
    from tm.glossary.lookup import guess_text_language

    content = _text_argument(text)
    loaded = load_glossary(glossary_path, cache=True)
    language = lang or guess_text_language(content, loaded.languages)
    matches = loaded.scan(content, language)
    if as_json:
        import json

        click.echo(json.dumps([
            {"start": m.start, "end": m.end, "matched": m.matched, "concept": m.concept_id,
             "lang": m.lang, "form": m.form, "kind": m.kind, "target_lang": m.target_lang,
             "equivalents": list(m.equivalents)}
            for m in matches
        ], ensure_ascii=False, indent=2))
        return
    for match in matches:
        click.echo(f"{match.start}\t{match.end}\t{match.matched}\t"
                   f"{' | '.join(match.equivalents)}\t{match.concept_id}")


def _text_argument(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    candidate = Path(text)
    if "\n" not in text and len(text) < 4096 and candidate.is_file():
        from tm.textfile import read_text

        return read_text(candidate, allow_empty=True)
    return text


@glossary.command()
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=Path("build/glossary-candidates.tsv"), show_default=True,
              help="Candidates file (tab-separated) to write for review.")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Project folder holding corpus/.")
@click.option("--min-count", default=2, show_default=True,
              help="Minimum number of aligned pairs a candidate pair must co-occur in.")
@click.option("--limit", default=500, show_default=True, help="Keep at most this many candidates.")
@_GLOSSARY_OPTION
def extract(output: Path, root: Path, min_count: int, limit: int, glossary_path: Path) -> None:
    """Propose new French-English term pairs from the aligned corpus.

    Candidates are ranked and written to a file for review, with their
    frequency, an example pair, and whether the glossary already has them;
    curated entries are never modified.
    """
    from tm.glossary.extract import extract_candidates, pairs_from_aligned, write_candidates
    from tm.pipeline import aligned_corpus

    loaded = load_glossary(glossary_path) if Path(glossary_path).exists() else None
    pairs = pairs_from_aligned(aligned_corpus(root))
    candidates = extract_candidates(pairs, glossary=loaded, min_count=min_count, limit=limit)
    write_candidates(candidates, output)
    new = sum(1 for candidate in candidates if candidate.status == "new")
    click.echo(f"{len(candidates)} candidates ({new} new) written to {output}")


@glossary.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              default=Path("build/glossary"), show_default=True,
              help="Folder to write the exports into.")
@click.option("--source-lang", default="fr", show_default=True)
@click.option("--target-lang", default="en", show_default=True)
@_GLOSSARY_OPTION
def export(output: Path, source_lang: str, target_lang: str, glossary_path: Path) -> None:
    """Write TBX v2, TBX v3 (TBX-Basic), OmegaT and CSV glossaries (as tm build does)."""
    from tm.glossary.export import write_exports

    loaded = load_glossary(glossary_path)
    for path in write_exports(loaded, output, source_lang=source_lang, target_lang=target_lang):
        click.echo(str(path))


@glossary.command()
@_GLOSSARY_OPTION
def check(glossary_path: Path) -> None:
    """Check the glossary sources; print a summary, or the first problem (file:line)."""
    loaded: Glossary = load_glossary(glossary_path)
    uncertain = sum(1 for concept in loaded.concepts if concept.status == "uncertain")
    click.echo(f"{glossary_path}: {len(loaded)} concepts in {', '.join(loaded.languages)} "
               f"({uncertain} uncertain)")
