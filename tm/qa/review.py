"""One QA run from paths and options: read, resolve languages and references, check, gate.

This is what ``tm qa`` calls; it knows nothing of click. It settles the three
things the readers leave open: which languages the pair is (options first, then
what the file declares; for an fr/en tool, knowing one side gives the other),
where the references come from (a plain file aligned by line, or a TMX/PO memory
matched by source segment), and whether the run passes its gates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tm import __version__
from tm.qa.checks import CHECKS
from tm.qa.inputs import (
    Bitext,
    match_references,
    read_bitext,
    read_lines,
    read_plain,
    references_by_source,
)
from tm.qa.model import SEVERITIES, Check, Context, Pair, QaInputError
from tm.qa.report import ReportInfo
from tm.qa.runner import QaResult, run_qa

#: Exit codes of ``tm qa`` (documented in its help).
EXIT_OK, EXIT_GATE_FAILED, EXIT_BAD_INPUT = 0, 1, 2


@dataclass(slots=True)
class Gates:
    """When a run fails: findings at or above a severity, or a metric past a threshold."""

    fail_on: str | None = None
    min_bleu: float | None = None
    min_chrf: float | None = None
    max_ter: float | None = None

    def needs_metrics(self) -> bool:
        return any(v is not None for v in (self.min_bleu, self.min_chrf, self.max_ter))


@dataclass(slots=True)
class Review:
    """A finished run: the result, what the report should say, and the exit code."""

    result: QaResult
    info: ReportInfo
    exit_code: int
    notes: list[str] = field(default_factory=list)


def _primary(tag: str | None) -> str | None:
    if not tag:
        return None
    from tm.errors import TmError
    from tm.langtag import primary_language

    try:
        return primary_language(tag)
    except TmError as error:  # a bad tag is bad input: one line, exit 2
        raise QaInputError(str(error)) from None


def resolve_languages(
    source_lang: str | None, target_lang: str | None, bitext: Bitext
) -> tuple[str, str]:
    """Primary subtags of the pair: options, else the file's own, else the other of fr/en."""
    source = _primary(source_lang) or _primary(bitext.source_lang)
    target = _primary(target_lang) or _primary(bitext.target_lang)
    pair = {"fr": "en", "en": "fr"}
    if source and not target:
        target = pair.get(source)
    if target and not source:
        source = pair.get(target)
    if not source or not target:
        raise QaInputError(
            f"{bitext.origin}: cannot tell the languages; give --source-lang and --target-lang"
        )
    if source == target:
        raise QaInputError(f"source and target language are both {source!r}")
    return source, target


def select_checks(disabled: Sequence[str] = ()) -> list[Check]:
    """The registered checks minus ``disabled`` (unknown ids are a usage error)."""
    unknown = sorted(set(disabled) - set(CHECKS))
    if unknown:
        raise QaInputError(
            f"unknown check id(s): {', '.join(unknown)} (see tm qa --list-checks)"
        )
    return [check for check_id, check in CHECKS.items() if check_id not in set(disabled)]


def load_glossary_for(path: Path | None, source: str, target: str):
    """The glossary at ``path`` if it knows both languages, else None (with the reason)."""
    if path is None:
        return None, None
    from tm.errors import TmError
    from tm.glossary import load_glossary

    try:
        glossary = load_glossary(Path(path))
    except TmError as error:
        raise QaInputError(str(error)) from None
    missing = [lang for lang in (source, target) if lang not in glossary.languages]
    if missing:
        return None, f"terminology not checked: the glossary has no {', '.join(missing)} terms"
    return glossary, None


def qa_signature(checks: Sequence[Check], *, source: str, target: str, glossary) -> str:
    """Everything besides the metrics that changes the findings, sacrebleu-style."""
    concepts = len(glossary.concepts) if glossary is not None else 0
    return "|".join([
        f"tm:{__version__}",
        f"langs:{source}-{target}",
        f"glossary:{concepts}" if glossary is not None else "glossary:none",
        "checks:" + ",".join(check.id for check in checks),
    ])


def gate_failures(result: QaResult, gates: Gates) -> list[str]:
    """Why the run fails its gates (empty when it passes)."""
    failures = []
    if gates.fail_on:
        floor = SEVERITIES.index(gates.fail_on)
        hits = [f for f in result.findings if SEVERITIES.index(f.severity) >= floor]
        if hits:
            failures.append(f"{len(hits)} findings at or above severity '{gates.fail_on}'")
    scores = {name: score.score for name, score in result.scores.items()}
    for name, threshold, below in (
        ("bleu", gates.min_bleu, True),
        ("chrf", gates.min_chrf, True),
        ("ter", gates.max_ter, False),
    ):
        if threshold is None:
            continue
        value = scores.get(name)
        if value is None:
            failures.append(f"{name} not computed (no references or metric disabled)")
        elif (value < threshold) if below else (value > threshold):
            relation = "below the minimum" if below else "above the maximum"
            failures.append(f"{name} {value:.2f} is {relation} {threshold:g}")
    return failures


def review(
    *,
    input_path: Path | None = None,
    source_path: Path | None = None,
    target_path: Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    ref_path: Path | None = None,
    ref_memory: Path | None = None,
    glossary_path: Path | None = None,
    disabled: Sequence[str] = (),
    metrics: Sequence[str] = ("bleu", "chrf", "ter"),
    gates: Gates | None = None,
    jobs: int | None = None,
) -> Review:
    """Run QA on one translation; raise QaInputError (exit 2) for bad input or usage."""
    gates = gates or Gates()
    checks = select_checks(disabled)
    if input_path is not None and (source_path or target_path):
        raise QaInputError("give either a PO/TMX file or --source and --target, not both")
    if input_path is not None:
        bitext = read_bitext(input_path, source_lang=source_lang, target_lang=target_lang)
    elif source_path and target_path:
        bitext = read_plain(Path(source_path), Path(target_path))
    else:
        raise QaInputError("nothing to review: give a PO/TMX file, or --source and --target")
    source, target = resolve_languages(source_lang, target_lang, bitext)
    notes = list(bitext.notes)

    references: list[str | None] = [None] * len(bitext.sources)
    if ref_path is not None and ref_memory is not None:
        raise QaInputError("give either --ref or --ref-memory, not both")
    if ref_path is not None and Path(ref_path).suffix.lower() not in (".tmx", ".po", ".pot"):
        lines = read_lines(Path(ref_path))
        if len(lines) != len(bitext.targets):
            raise QaInputError(
                f"{ref_path} has {len(lines)} lines but the translation has "
                f"{len(bitext.targets)} segments"
            )
        references = list(lines)
    elif ref_path is not None or ref_memory is not None:
        memory = Path(ref_path or ref_memory)
        by_source = references_by_source(memory, source_lang=source, target_lang=target)
        references = match_references(bitext.sources, by_source)
        matched = sum(reference is not None for reference in references)
        notes.append(f"{matched} of {len(references)} segments matched a reference in {memory}")
    if gates.needs_metrics() and all(reference is None for reference in references):
        raise QaInputError("a --min-*/--max-ter gate needs references (--ref or --ref-memory)")

    glossary, why_not = (None, None)
    if any(check.id == "terminology" for check in checks):
        glossary, why_not = load_glossary_for(glossary_path, source, target)
        if glossary_path is None:
            why_not = "terminology not checked: no glossary (--glossary PATH)"
    if why_not:
        notes.append(why_not)
    pairs = [
        Pair(number, s, t, r, location)
        for number, (s, t, r, location) in enumerate(
            zip(bitext.sources, bitext.targets, references, bitext.locations, strict=True),
            start=1,
        )
    ]
    context = Context(source_lang=source, target_lang=target, glossary=glossary)
    result = run_qa(pairs, context=context, checks=checks, metrics=metrics, jobs=jobs)
    failures = gate_failures(result, gates)
    info = ReportInfo(
        origin=bitext.origin,
        source_lang=source,
        target_lang=target,
        signature=qa_signature(checks, source=source, target=target, glossary=glossary),
        notes=notes,
        gate_failures=failures,
    )
    return Review(result, info, EXIT_GATE_FAILED if failures else EXIT_OK, notes)
