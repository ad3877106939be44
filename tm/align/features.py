"""Language-neutral evidence extracted from one sentence, as a bag of feature keys.

Every kind of evidence becomes keys that can occur on both sides of a document
pair: ``n:2005`` (a number), ``n:m12`` (December in any language), ``p:?``
(punctuation), ``w:internet`` (an identical token after case and accent folding),
``c:gvrn`` (a consonant-skeleton prefix shared by cognates such as
gouvernance/governance), ``d:17`` (dictionary entry 17 on its side). A sentence
pair that shares many rare keys is likely a translation pair; the similarity
module turns the bags into weighted vectors.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import regex

from tm.align.options import AlignOptions

_TOKEN = regex.compile(
    r"(?:https?://|www\.)[^\s<>\"«»]+[^\s<>\"«».,;:!?)]"  # URL
    r"|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+"  # e-mail
    r"|\p{N}+(?:[.,]\p{N}+|[\u00a0\u202f ]\p{N}{3}(?!\p{N}))*"  # number, 1 000 / 1,5 / 2.3.1
    r"|[\p{L}\p{M}]+"  # word
    r"|[?!:;«»\"“”„‟()\[\]…%§]"  # punctuation that survives translation
)
_QUOTES = frozenset("«»\"“”„‟")
_ROMAN = regex.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_VOWELS = frozenset("aeiouy")
_NON_DIGITS = regex.compile(r"[^\p{N}]")

#: Month names in the languages UN documents and the benchmarks use -> month number.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january janvier januar jänner enero gennaio janeiro",
            "february février fevrier februar febrero febbraio fevereiro",
            "march mars märz marz marzo março",
            "april avril abril aprile",
            "may mai mayo maggio maio",
            "june juin juni junio giugno junho",
            "july juillet juli julio luglio julho",
            "august août aout agosto",
            "september septembre septiembre settembre setembro",
            "october octobre oktober octubre ottobre outubro",
            "november novembre noviembre novembro",
            "december décembre decembre dezember diciembre dicembre dezembro",
        ],
        start=1,
    )
    for name in names.split()
}


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case and strip accents: ``Décembre`` -> ``decembre``."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.replace("ß", "ss")


def skeleton(folded: str) -> str:
    """The consonant skeleton with doubled letters merged: ``gouvernance`` -> ``gvrnc``."""
    folded = folded.replace("ph", "f").replace("th", "t").replace("k", "c").replace("qu", "c")
    consonants = [char for char in folded if char not in _VOWELS and char.isalpha()]
    merged = [char for index, char in enumerate(consonants)
              if index == 0 or char != consonants[index - 1]]
    return "".join(merged)


def _roman_value(token: str) -> int | None:
    if not _ROMAN.match(token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def tokenize(text: str) -> list[str]:
    """Words, numbers, URLs and the punctuation marks that carry over between languages."""
    return _TOKEN.findall(text)


def word_tokens(text: str) -> list[str]:
    """Folded word tokens (letters only), for lexicon learning and dictionary matching."""
    return [fold(token) for token in _TOKEN.findall(text) if token[0].isalpha() and
            "@" not in token and "://" not in token and not token.startswith("www.")]


@dataclass(frozen=True, slots=True)
class DictionaryIndex:
    """Dictionary terms as folded token tuples, indexed by their first token, per side."""

    source: dict[str, list[tuple[tuple[str, ...], int]]]
    target: dict[str, list[tuple[tuple[str, ...], int]]]

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str]]) -> DictionaryIndex:
        source: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        target: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        seen: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        for source_term, target_term in pairs:
            source_tokens = tuple(word_tokens(source_term))
            target_tokens = tuple(word_tokens(target_term))
            if not source_tokens or not target_tokens or (source_tokens, target_tokens) in seen:
                continue
            entry = seen.setdefault((source_tokens, target_tokens), len(seen))
            source.setdefault(source_tokens[0], []).append((source_tokens, entry))
            target.setdefault(target_tokens[0], []).append((target_tokens, entry))
        return cls(source, target)

    def matches(self, words: Sequence[str], *, side: str) -> list[str]:
        """Feature keys ``d:<entry>`` for every entry whose term occurs in ``words``."""
        index = self.source if side == "source" else self.target
        found = []
        for position, word in enumerate(words):
            for term, entry in index.get(word, ()):
                if tuple(words[position:position + len(term)]) == term:
                    found.append(f"d:{entry}")
        return found


@dataclass(slots=True)
class Bags:
    """Feature bags of a list of sentences, flat: occurrence k is key ``ids[k]`` in ``rows[k]``."""

    rows: np.ndarray
    ids: np.ndarray
    count: int

    def plus(self, rows: np.ndarray, ids: np.ndarray) -> Bags:
        return Bags(np.concatenate([self.rows, rows]), np.concatenate([self.ids, ids]), self.count)


#: Id ranges: extractor keys from 0, SentencePiece pieces and learned pairs above these.
SUBWORD_IDS = 1 << 40
LEXICON_IDS = 1 << 41


class FeatureExtractor:
    """Turns sentences into feature bags; remembers each distinct token's keys (words repeat).

    Keys are interned as integer ids shared by both sides, so a key seen in the
    source and in the target has the same id.
    """

    def __init__(self, *, options: AlignOptions, dictionary: DictionaryIndex | None) -> None:
        self.options = options
        self.dictionary = dictionary if options.dictionary else None
        self._cache: dict[str, tuple[str | None, tuple[int, ...]]] = {}
        self._ids: dict[str, int] = {}

    def _id(self, key: str) -> int:
        return self._ids.setdefault(key, len(self._ids))

    def _token(self, token: str) -> tuple[str | None, tuple[int, ...]]:
        """(folded word or None, key ids) of one token, whatever its neighbours."""
        options = self.options
        first = token[0]
        keys: list[str] = []
        folded = None
        if first.isdigit():
            if options.numbers:
                keys.append("n:" + _NON_DIGITS.sub("", token))
        elif "@" in token or "://" in token or token.startswith("www."):
            if options.numbers:
                keys.append("n:" + token.lower())
        elif not first.isalpha():
            if options.punctuation:
                keys.append("p:" + ('"' if token in _QUOTES else token))
        else:
            folded = fold(token)
            if options.numbers:
                month = _MONTHS.get(folded)
                if month:
                    keys.append(f"n:m{month}")
                if token.isupper() and len(token) > 1:
                    roman = _roman_value(token)
                    if roman:
                        keys.append(f"n:r{roman}")
            if options.identical and len(folded) > 1:
                keys.append("w:" + folded)
            if options.cognates and len(folded) >= 5:
                consonants = skeleton(folded)
                if len(consonants) >= 3:
                    keys.append("c:" + consonants[:4])
        return folded, tuple(self._id(key) for key in keys)

    def features(self, text: str, *, side: str) -> tuple[list[int], list[str]]:
        """The key ids of one sentence (an id repeats when its evidence does), and its
        folded words (for dictionary matching and lexicon learning)."""
        tokens = _TOKEN.findall(text)
        keys: list[int] = []
        words: list[str] = []
        cache = self._cache
        for token in tokens:
            analysed = cache.get(token)
            if analysed is None:
                analysed = cache[token] = self._token(token)
            folded, token_keys = analysed
            if folded is not None:
                words.append(folded)
            keys.extend(token_keys)
        if self.options.numbers and len(tokens) <= 3:
            # A lone capital I, V or X on a short line is a chapter number, not a pronoun.
            keys.extend(self._id(f"n:r{_roman_value(token)}") for token in tokens
                        if len(token) == 1 and token in "IVX")
        if self.dictionary is not None:
            keys.extend(self._id(key) for key in self.dictionary.matches(words, side=side))
        return keys, words

    def bags(self, texts: Sequence[str], *, side: str) -> tuple[Bags, list[list[str]]]:
        """Bags of all ``texts`` and their folded words."""
        all_keys: list[list[int]] = []
        all_words: list[list[str]] = []
        for text in texts:
            keys, words = self.features(text, side=side)
            all_keys.append(keys)
            all_words.append(words)
        return flatten(all_keys), all_words


def flatten(bags: Sequence[Sequence[int]]) -> Bags:
    """Per-sentence lists of ids -> flat :class:`Bags`."""
    lengths = np.fromiter((len(bag) for bag in bags), dtype=np.int64, count=len(bags))
    rows = np.repeat(np.arange(len(bags), dtype=np.int64), lengths)
    ids = np.fromiter(chain.from_iterable(bags), dtype=np.int64, count=int(lengths.sum()))
    return Bags(rows, ids, len(bags))


def sentence_features(text: str, *, options: AlignOptions, dictionary: DictionaryIndex | None,
                      side: str) -> tuple[list[int], list[str]]:
    """Key ids and folded words of one sentence (see :class:`FeatureExtractor`)."""
    return FeatureExtractor(options=options, dictionary=dictionary).features(text, side=side)
