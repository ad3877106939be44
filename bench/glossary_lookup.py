"""Cold-process cost of `tm glossary lookup`: the whole command, median of repeated runs.

Budget: 150 ms. Prints, side by side, what a bare interpreter and `import click`
cost on this machine (the floor under any click CLI), the lookup with a warm
index cache (the normal case), with a cache miss (first run after editing the
glossary: TOML parse + checks + index), an unknown term (suggestions), and the
biggest imports on the path from `python -X importtime`.

    /work/venv/bin/python bench/glossary_lookup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 150.0


def tm_command() -> list[str]:
    script = Path(sys.executable).with_name("tm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tm"]


def median_ms(command: list[str], runs: int, env: dict, *, fresh_cache: bool = False,
              expect: int = 0) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        run_env = dict(env)
        if fresh_cache:
            run_env["TM_CACHE_DIR"] = tempfile.mkdtemp(prefix="tm-bench-cache-")
        start = time.perf_counter()
        result = subprocess.run(command, env=run_env, cwd=ROOT, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode != expect:
            raise SystemExit(f"{command} exited {result.returncode}: {result.stderr.decode()}")
        if fresh_cache:
            shutil.rmtree(run_env["TM_CACHE_DIR"], ignore_errors=True)
    return statistics.median(times), min(times)


def import_profile(env: dict, top: int = 12) -> list[tuple[int, str]]:
    code = ("import sys; sys.argv=['tm','glossary','lookup','parties prenantes'];"
            "from tm.cli import main; main()")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env, cwd=ROOT,
                            capture_output=True, text=True, check=False)
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(3)) <= 3:  # top-level and first-level imports
            rows.append((int(match.group(2)), match.group(4)))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="tm-bench-warm-")
    env = {**os.environ, "TM_CACHE_DIR": cache, "TM_GLOSSARY": str(ROOT / "glossary")}
    tm = tm_command()
    lookup = [*tm, "glossary", "lookup", "parties prenantes"]
    subprocess.run(lookup, env=env, cwd=ROOT, capture_output=True, check=True)  # warm the cache

    rows = [
        ("python -c pass", median_ms([sys.executable, "-c", "pass"], args.runs, env)),
        ("python -c 'import click'",
         median_ms([sys.executable, "-c", "import click"], args.runs, env)),
        ("tm --version", median_ms([*tm, "--version"], args.runs, env)),
        ("tm glossary lookup 'parties prenantes' (cached index)",
         median_ms(lookup, args.runs, env)),
        ("tm glossary lookup SMSI (cached index)",
         median_ms([*tm, "glossary", "lookup", "SMSI"], args.runs, env)),
        ("tm glossary lookup stakeholdrs (not found: suggestions)",
         median_ms([*tm, "glossary", "lookup", "stakeholdrs"], args.runs, env, expect=1)),
        ("tm glossary lookup 'parties prenantes' (cache miss: parse TOML)",
         median_ms(lookup, max(5, args.runs // 2), env, fresh_cache=True)),
    ]
    print(f"cold-process timings, median (min) of {args.runs} runs, load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for label, (median, minimum) in rows:
        print(f"  {median:7.1f} ms ({minimum:6.1f})  {label}")
    lookup_median = rows[3][1][0]
    verdict = "within" if lookup_median <= BUDGET_MS else "OVER"
    print(f"lookup median {lookup_median:.1f} ms: {verdict} the {BUDGET_MS:.0f} ms budget; "
          f"{lookup_median / rows[1][1][0]:.2f}x the cost of `import click` alone, "
          f"{lookup_median - rows[2][1][0]:+.1f} ms over `tm --version`")
    print("largest imports on the lookup path (cumulative µs, python -X importtime):")
    for micros, name in import_profile(env):
        print(f"  {micros:8d}  {name}")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
