"""Sentence segmentation benchmark: tm segment beside pysbd and sentence-splitter.

Accuracy: the gold sentences of the UD French dev sets (``# text =`` lines) are
joined with single spaces into paragraphs of 40 sentences; each segmenter cuts the
paragraphs, and a predicted sentence counts as correct when its character span
equals a gold sentence's span (sentence-level precision, recall and F1).
Throughput: a French text of at least 5 MB (the French sides of the alignment dev
sets and the UD texts, repeated), one paragraph per line, in MB/s of UTF-8 input.

Run:  python bench/segment_bench.py            (needs ../shared; peers from the
      `bench` extra: pip install -e '.[bench]'; missing peers are skipped)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PARAGRAPH_SIZE = 40
THROUGHPUT_BYTES = 5 * 1024 * 1024


def gold_sentences(path: Path) -> list[str]:
    """The ``# text =`` sentences of a CoNLL-U file."""
    prefix = "# text = "
    with path.open(encoding="utf-8") as handle:
        return [line[len(prefix) :].strip() for line in handle if line.startswith(prefix)]


def paragraphs_of(sentences: list[str]) -> list[list[str]]:
    return [sentences[i : i + PARAGRAPH_SIZE] for i in range(0, len(sentences), PARAGRAPH_SIZE)]


def spans(pieces: list[str], text: str) -> set[tuple[int, int]]:
    """Character spans of ``pieces`` located in order in ``text`` (whitespace-insensitive ends)."""
    result = set()
    position = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:  # a segmenter that altered the text: count the piece as wrong
            continue
        result.add((start, start + len(piece)))
        position = start + len(piece)
    return result


def score(segment: Callable[[str], list[str]], sentences: list[str]) -> tuple[float, float, float]:
    correct = predicted = expected = 0
    for paragraph in paragraphs_of(sentences):
        text = " ".join(paragraph)
        gold = spans(paragraph, text)
        guess = spans(segment(text), text)
        correct += len(gold & guess)
        predicted += len(guess)
        expected += len(gold)
    precision = correct / predicted if predicted else 0.0
    recall = correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    """tm and whichever peers are installed, each as text -> list of sentences."""
    from tm.segment import segmenter_for

    tm_segmenter = segmenter_for("fr")
    found: dict[str, Callable[[str], list[str]]] = {
        "tm (SRX)": lambda text: [text[a:b] for a, b in tm_segmenter.split(text)],
    }
    try:
        import pysbd

        pysbd_segmenter = pysbd.Segmenter(language="fr", clean=False)
        found["pysbd"] = pysbd_segmenter.segment
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    try:
        from sentence_splitter import SentenceSplitter

        found["sentence-splitter (Moses)"] = SentenceSplitter(language="fr").split
    except ImportError:
        print("sentence-splitter not installed: skipped", file=sys.stderr)
    return found


def throughput_text() -> str:
    lines: list[str] = []
    for path in sorted((SHARED / "data" / "align").glob("*/*.fr")):
        lines.extend(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())
    for path in sorted((SHARED / "data" / "segment").glob("*.conllu")):
        lines.extend(" ".join(p) for p in paragraphs_of(gold_sentences(path)))
    text = "\n".join(lines)
    copies = THROUGHPUT_BYTES // len(text.encode("utf-8")) + 1
    return "\n".join([text] * copies)


def throughput(segment: Callable[[str], list[str]], text: str, *, budget: float) -> float:
    """MB/s over the text's lines; slow peers are timed on a prefix worth ``budget`` seconds."""
    lines = text.split("\n")
    done = 0
    start = time.perf_counter()
    for line in lines:
        segment(line)
        done += len(line.encode("utf-8")) + 1
        if time.perf_counter() - start > budget:
            break
    return done / (1024 * 1024) / (time.perf_counter() - start)


def main() -> int:
    if not SHARED.is_dir():
        print(
            f"{SHARED} not found: the benchmark needs the shared evaluation data", file=sys.stderr
        )
        return 2
    found = segmenters()
    sets = {
        "UD GSD dev": gold_sentences(SHARED / "data/segment/fr_gsd-ud-dev.conllu"),
        "UD Sequoia dev": gold_sentences(SHARED / "data/segment/fr_sequoia-ud-dev.conllu"),
    }
    text = throughput_text()
    size = len(text.encode("utf-8")) / (1024 * 1024)
    print(
        f"Sentence F1 (paragraphs of {PARAGRAPH_SIZE} gold sentences) and throughput "
        f"on {size:.1f} MB of French"
    )
    header = f"{'segmenter':28}" + "".join(f"{name:>22}" for name in sets) + f"{'MB/s':>10}"
    print(header)
    print("-" * len(header))
    speeds = {}
    for name, segment in found.items():
        cells = []
        for sentences in sets.values():
            p, r, f = score(segment, sentences)
            cells.append(f"P{p:.3f} R{r:.3f} F{f:.3f}")
        speeds[name] = throughput(segment, text, budget=60.0 if name.startswith("tm") else 15.0)
        print(f"{name:28}" + "".join(f"{cell:>22}" for cell in cells) + f"{speeds[name]:>10.2f}")
    tm_speed = speeds["tm (SRX)"]
    for name, speed in speeds.items():
        if not name.startswith("tm"):
            print(f"tm is {tm_speed / speed:.1f}x faster than {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
