"""Benchmark: write and read large TMX memories; translate-toolkit side by side.

    /work/venv/bin/python bench/memory_tmx.py            # 100k and 1M units, peers at 100k
    /work/venv/bin/python bench/memory_tmx.py --sizes 100000 --no-peers

Every measurement runs in its own process so that its peak RSS (ru_maxrss) is
its own: "flat memory" means the 1M-unit write peaks at about the same RSS as
the 100k-unit one. Units are synthetic (~80-character sentences, one occurrence
with full provenance, emphasis on one unit in ten), generated lazily so the
generator itself holds nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

WORDS = [
    "le",
    "groupe",
    "de",
    "travail",
    "sur",
    "la",
    "gouvernance",
    "internet",
    "sommet",
    "mondial",
    "société",
    "information",
    "rapport",
    "genève",
    "tunis",
    "phase",
    "secrétaire",
    "général",
    "président",
    "comité",
    "préparatoire",
    "the",
    "working",
    "group",
    "on",
    "governance",
    "world",
    "summit",
    "information",
    "society",
    "report",
    "geneva",
    "phase",
    "secretary",
    "general",
    "president",
    "preparatory",
    "committee",
    "«",
    "»",
    "é",
    "è",
    "à",
    "ç",
    "ö",
    "2005",
]


def sentence(rng: random.Random, length: int = 80) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words).capitalize() + "."


def synthetic_pool(size: int = 10_000, *, seed: int = 1) -> list:
    """``size`` distinct units (~80-character sentences, full provenance, 1 in 10 with emphasis)."""
    from tm.memory import Occurrence, TranslationUnit, Variant, unit_id
    from tm.model import Markup

    rng = random.Random(seed)
    bold = (Markup(0, 5, "strong"),)
    pool = []
    for index in range(size):
        markup = bold if index % 10 == 0 else ()
        source = Variant("en-GB", sentence(rng), markup)
        target = Variant("fr-FR", sentence(rng), markup)
        document = index // 50
        occurrence = Occurrence(
            document=f"doc-{document}.fr",
            symbol=f"A/60/{document}",
            source_segments=(index % 50,),
            target_segments=(index % 50,),
            source_file=f"corpus/doc-{document}.en.txt",
            source_line=index % 50 + 1,
            target_file=f"corpus/doc-{document}.fr.txt",
            target_line=index % 50 + 1,
            bead="1-1",
            confidence=round(rng.random(), 3),
            date="2005-07-11",
        )
        pool.append(TranslationUnit(unit_id(source, target), source, target, (occurrence,)))
    return pool


def synthetic_units(count: int) -> Iterator:
    """``count`` units, lazily, cycling over a fixed pool.

    Cycling keeps the generator's own cost and memory out of the measurement (the
    writer does the same work for a repeated unit as for a new one); the file
    holds ``count`` ``<tu>`` elements with 10,000 distinct contents.
    """
    return itertools.islice(itertools.cycle(synthetic_pool()), count)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- measurements, each run in a child process --------------------------------------------


def measure_write(path: Path, count: int) -> dict:
    from tm.formats.tmx import TmxHeader, write_tmx

    units = synthetic_units(count)
    start, cpu = time.perf_counter(), time.process_time()
    report = write_tmx(path, units, header=TmxHeader(srclang="en-GB"))
    seconds = time.perf_counter() - start
    return {
        "units": report.units,
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "mb": path.stat().st_size / 1e6,
    }


def measure_read(path: Path, count: int) -> dict:
    from tm.formats.tmx_reader import read_tmx

    start, cpu = time.perf_counter(), time.process_time()
    units = sum(1 for _ in read_tmx(path))
    return {
        "units": units,
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
    }


def measure_tt_write(path: Path, count: int) -> dict:
    """translate-toolkit's TMX writing (what po2tmx does): addtranslation, then serialise.

    It writes the texts only (no provenance props, no inline tags): less than ours.
    """
    from translate.storage.tmx import tmxfile

    units = synthetic_units(count)
    start, cpu = time.perf_counter(), time.process_time()
    store = tmxfile(sourcelanguage="en-GB", targetlanguage="fr-FR")
    for unit in units:
        store.addtranslation(unit.source.text, "en-GB", unit.target.text, "fr-FR")
    with open(path, "wb") as handle:
        store.serialize(handle)
    return {
        "units": len(store.units),
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
    }


def measure_tt_read(path: Path, count: int) -> dict:
    from translate.storage.tmx import tmxfile

    start, cpu = time.perf_counter(), time.process_time()
    with open(path, "rb") as handle:
        store = tmxfile.parsefile(handle)
    units = sum(1 for unit in store.units if unit.source)
    return {
        "units": units,
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
    }


MEASURES = {
    "write": measure_write,
    "read": measure_read,
    "tt-write": measure_tt_write,
    "tt-read": measure_tt_read,
}


def child(kind: str, path: str, count: int) -> None:
    result = MEASURES[kind](Path(path), count)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def run(kind: str, path: Path, count: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def row(label: str, result: dict) -> str:
    rate = result["units"] / result["seconds"]
    line = (
        f"{label:<34} {result['units']:>9,} units {result['seconds']:>7.2f} s "
        f"{rate:>10,.0f} units/s  (CPU {result['cpu_seconds']:.2f} s)  "
        f"peak RSS {result['peak_rss_mb']:>7.1f} MB"
    )
    if "mb" in result:
        line += f"  file {result['mb']:,.0f} MB"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--peer-size", type=int, default=100_000)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--child", nargs=3, metavar=("KIND", "PATH", "COUNT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="tm-bench-") as folder:
        ours: dict[int, dict] = {}
        for count in args.sizes:
            path = Path(folder) / f"tm-{count}.tmx"
            ours[count] = run("write", path, count)
            print(row(f"tm write_tmx ({count:,})", ours[count]))
            print(row(f"tm read_tmx ({count:,})", run("read", path, count)))
            if count != args.peer_size:
                path.unlink()
        if len(ours) > 1:
            small, large = min(ours), max(ours)
            growth = ours[large]["peak_rss_mb"] / ours[small]["peak_rss_mb"]
            print(f"write peak RSS {large:,} vs {small:,} units: x{growth:.2f} (flat = ~1)")
        if args.no_peers:
            return
        count = args.peer_size
        ours_path = Path(folder) / f"tm-{count}.tmx"
        if not ours_path.exists():
            run("write", ours_path, count)
        tt_path = Path(folder) / f"tt-{count}.tmx"
        tt_write = run("tt-write", tt_path, count)
        print(row(f"translate-toolkit write ({count:,})", tt_write))
        tt_read = run("tt-read", ours_path, count)
        print(row(f"translate-toolkit read ({count:,})", tt_read))
        ours_write = run("write", Path(folder) / "again.tmx", count)
        ours_read = run("read", ours_path, count)
        print(
            f"ratios at {count:,} units (tm / translate-toolkit): write speed "
            f"x{tt_write['seconds'] / ours_write['seconds']:.1f}, read speed "
            f"x{tt_read['seconds'] / ours_read['seconds']:.1f}, write peak RSS "
            f"{ours_write['peak_rss_mb'] / tt_write['peak_rss_mb']:.2f}, read peak RSS "
            f"{ours_read['peak_rss_mb'] / tt_read['peak_rss_mb']:.2f}"
        )


if __name__ == "__main__":
    main()
