"""``tm qa``: metrics (BLEU, chrF, TER via sacrebleu) and translators' QA checks, one report."""

from __future__ import annotations

from pathlib import Path

import click

EXIT_CODES_HELP = """
\b
Exit codes:
  0  no gate failed
  1  a gate failed: findings at or above --fail-on, or a metric past --min-*/--max-ter
  2  usage error or bad input (unreadable file, mismatched line counts, empty file,
     PO without translations, unknown language or check id)
"""


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("input_file", required=False, type=click.Path(path_type=Path))
@click.option("--source", "source_path", type=click.Path(path_type=Path),
              help="Plain-text source, one segment per line (with --target).")
@click.option("--target", "target_path", type=click.Path(path_type=Path),
              help="Plain-text translation, one segment per line (with --source).")
@click.option("--source-lang", help="Source language (BCP 47, e.g. fr); picks the TMX side.")
@click.option("--target-lang", help="Target language (BCP 47, e.g. en); picks the TMX side.")
@click.option("--ref", "ref_path", type=click.Path(path_type=Path),
              help="References: plain text aligned by line, or a TMX/PO matched by source.")
@click.option("--ref-memory", type=click.Path(path_type=Path),
              help="A TMX memory (e.g. build/memory/*.tmx) whose targets are the references, "
                   "matched by source segment.")
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path),
              help="Glossary file or folder for the terminology check [default: ./glossary "
                   "if present].")
@click.option("--no-glossary", is_flag=True, help="Do not check terminology.")
@click.option("--disable", "disabled", multiple=True, metavar="ID",
              help="Switch a check off (repeatable); see --list-checks.")
@click.option("--no-metrics", is_flag=True, help="Skip BLEU/chrF/TER even with references.")
@click.option("--json", "json_path", type=click.Path(path_type=Path), is_flag=False,
              flag_value=Path("-"), default=None,
              help="Write the JSON report to FILE ('-' or no value: standard output).")
@click.option("--html", "html_path", type=click.Path(path_type=Path),
              help="Write a self-contained HTML report to FILE.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Exit 1 when a finding of this severity or graver exists.")
@click.option("--min-bleu", type=float, help="Exit 1 when corpus BLEU is below this.")
@click.option("--min-chrf", type=float, help="Exit 1 when corpus chrF is below this.")
@click.option("--max-ter", type=float, help="Exit 1 when corpus TER is above this.")
@click.option("--show", default=20, show_default=True,
              help="Findings listed in the terminal summary.")
@click.option("-j", "--jobs", type=int, help="Processes to use [default: all CPUs].")
@click.option("--list-checks", is_flag=True, help="List the checks and exit.")
def qa(input_file, source_path, target_path, source_lang, target_lang, ref_path, ref_memory,
       glossary_path, no_glossary, disabled, no_metrics, json_path, html_path, fail_on,
       min_bleu, min_chrf, max_ter, show, jobs, list_checks):
    """Score a translation and find its faults: BLEU/chrF/TER and QA checks, one report.

    INPUT_FILE is a PO file (msgid source, msgstr translation) or a TMX file
    (--source-lang/--target-lang pick the pair); or give two plain-text files with
    --source and --target. With references (--ref, --ref-memory) the corpus scores
    equal sacrebleu's command line (`sacrebleu REF -i HYP -m bleu chrf ter`) and carry
    its signatures; each segment gets its own scores, and the worst are listed.

    Checks (switch one off with --disable ID): untranslated, identical to source,
    inconsistent translations, numbers (French decimal commas and thousands spaces
    understood), glossary terminology, tags/placeholders, double spaces,
    leading/trailing whitespace, end punctuation, brackets and quotes, French
    typography, length ratio, URLs/e-mails, repeated words, capitalisation.
    """
    from tm.errors import TmError

    if list_checks:
        from tm.qa.checks import CHECKS

        for check in CHECKS.values():
            click.echo(f"{check.id:<20} {check.severity:<8} {check.description}")
        return
    try:
        _run(input_file, source_path, target_path, source_lang, target_lang, ref_path,
             ref_memory, glossary_path, no_glossary, disabled, no_metrics, json_path,
             html_path, fail_on, min_bleu, min_chrf, max_ter, show, jobs)
    except TmError as error:
        click.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None


def _run(input_file, source_path, target_path, source_lang, target_lang, ref_path, ref_memory,
         glossary_path, no_glossary, disabled, no_metrics, json_path, html_path, fail_on,
         min_bleu, min_chrf, max_ter, show, jobs):
    from tm.atomic import write_text_atomic
    from tm.qa.report import to_html, to_json, to_text
    from tm.qa.review import Gates, review

    if no_glossary:
        glossary_path = None
    elif glossary_path is None and Path("glossary").is_dir():
        glossary_path = Path("glossary")
    outcome = review(
        input_path=input_file,
        source_path=source_path,
        target_path=target_path,
        source_lang=source_lang,
        target_lang=target_lang,
        ref_path=ref_path,
        ref_memory=ref_memory,
        glossary_path=glossary_path,
        disabled=disabled,
        metrics=() if no_metrics else ("bleu", "chrf", "ter"),
        gates=Gates(fail_on=fail_on, min_bleu=min_bleu, min_chrf=min_chrf, max_ter=max_ter),
        jobs=jobs,
    )
    if json_path is not None and str(json_path) == "-":
        click.echo(to_json(outcome.result, outcome.info), nl=False)
    else:
        if json_path is not None:
            write_text_atomic(json_path, to_json(outcome.result, outcome.info))
        click.echo(to_text(outcome.result, outcome.info, show_findings=show), nl=False)
    if html_path is not None:
        write_text_atomic(html_path, to_html(outcome.result, outcome.info))
    raise SystemExit(outcome.exit_code)
