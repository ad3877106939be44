"""Metrics equal sacrebleu's (API and command line), in one process or several."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sacrebleu.metrics import CHRF, TER

from tm.qa.fast_chrf import chrf_statistics
from tm.qa.metrics import ter_statistics
from tm.qa.model import Context, Pair
from tm.qa.runner import run_qa

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BAF = SHARED / "data" / "align" / "baf-dev"

SENTENCES = [
    "The Working Group on Internet Governance met in Geneva on 11 November 2004.",
    "I am pleased to transmit to you the report of the Working Group.",
    "The stakeholders, governments and civil society took part (see annex).",
    "Is the Internet governed? Nobody knows.",
    "It costs 1.5 million dollars, i.e. 10,000 per day.",
    "",
    "Shall we meet at 10:30 a.m. tomorrow ?",
]


def _variants(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    if words and rng.random() < 0.5:
        del words[rng.randrange(len(words))]
    if len(words) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def _corpus(size: int = 400) -> tuple[list[str], list[str]]:
    rng = random.Random(7)
    if BAF.is_dir():
        references = (BAF / "citi1.en").read_text(encoding="utf-8").splitlines()[:size]
    else:
        references = [SENTENCES[i % len(SENTENCES)] for i in range(size)]
    hypotheses = [_variants(rng, reference) if i % 3 else reference
                  for i, reference in enumerate(references)]
    return hypotheses, references


def test_fast_chrf_statistics_equal_sacrebleu_including_odd_text():
    hypotheses, references = _corpus()
    rng = random.Random(3)
    alphabet = "ab cé\u00a0\u202f«»日本\U0001F600\t-"
    for _ in range(300):
        hypotheses.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(12))))
        references.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(12))))
    hypotheses += ["", "a", "", "abc" * 50]
    references += ["", "", "a", "abcabc" * 20]
    expected = [list(row) for row in CHRF()._extract_corpus_statistics(hypotheses, [references])]
    assert chrf_statistics(hypotheses, references) == expected


def test_fast_chrf_stays_exact_with_a_huge_alphabet():
    """Thousands of distinct characters force the dense re-ranking of n-gram codes."""
    rng = random.Random(5)
    hypotheses, references = [], []
    for _ in range(400):
        reference = "".join(chr(0x4E00 + rng.randrange(6000)) for _ in range(30))
        hypotheses.append(reference[:20] + "".join(chr(0x4E00 + rng.randrange(6000))
                                                   for _ in range(8)))
        references.append(reference)
    expected = [list(row) for row in CHRF()._extract_corpus_statistics(hypotheses, [references])]
    assert chrf_statistics(hypotheses, references) == expected


def test_ter_statistics_equal_sacrebleu():
    hypotheses, references = _corpus(200)
    expected = [list(row) for row in TER()._extract_corpus_statistics(hypotheses, [references])]
    assert ter_statistics(hypotheses, references) == expected


def test_parallel_run_equals_single_process_and_sacrebleu_api():
    from sacrebleu.metrics import BLEU

    hypotheses, references = _corpus()
    rows = zip(hypotheses, references, strict=True)
    pairs = [Pair(n, "source", h, r) for n, (h, r) in enumerate(rows, 1)]
    kwargs = dict(context=Context("fr", "en"), checks=[], chunk_size=64)
    serial = run_qa(pairs, jobs=1, **kwargs)
    parallel = run_qa(pairs, jobs=2, **kwargs)
    assert serial.scores == parallel.scores
    assert serial.segment_scores == parallel.segment_scores
    api = {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()}
    for name, metric in api.items():
        assert parallel.scores[name].score == metric.corpus_score(hypotheses, [references]).score
    sentence_chrf = CHRF().sentence_score(hypotheses[1], [references[1]]).score
    assert parallel.segment_scores[2]["chrf"] == sentence_chrf
    sentence_bleu = BLEU(effective_order=True).sentence_score(hypotheses[1], [references[1]])
    assert parallel.segment_scores[2]["bleu"] == sentence_bleu.score


@pytest.mark.skipif(shutil.which("sacrebleu", path=str(Path(sys.executable).parent)) is None,
                    reason="sacrebleu's command line is not installed")
def test_tm_qa_scores_equal_sacrebleu_command_line(tmp_path):
    hypotheses, references = _corpus()
    (tmp_path / "src.txt").write_text("".join(f"source {i}\n" for i in range(len(references))),
                                      encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("".join(h + "\n" for h in hypotheses), encoding="utf-8")
    (tmp_path / "ref.txt").write_text("".join(r + "\n" for r in references), encoding="utf-8")
    bindir = Path(sys.executable).parent
    sacrebleu = subprocess.run(
        [str(bindir / "sacrebleu"), str(tmp_path / "ref.txt"), "-i", str(tmp_path / "hyp.txt"),
         "-m", "bleu", "chrf", "ter", "-w", "2", "-f", "json"],
        capture_output=True, text=True, check=True,
    )
    expected = {item["name"]: item for item in json.loads(sacrebleu.stdout)}
    command = [str(bindir / "tm"), "qa", "--source", str(tmp_path / "src.txt"),
               "--target", str(tmp_path / "hyp.txt"), "--ref", str(tmp_path / "ref.txt"),
               "--source-lang", "fr", "--target-lang", "en", "--no-glossary"]
    report = json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True,
                                       check=True).stdout)
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2"), ("ter", "TER")):
        assert f"{report[key]:.2f}" == f"{expected[name]['score']:.2f}"
        assert report["signatures"][key] == expected[name]["signature"]
    summary = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    for name in ("BLEU", "chrF2", "TER"):
        assert f"{name}|{expected[name]['signature']} = " in summary
