"""Corpus BLEU, chrF and TER through sacrebleu, from per-segment sufficient statistics.

sacrebleu computes every corpus score from per-segment statistics that it simply
sums (n-gram counts for BLEU and chrF, edits and reference length for TER). So the
statistics of chunks of the file can be computed in separate processes and
concatenated in input order: the sum, and hence the score, is the one sacrebleu's
own ``corpus_score`` (and its command line) computes, bit for bit. chrF's
statistics come from :mod:`tm.qa.fast_chrf` (the same integers, 5x faster) and
TER skips sacrebleu's shift search when hypothesis and reference tokens are equal. The same
statistics give each segment's own score for free: sentence chrF and TER directly,
sentence BLEU with effective order, as ``sacrebleu --sentence-level`` does.

Settings are sacrebleu's defaults (BLEU: 13a tokenizer, exp smoothing, mixed case;
chrF: character 6-grams, beta 2; TER: case-insensitive, no normalisation), i.e.
``sacrebleu REF -i HYP -m bleu chrf ter``. The statistics functions use
sacrebleu's ``_extract_corpus_statistics``/``_aggregate_and_compute`` hooks (the
ones its own significance tests use); the tests pin the result to the CLI's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

METRIC_NAMES: tuple[str, ...] = ("bleu", "chrf", "ter")


def new_metric(name: str, *, sentence: bool = False):
    """A sacrebleu metric with the command line's default settings."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        # force only silences the "tokenized period" warning; it changes no score.
        return BLEU(effective_order=sentence, force=True)
    if name == "chrf":
        return CHRF()
    if name == "ter":
        return TER()
    raise ValueError(f"unknown metric {name!r}")


def segment_statistics(
    name: str, hypotheses: Sequence[str], references: Sequence[str]
) -> list[list[float]]:
    """sacrebleu's per-segment sufficient statistics of one metric, in input order."""
    if not hypotheses:
        return []
    if name == "chrf":
        from tm.qa.fast_chrf import chrf_statistics

        return chrf_statistics(hypotheses, references)
    if name == "ter":
        return ter_statistics(hypotheses, references)
    metric = new_metric(name)
    return [list(row) for row in metric._extract_corpus_statistics(hypotheses, [references])]


def ter_statistics(hypotheses: Sequence[str], references: Sequence[str]) -> list[list[float]]:
    """TER's per-segment [edits, reference length], as sacrebleu computes them.

    A hypothesis whose tokens equal the reference's has no edit and no shift can
    lower that, so sacrebleu's shift search would return 0: it is skipped (the
    search is the costly part of TER, and reused or post-edited translations are
    often identical to their reference). Everything else goes through sacrebleu.
    """
    from sacrebleu.metrics.lib_ter import translation_edit_rate

    metric = new_metric("ter")
    rows: list[list[float]] = []
    for hypothesis, reference in zip(hypotheses, references, strict=True):
        hyp_words = metric._preprocess_segment(hypothesis).split()
        ref_words = metric._preprocess_segment(reference).split()
        if hyp_words == ref_words and ref_words:
            rows.append([0, len(ref_words) / 1])
            continue
        edits, ref_length = translation_edit_rate(hyp_words, ref_words)
        rows.append([edits, ref_length / 1])
    return rows


@dataclass(frozen=True, slots=True)
class MetricScore:
    """A corpus score with its sacrebleu signature and sacrebleu's own one-line rendering."""

    name: str
    score: float
    signature: str
    line: str


def corpus_score(
    name: str, statistics: Sequence[Sequence[float]], *, sample: tuple[str, str]
) -> MetricScore:
    """Combine per-segment statistics into the corpus score, as ``corpus_score`` would.

    ``sample`` (one hypothesis and its reference) lets sacrebleu record the number
    of references in the signature through its public API.
    """
    metric = new_metric(name)
    metric.corpus_score([sample[0]], [[sample[1]]])
    score = metric._aggregate_and_compute([list(row) for row in statistics])
    signature = metric.get_signature().format()
    return MetricScore(name, score.score, signature, score.format(signature=signature, width=2))


def sentence_scores(name: str, statistics: Sequence[Sequence[float]]) -> list[float]:
    """Each segment's own score from its statistics (sentence BLEU with effective order)."""
    metric = new_metric(name, sentence=True)
    return [metric._compute_score_from_stats(list(row)).score for row in statistics]
