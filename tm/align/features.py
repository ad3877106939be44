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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import regex

from tm.align.options import AlignOptions
from tm.glossary import normalize

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


#: Lower-case and strip accents (``Décembre`` -> ``decembre``): the glossary's own
#: folding, cached because every token of both texts goes through it.
fold = lru_cache(maxsize=200_000)(normalize.fold)


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

    def next_id(self) -> int:
        """One above the highest key id: where another family of keys can start."""
        return int(self.ids.max()) + 1 if len(self.ids) else 0


def next_id(*bags: Bags) -> int:
    """Ids stay compact (int32, usable by bincount): a new family starts above all of these."""
    return max(bag.next_id() for bag in bags)




@dataclass(frozen=True, slots=True)
class Words:
    """Folded words of a list of sentences, flat: occurrence k is ``vocabulary[ids[k]]``
    in sentence ``rows[k]``; sentence i holds occurrences ``starts[i]:starts[i + 1]``."""

    rows: np.ndarray
    ids: np.ndarray
    starts: np.ndarray
    vocabulary: list[str]  # shared by both sides of one extractor

    def sentence(self, index: int) -> list[str]:
        vocabulary = self.vocabulary
        return [vocabulary[word] for word in self.ids[self.starts[index]:self.starts[index + 1]]]


def expand(rows: np.ndarray, items: np.ndarray, counts: np.ndarray, values: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Each occurrence (row, item) -> one (row, value) per value of the item.

    Item k owns ``values[sum(counts[:k]) : sum(counts[:k + 1])]``; done in numpy so that
    a million tokens cost no Python loop.
    """
    item_starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    per_occurrence = counts[items].astype(np.int64)
    total = int(per_occurrence.sum())
    before = np.cumsum(per_occurrence) - per_occurrence
    positions = np.repeat(item_starts[items] - before, per_occurrence) + np.arange(total)
    return (np.repeat(rows, per_occurrence).astype(np.int32),
            values[positions].astype(np.int32))


#: Sentences tokenised at a time by :meth:`FeatureExtractor.bags`.
_CHUNK = 2000


class FeatureExtractor:
    """Turns sentences into feature bags; remembers each distinct token's keys (words repeat).

    Keys are interned as integer ids shared by both sides, so a key seen in the
    source and in the target has the same id; folded words are interned likewise.
    """

    def __init__(self, *, options: AlignOptions, dictionary: DictionaryIndex | None) -> None:
        self.options = options
        has_terms = dictionary is not None and bool(dictionary.source)
        self.dictionary = dictionary if options.dictionary and has_terms else None
        self._cache: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._ids: dict[str, int] = {}
        self._word_ids: dict[str, int] = {}
        self.vocabulary: list[str] = []

    @property
    def keys(self) -> dict[str, int]:
        """Every key interned so far (``n:2005``, ``w:internet``...) -> its id."""
        return self._ids

    def _id(self, key: str) -> int:
        return self._ids.setdefault(key, len(self._ids))

    def _word_id(self, folded: str) -> int:
        number = self._word_ids.get(folded)
        if number is None:
            number = self._word_ids[folded] = len(self.vocabulary)
            self.vocabulary.append(folded)
        return number

    def _analysed(self, token: str) -> tuple[int, tuple[int, ...]]:
        """(word id or -1, key ids) of one token, cached."""
        analysed = self._cache.get(token)
        if analysed is None:
            folded, keys = self._token(token)
            analysed = self._cache[token] = (-1 if folded is None else self._word_id(folded),
                                             keys)
        return analysed

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
        vocabulary = self.vocabulary
        for token in tokens:
            word, token_keys = self._analysed(token)
            if word >= 0:
                words.append(vocabulary[word])
            keys.extend(token_keys)
        if self.options.numbers and len(tokens) <= 3:
            # A lone capital I, V or X on a short line is a chapter number, not a pronoun.
            keys.extend(self._id(f"n:r{_roman_value(token)}") for token in tokens
                        if len(token) == 1 and token in "IVX")
        if self.dictionary is not None:
            keys.extend(self._id(key) for key in self.dictionary.matches(words, side=side))
        return keys, words

    def bags(self, texts: Sequence[str], *, side: str) -> tuple[Bags, Words]:
        """Bags of all ``texts`` and their folded words: the same keys as :meth:`features`,
        computed once per distinct token and spread over the sentences with numpy."""
        findall = _TOKEN.findall
        distinct: dict[str, int] = {}
        intern = distinct.setdefault
        word_of: list[int] = []  # per distinct token: its word id or -1
        key_counts: list[int] = []  # per distinct token: how many keys
        key_values: list[int] = []  # their keys, flat
        parts: list[tuple[np.ndarray, ...]] = []
        short: list[tuple[int, list[str]]] = []  # sentences of at most three tokens
        for chunk_start in range(0, len(texts), _CHUNK):
            # Chunks, carried through to the keys: a million token strings, or the int64
            # temporaries of a whole long text, alive at once would cost more than the bags.
            token_lists = [findall(text) for text in texts[chunk_start:chunk_start + _CHUNK]]
            seen = len(distinct)
            tokens = np.fromiter((intern(token, len(distinct))
                                  for tokens in token_lists for token in tokens),
                                 dtype=np.int64)
            for token in list(distinct)[seen:]:
                word, keys = self._analysed(token)
                word_of.append(word)
                key_counts.append(len(keys))
                key_values.extend(keys)
            lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
            short.extend((chunk_start + offset, tokens)
                         for offset, tokens in enumerate(token_lists) if len(tokens) <= 3)
            del token_lists
            token_rows = np.repeat(np.arange(chunk_start, chunk_start + len(lengths),
                                             dtype=np.int32), lengths)
            rows, ids = expand(token_rows, tokens, np.array(key_counts, dtype=np.int64),
                               np.array(key_values, dtype=np.int64))
            token_words = np.array(word_of, dtype=np.int64)[tokens]
            is_word = token_words >= 0
            parts.append((rows, ids, token_rows[is_word], token_words[is_word].astype(np.int32)))
        empty = np.zeros(0, dtype=np.int32)
        rows, ids, word_rows, word_ids = (
            np.concatenate([part[field] for part in parts]) if parts else empty
            for field in range(4))
        del parts
        words = Words(word_rows, word_ids,
                      np.concatenate([[0], np.cumsum(np.bincount(word_rows,
                                                                 minlength=len(texts)))]),
                      self.vocabulary)
        extra_rows: list[int] = []
        extra_ids: list[int] = []
        for row, token_list in short if self.options.numbers else ():
            # A lone capital I, V or X on a short line is a chapter number, not a pronoun.
            for token in token_list:
                if len(token) == 1 and token in "IVX":
                    extra_rows.append(row)
                    extra_ids.append(self._id(f"n:r{_roman_value(token)}"))
        for row in range(len(texts)) if self.dictionary is not None else ():
            for key in self.dictionary.matches(words.sentence(row), side=side):
                extra_rows.append(row)
                extra_ids.append(self._id(key))
        bags = Bags(rows, ids, len(texts))
        if extra_rows:
            bags = bags.plus(np.array(extra_rows, dtype=np.int32),
                             np.array(extra_ids, dtype=np.int32))
        return bags, words


def flatten(bags: Sequence[Sequence[int]]) -> Bags:
    """Per-sentence lists of ids -> flat :class:`Bags`."""
    lengths = np.fromiter((len(bag) for bag in bags), dtype=np.int64, count=len(bags))
    rows = np.repeat(np.arange(len(bags), dtype=np.int32), lengths)
    ids = np.fromiter(chain.from_iterable(bags), dtype=np.int32, count=int(lengths.sum()))
    return Bags(rows, ids, len(bags))


def sentence_features(text: str, *, options: AlignOptions, dictionary: DictionaryIndex | None,
                      side: str) -> tuple[list[int], list[str]]:
    """Key ids and folded words of one sentence (see :class:`FeatureExtractor`)."""
    return FeatureExtractor(options=options, dictionary=dictionary).features(text, side=side)
