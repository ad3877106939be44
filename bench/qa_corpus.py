"""Generate a large, realistic QA workload from the aligned dev data in ../shared/data/align.

Why: `tm qa` must stay fast on a project-sized file (100,000 segment pairs), and the
metrics must be computed on text whose statistics resemble real translations. The
French–English gold beads of BAF and TransRead give about 11,000 human translation
pairs; we cycle over them until the requested size. The hypothesis is the human
English translation with a few deterministic edits (a dropped word, two swapped
words, a changed number, a doubled space) on about a third of the segments; the
reference is the untouched translation.
Segment lengths are those of the gold data (about 100 characters on average).

Writes DIR/source.fr, DIR/target.en (hypotheses) and DIR/reference.en, one segment a
line, plus DIR/pairs.tsv for tools that want one file. Same arguments, same bytes.

    python bench/qa_corpus.py --pairs 100000 --out /tmp/qa-bench
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "align"

#: (folder, French file suffix, English file suffix, is the French side first in .gold?)
SETS = (("baf-dev", True), ("transread-dev", False))

BEAD = re.compile(r"^\[([\d, ]*)\]:\[([\d, ]*)\]")


def _indices(text: str) -> list[int]:
    return [int(x) for x in text.replace(" ", "").split(",") if x]


def read_beads(shared: Path = SHARED) -> list[tuple[str, str]]:
    """Every gold bead with text on both sides, as (French, English), in a fixed order."""
    pairs: list[tuple[str, str]] = []
    for folder, french_first in SETS:
        for gold in sorted((shared / folder).glob("*.gold")):
            stem = gold.with_suffix("")
            fr = stem.with_suffix(".fr").read_text(encoding="utf-8").split("\n")
            en = stem.with_suffix(".en").read_text(encoding="utf-8").split("\n")
            for line in gold.read_text(encoding="utf-8").splitlines():
                match = BEAD.match(line)
                if not match:
                    continue
                first, second = _indices(match.group(1)), _indices(match.group(2))
                fr_ids, en_ids = (first, second) if french_first else (second, first)
                if not fr_ids or not en_ids:
                    continue
                fr_text = " ".join(fr[i].strip() for i in fr_ids).strip()
                en_text = " ".join(en[i].strip() for i in en_ids).strip()
                if fr_text and en_text and "\t" not in fr_text + en_text:
                    pairs.append((fr_text, en_text))
    return pairs


def perturb(text: str, rng: random.Random) -> str:
    """Apply one realistic translator's slip to about a third of the segments."""
    roll = rng.random()
    words = text.split(" ")
    if roll < 0.10 and len(words) > 3:
        del words[rng.randrange(len(words))]
        return " ".join(words)
    if roll < 0.20 and len(words) > 3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
        return " ".join(words)
    if roll < 0.25 and re.search(r"\d", text):
        return re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text, count=1)
    if roll < 0.30 and len(words) > 2:
        i = rng.randrange(1, len(words))
        words[i] = " " + words[i]
        return " ".join(words)
    return text


def generate(count: int, *, seed: int = 13, shared: Path = SHARED):
    """Yield ``count`` (source, hypothesis, reference) triples, cycling over the gold beads.

    Each pass over the beads draws new slips, so a repeated source usually gets a
    different hypothesis on each pass: the consistency checks have real work to do.
    """
    beads = read_beads(shared)
    if not beads:
        raise SystemExit(f"no aligned pairs under {shared}")
    rng = random.Random(seed)
    for index in range(count):
        fr, en = beads[index % len(beads)]
        yield fr, perturb(en, rng), en


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} is absent: the benchmark needs ../shared/data/align")
    args.out.mkdir(parents=True, exist_ok=True)
    triples = list(generate(args.pairs, seed=args.seed))
    for name, column in (("source.fr", 0), ("target.en", 1), ("reference.en", 2)):
        (args.out / name).write_text("".join(t[column] + "\n" for t in triples), encoding="utf-8")
    with open(args.out / "pairs.tsv", "w", encoding="utf-8") as handle:
        handle.writelines(f"{s}\t{h}\t{r}\n" for s, h, r in triples)
    print(f"wrote {len(triples)} pairs to {args.out}")


if __name__ == "__main__":
    main()
