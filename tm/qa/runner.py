"""Run the enabled checks and the metrics over a file's pairs, over several processes.

The file is cut into chunks in input order; each worker runs the segment checks
and computes the metrics' per-segment statistics of its chunk, and the results are
put back in order, so the outcome does not depend on the number of processes
(``jobs=1`` runs everything in this process; the benchmark checks both agree).
Corpus checks (which compare segments with each other) run here, meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from tm.qa.metrics import METRIC_NAMES, MetricScore, corpus_score, segment_statistics
from tm.qa.metrics import sentence_scores as scores_from_statistics
from tm.qa.model import Check, Context, Finding, Pair

CHUNK_SIZE = 2000


@dataclass(slots=True)
class QaResult:
    """Everything a report shows: findings, corpus scores, and each scored segment's scores."""

    pairs: list[Pair]
    checks: list[Check]
    findings: list[Finding]
    scores: dict[str, MetricScore] = field(default_factory=dict)
    #: segment number -> metric name -> sentence score (only segments with a reference)
    segment_scores: dict[int, dict[str, float]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Findings per check id, every enabled check listed (zeros included), in registry order."""
        counts = {check.id: 0 for check in self.checks}
        for finding in self.findings:
            counts[finding.check] = counts.get(finding.check, 0) + 1
        return counts


def run_segment_checks(
    pairs: Iterable[Pair], context: Context, checks: Sequence[Check]
) -> list[Finding]:
    """The findings of the segment-scope checks over ``pairs``."""
    findings: list[Finding] = []
    for pair in pairs:
        for check in checks:
            for message in check.function(pair, context):
                findings.append(Finding(pair.number, check.id, check.severity, message))
    return findings


def run_corpus_checks(
    pairs: Sequence[Pair], context: Context, checks: Sequence[Check]
) -> list[Finding]:
    """The findings of the corpus-scope checks over the whole file."""
    findings: list[Finding] = []
    for check in checks:
        for number, message in check.function(pairs, context):
            findings.append(Finding(number, check.id, check.severity, message))
    return findings


# Worker state: set once per worker process by the pool's initializer, so the
# glossary and the check list are not pickled again with every chunk.
_WORKER: dict[str, object] = {}


def _init_worker(context: Context, checks: list[Check], metrics: tuple[str, ...]) -> None:
    _WORKER.update(context=context, checks=checks, metrics=metrics)


def _run_chunk(pairs: list[Pair]) -> tuple[list[Finding], dict[str, list[list[float]]]]:
    context, checks, metrics = _WORKER["context"], _WORKER["checks"], _WORKER["metrics"]
    findings = run_segment_checks(pairs, context, checks)
    scored = [pair for pair in pairs if pair.reference is not None]
    hypotheses = [pair.target.rstrip() for pair in scored]
    references = [pair.reference.rstrip() for pair in scored]
    statistics = {name: segment_statistics(name, hypotheses, references) for name in metrics}
    return findings, statistics


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_qa(
    pairs: list[Pair],
    *,
    context: Context,
    checks: Sequence[Check],
    metrics: Sequence[str] = METRIC_NAMES,
    jobs: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> QaResult:
    """Run ``checks`` and ``metrics`` (those of :data:`METRIC_NAMES` wanted) over ``pairs``.

    Metrics are computed over the pairs that have a reference; none when no pair
    has one.
    """
    segment_checks = [check for check in checks if check.scope == "segment"]
    corpus_checks = [check for check in checks if check.scope == "corpus"]
    scored = [pair for pair in pairs if pair.reference is not None]
    metric_names = tuple(name for name in METRIC_NAMES if name in metrics) if scored else ()
    chunks = [pairs[start: start + chunk_size] for start in range(0, len(pairs), chunk_size)]
    jobs = default_jobs() if jobs is None else max(1, jobs)

    findings: list[Finding] = []
    statistics: dict[str, list[list[float]]] = {name: [] for name in metric_names}
    if jobs == 1 or len(chunks) <= 1:
        _init_worker(context, segment_checks, metric_names)
        results = [_run_chunk(chunk) for chunk in chunks]
        findings.extend(run_corpus_checks(pairs, context, corpus_checks))
    else:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(chunks)),
            initializer=_init_worker,
            initargs=(context, segment_checks, metric_names),
        ) as pool:
            futures = [pool.submit(_run_chunk, chunk) for chunk in chunks]
            findings.extend(run_corpus_checks(pairs, context, corpus_checks))
            results = [future.result() for future in futures]
    for chunk_findings, chunk_statistics in results:
        findings.extend(chunk_findings)
        for name in metric_names:
            statistics[name].extend(chunk_statistics[name])

    order = {check.id: position for position, check in enumerate(checks)}
    findings.sort(key=lambda finding: (finding.segment, order.get(finding.check, 0)))
    result = QaResult(pairs=pairs, checks=list(checks), findings=findings)
    if metric_names:
        sample = (scored[0].target.rstrip(), scored[0].reference.rstrip())
        for name in metric_names:
            result.scores[name] = corpus_score(name, statistics[name], sample=sample)
            for pair, value in zip(
                scored, scores_from_statistics(name, statistics[name]), strict=True
            ):
                result.segment_scores.setdefault(pair.number, {})[name] = value
    return result
