"""Benchmark of ``tm align`` on ../shared/data/align, beside Gale-Church (PyPI ``galechurch``).

Prints strict and lax P/R/F1 per gold set (scored as shared/README.md says),
an ablation table (each evidence source switched off alone), and the time and
peak memory of one document pair of 6k, 12k and 24k sentences a side (the dev
texts concatenated), each run in a fresh subprocess.

    /work/venv/bin/python bench/align_benchmark.py [--no-ablation] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_data import load_sets  # noqa: E402

from tm.align import AlignOptions, align, score_alignments  # noqa: E402
from tm.model import Bead  # noqa: E402

ABLATIONS = {
    "all evidence": {},
    "- length": {"length": False},
    "- numbers/dates/URLs": {"numbers": False},
    "- punctuation": {"punctuation": False},
    "- identical tokens": {"identical": False},
    "- cognates": {"cognates": False},
    "- subwords (SentencePiece)": {"subwords": False},
    "- realign (learned lexicon)": {"realign": False},
}


def galechurch_beads(source: list[str], target: list[str]) -> list[Bead]:
    import galechurch

    result = galechurch.align([s or " " for s in source], [t or " " for t in target])
    return [Bead(tuple(range(b.source_start, b.source_end)),
                 tuple(range(b.target_start, b.target_end))) for b in result.beads]


def run_set(cases, aligner) -> tuple[dict[str, float], float]:
    start = time.perf_counter()
    documents = [(aligner(case), case.gold) for case in cases]
    return score_alignments(documents), time.perf_counter() - start


def tm_aligner(options: AlignOptions):
    def run(case) -> list[Bead]:
        return align(case.source, case.target, src_lang=case.source_lang,
                     tgt_lang=case.target_lang, options=options)
    return run


def row(label: str, scores: dict[str, float], seconds: float) -> str:
    return (f"| {label} | {scores['strict_p']:.3f} | {scores['strict_r']:.3f} | "
            f"{scores['strict_f1']:.3f} | {scores['lax_p']:.3f} | {scores['lax_r']:.3f} | "
            f"{scores['lax_f1']:.3f} | {seconds:.1f} s |")


def accuracy(sets) -> None:
    print("## Accuracy (dev sets)\n")
    print("| set / aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 | time |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, cases in sets.items():
        scores, seconds = run_set(cases, tm_aligner(AlignOptions()))
        print(row(f"{name}: tm align", scores, seconds))
        scores, seconds = run_set(cases, lambda case: galechurch_beads(case.source, case.target))
        print(row(f"{name}: galechurch", scores, seconds))
    print(f"\nsignature: {AlignOptions().signature()}\n")


def ablation(sets) -> None:
    print("## Ablation (strict F1 / lax F1)\n")
    print("| configuration | " + " | ".join(sets) + " |")
    print("| --- |" + " --- |" * len(sets))
    for label, changes in ABLATIONS.items():
        options = replace(AlignOptions(), **changes)
        cells = []
        for cases in sets.values():
            scores, _ = run_set(cases, tm_aligner(options))
            cells.append(f"{scores['strict_f1']:.3f} / {scores['lax_f1']:.3f}")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    print()


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
from align_data import load_sets
from tm.align import align
size = {size}
cases = [case for cases in load_sets().values() for case in cases if case.source_lang != "en"]
source, target = [], []
while len(source) < size or len(target) < size:
    for case in cases:
        source += case.source
        target += case.target
start, cpu = time.perf_counter(), time.process_time()
beads = align(source[:size], target[:size], src_lang="fr", tgt_lang="en")
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu": cpu, "rss_mb": peak, "beads": len(beads)}}))
"""


def speed() -> None:
    print("## Speed and memory (one document pair, n sentences a side; fresh process each)\n")
    print("| sentences a side | align() wall time | align() CPU time | peak RSS of the process "
          "| beads |")
    print("| --- | --- | --- | --- | --- |")
    bench = str(Path(__file__).resolve().parent)
    for size in (6000, 12000, 24000):
        code = _CHILD.format(bench=bench, size=size)
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        print(f"| {size} | {result['seconds']:.2f} s | {result['cpu']:.2f} s | "
              f"{result['rss_mb']:.0f} MB | {result['beads']} |", flush=True)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    arguments = parser.parse_args()
    sets = load_sets()
    if not sets:
        print("../shared/data/align is absent: nothing to benchmark")
        return
    accuracy(sets)
    if not arguments.no_ablation:
        ablation(sets)
    if not arguments.no_speed:
        speed()


if __name__ == "__main__":
    main()
