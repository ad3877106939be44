"""Synthetic parallel texts with known gold beads, for the aligner's tests.

A "source language" of pseudo-words and a "target language" that maps each
word to another pseudo-word (slightly longer), keeping names and numbers, as
translations do. Deletions, merges and splits are applied to the target side
and the gold beads are tracked through them.
"""

from __future__ import annotations

import random

from tm.model import Bead

_SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "ga", "be", "fu",
              "zo", "hi", "ja", "ku"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def parallel_text(count: int, *, seed: int = 7) -> tuple[list[str], list[str]]:
    """``count`` source sentences and their word-for-word 'translations'."""
    rng = random.Random(seed)
    vocabulary = sorted({_word(rng, rng.randint(1, 3)) for _ in range(600)})
    translation = {word: _word(rng, rng.randint(2, 4)) + "x" for word in vocabulary}
    names = [_word(rng, 3).capitalize() for _ in range(80)]
    source, target = [], []
    for _ in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(4, 24))]
        translated = [translation[word] for word in words]
        if rng.random() < 0.4:
            name = rng.choice(names)
            position = rng.randrange(len(words))
            words.insert(position, name)
            translated.insert(position, name)
        if rng.random() < 0.3:
            number = str(rng.randint(1, 3000))
            words.append(number)
            translated.append(number)
        source.append(" ".join(words).capitalize() + ".")
        target.append(" ".join(translated).capitalize() + ".")
    return source, target


def damaged(count: int, *, seed: int = 7, rate: float = 0.06
            ) -> tuple[list[str], list[str], list[Bead]]:
    """A parallel text with target sentences deleted, merged and split, and its gold beads."""
    source, target = parallel_text(count, seed=seed)
    rng = random.Random(seed + 1)
    new_target: list[str] = []
    gold: list[Bead] = []
    index = 0
    while index < count:
        roll = rng.random()
        if roll < rate:  # deleted translation
            gold.append(Bead((index,), ()))
            index += 1
        elif roll < 2 * rate and index + 1 < count:  # two sentences translated as one
            gold.append(Bead((index, index + 1), (len(new_target),)))
            new_target.append(target[index][:-1] + ", " + target[index + 1][0].lower()
                              + target[index + 1][1:])
            index += 2
        elif roll < 3 * rate and len(target[index].split()) >= 8:  # one sentence as two
            words = target[index][:-1].split()
            half = len(words) // 2
            gold.append(Bead((index,), (len(new_target), len(new_target) + 1)))
            new_target.append(" ".join(words[:half]) + ".")
            new_target.append(" ".join(words[half:]).capitalize() + ".")
            index += 1
        else:
            gold.append(Bead((index,), (len(new_target),)))
            new_target.append(target[index])
            index += 1
    return source, new_target, gold
