"""Same input, same beads and confidences, whatever Python's string hashing seed.

Set iteration order depends on PYTHONHASHSEED, so a set walked anywhere on the
way to the beads (feature ids, lexicon order, SentencePiece vocabulary) would make
the memory change from one run to the next. Each run is a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

_CHILD = """
import json, sys
sys.path.insert(0, {tests!r})
from align_synthetic import damaged
from tm.align import align
source, target, _ = damaged(400, seed=9)
beads = align(source, target, src_lang="fr", tgt_lang="en",
              dictionary=[("kalo", "mimix"), ("Sune", "Sune")])
print(json.dumps([[list(b.source), list(b.target), repr(b.confidence)] for b in beads]))
"""


def _run(seed: str) -> list:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-c", _CHILD.format(tests=str(TESTS))],
                            capture_output=True, text=True, env=environment, check=True,
                            timeout=120)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_beads_and_confidences_do_not_depend_on_the_hash_seed():
    first, second = _run("1"), _run("4242")
    assert len(first) > 300
    assert first == second
