"""Propose new term pairs from an aligned corpus, for a terminologist to review.

Method (no model to download, works on a few letters as on a large corpus):

1. Monolingual candidates: in each aligned segment, every word sequence of up to
   ``max_words`` words that starts and ends with a content word, may contain
   connectors inside ("de", "l'", "sur la"; "of", "on the") and does not cross
   punctuation. Candidates are grouped by their match key (case, accents and
   plural endings ignored), and shown in their most frequent spelling.
2. Association: the Dice coefficient of a French and an English candidate over
   the aligned pairs (2·c(fr,en) / (c(fr) + c(en))). On a small corpus many
   candidates occur in exactly the same segments and tie at Dice 1, so the score
   also weighs
3. cognate coverage: the share of content words on each side that have a
   look-alike on the other (character-bigram Dice ≥ 0.5: "société"/"society",
   "gouvernance"/"governance"), which French-English UN terminology has in
   abundance; and a mild penalty when the two sides differ in length.
4. Competitive linking (Melamed 2000): pairs are taken best first, and a French
   or English candidate already linked is not linked again, which removes the
   "secteur privé" ↔ "civil society" kind of pairing.

Candidates that the glossary already has are kept but marked ``known`` (or
``differs`` when the glossary gives another equivalent), so the review file
shows both what is new and what the corpus confirms; the curated sources are
never touched.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tm.atomic import atomic_file
from tm.errors import TmError
from tm.glossary.normalize import fold, match_key, primary_language, stem_word

#: A token: an elided article or pronoun with its apostrophe ("l'", "d'"), or a
#: word (hyphenated compounds kept whole: "Secrétaire-général", "multi-stakeholder").
_TOKEN = re.compile(r"[^\W\d_]+['’](?=\w)|[^\W_]+(?:[-‐‑][^\W_]+)*")

_FRENCH_STOP_WORDS = """
le la les l' un une des de du d' et ou à au aux en dans sur pour par avec sans sous entre vers
chez que qu' qui quoi dont où ce c' cet cette ces son sa ses leur leurs mon ma mes ton ta tes
notre nos votre vos il elle ils elles je j' tu nous vous on se s' y ne n' pas plus très être
avoir est sont été a ont ai as avons avez suis sera serait fut était également aussi ainsi comme
si mais donc or ni car tout tous toute toutes même autre autres celle celui celles ceux ci là
cela ça lui eux m' me te t' aujourd' hui lors cours afin enfin éventuellement celle-ci celui-ci
"""
_ENGLISH_STOP_WORDS = """
the a an of and or to in on for with by at from as into about is are was were be been being it
its this that these those which who whom whose he she they we you i my our your their his her
him them me us not no so also has have had having will would can could may might should shall
must do does did there here all any each some such than then very more most much many other
others both own same only just well during finally today
"""
_STOP = {"fr": set(_FRENCH_STOP_WORDS.split()), "en": set(_ENGLISH_STOP_WORDS.split())}
#: Words allowed inside (not at either end of) a candidate.
_CONNECTORS = {
    "fr": {"de", "du", "des", "d'", "la", "le", "l'", "les", "sur", "pour", "à", "au", "aux",
           "en"},
    "en": {"of", "the", "on", "for", "in", "to"},
}

_FOLDED_STOP = {lang: {fold(word) for word in words} for lang, words in _STOP.items()}
_FOLDED_CONNECTORS = {lang: {fold(word) for word in words} for lang, words in _CONNECTORS.items()}
_CONTENT_STOP = {lang: {word.rstrip("'") for word in words} for lang, words in _FOLDED_STOP.items()}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed term pair with the evidence for it."""

    source: str
    target: str
    score: float
    dice: float
    cognates: float
    count: int
    source_count: int
    target_count: int
    example_source: str
    example_target: str
    status: str = "new"  # "new", "known" (in the glossary), "differs" (glossary says otherwise)
    concept_id: str = ""


@dataclass
class _Monolingual:
    """Candidates of one side: key -> spelling counts, pair count and first pair index."""

    spellings: dict[str, Counter]
    segments: dict[str, int]


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for the words and elided articles of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def phrases(text: str, lang: str, *, max_words: int) -> list[tuple[str, str]]:
    """(key, surface) of every candidate phrase in one segment."""
    stop, connectors = _FOLDED_STOP.get(lang, set()), _FOLDED_CONNECTORS.get(lang, set())
    found: list[tuple[str, str]] = []
    spans = tokens(text)
    lowered = [fold(token).replace("’", "'") for _, _, token in spans]
    stopped = [low in stop or low.isdigit() or len(low) < 2 for low in lowered]
    for first in range(len(spans)):
        if stopped[first]:
            continue
        for last in range(first, min(len(spans), first + max_words)):
            if last > first:
                gap = text[spans[last - 1][1] : spans[last][0]]
                if gap.strip():
                    break  # punctuation: a phrase never crosses it
                if stopped[last] and lowered[last] not in connectors:
                    break
            if stopped[last]:
                continue
            surface = text[spans[first][0] : spans[last][1]]
            found.append((" ".join(stem_word(w, lang) for w in _key_words(surface)), surface))
    return found


def _key_words(surface: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_]+", fold(surface))]


def _content_words(key: str, lang: str) -> list[str]:
    stop = _CONTENT_STOP.get(lang, set())
    return [word for word in key.split() if word not in stop]


def _bigrams(word: str) -> set[str]:
    return {word[i : i + 2] for i in range(len(word) - 1)} if len(word) > 1 else {word}


def _cognate(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    first, second = _bigrams(a), _bigrams(b)
    return 2 * len(first & second) / (len(first) + len(second)) >= 0.5


def cognate_coverage(
    source_key: str,
    target_key: str,
    source_lang: str,
    target_lang: str,
    *,
    lexicon: set[tuple[str, str]] = frozenset(),
) -> float:
    """Mean share of content words on each side with a counterpart on the other side.

    A counterpart is a look-alike (cognate) or a word pair of ``lexicon``, the
    word translations learned from the same corpus ("travail"/"working").
    """
    source = _content_words(source_key, source_lang)
    target = _content_words(target_key, target_lang)
    if not source or not target:
        return 0.0

    def linked(s: str, t: str) -> bool:
        return (s, t) in lexicon or _cognate(s, t)

    covered_source = sum(any(linked(s, t) for t in target) for s in source) / len(source)
    covered_target = sum(any(linked(s, t) for s in source) for t in target) / len(target)
    return (covered_source + covered_target) / 2


def word_lexicon(
    per_pair_words: list[tuple[set[str], set[str]]], *, min_count: int = 3, min_dice: float = 0.8
) -> set[tuple[str, str]]:
    """Word translations learned from the pairs: Dice + competitive linking.

    Only words seen in at least ``min_count`` pairs take part: on a small corpus,
    rarer words tie with everything around them and would link at random.
    """
    source_counts: Counter = Counter()
    target_counts: Counter = Counter()
    for source_words, target_words in per_pair_words:
        source_counts.update(source_words)
        target_counts.update(target_words)
    together: Counter = Counter()
    for source_words, target_words in per_pair_words:
        frequent_target = [t for t in target_words if target_counts[t] >= min_count]
        for s in source_words:
            if source_counts[s] >= min_count:
                for t in frequent_target:
                    together[(s, t)] += 1
    ranked = []
    for (s, t), count in together.items():
        dice = 2 * count / (source_counts[s] + target_counts[t])
        if dice >= min_dice:
            ranked.append((-dice, -count, not _cognate(s, t), s, t))
    ranked.sort()
    lexicon: set[tuple[str, str]] = set()
    used_source: set[str] = set()
    used_target: set[str] = set()
    for _, _, _, s, t in ranked:
        if s not in used_source and t not in used_target:
            used_source.add(s)
            used_target.add(t)
            lexicon.add((s, t))
    return lexicon


def extract_candidates(
    pairs: Iterable[tuple[str, str]],
    *,
    glossary=None,
    source_lang: str = "fr",
    target_lang: str = "en",
    min_count: int = 2,
    max_words: tuple[int, int] = (10, 7),
    limit: int = 500,
) -> list[Candidate]:
    """Ranked candidate term pairs from (French, English) aligned segments.

    ``min_count`` is the minimum number of pairs in which both sides co-occur.
    With a ``glossary``, each candidate is marked ``known``, ``differs`` or ``new``.
    """
    source_lang, target_lang = primary_language(source_lang), primary_language(target_lang)
    pair_list = [(source, target) for source, target in pairs if source.strip() and target.strip()]
    source_side = _Monolingual(defaultdict(Counter), Counter())
    target_side = _Monolingual(defaultdict(Counter), Counter())
    per_pair: list[tuple[set[str], set[str]]] = []
    for source, target in pair_list:
        keys = []
        for side, text, lang, words in ((source_side, source, source_lang, max_words[0]),
                                        (target_side, target, target_lang, max_words[1])):
            found = phrases(text, lang, max_words=words)
            for key, surface in found:
                side.spellings[key][surface] += 1
            distinct = {key for key, _ in found}
            for key in distinct:
                side.segments[key] += 1
            keys.append(distinct)
        per_pair.append((keys[0], keys[1]))

    lexicon = word_lexicon([
        (set(_content_words(" ".join(source_keys), source_lang)),
         set(_content_words(" ".join(target_keys), target_lang)))
        for source_keys, target_keys in per_pair
    ], min_count=max(3, min_count))
    together: Counter = Counter()
    first_pair: dict[tuple[str, str], int] = {}
    for number, (source_keys, target_keys) in enumerate(per_pair):
        frequent_source = [k for k in source_keys if source_side.segments[k] >= min_count]
        frequent_target = [k for k in target_keys if target_side.segments[k] >= min_count]
        for source_key in frequent_source:
            for target_key in frequent_target:
                together[(source_key, target_key)] += 1
                first_pair.setdefault((source_key, target_key), number)

    scored = []
    for (source_key, target_key), count in together.items():
        if count < min_count:
            continue
        source_count = source_side.segments[source_key]
        target_count = target_side.segments[target_key]
        dice = 2 * count / (source_count + target_count)
        cognates = cognate_coverage(source_key, target_key, source_lang, target_lang,
                                    lexicon=lexicon)
        source_words = len(_content_words(source_key, source_lang)) or 1
        target_words = len(_content_words(target_key, target_lang)) or 1
        balance = min(source_words, target_words) / max(source_words, target_words)
        score = dice * (0.4 + 0.6 * cognates) * (0.8 + 0.2 * balance)
        scored.append((score, count, dice, cognates, source_key, target_key))
    scored.sort(key=lambda item: (-item[0], -item[1], -len(item[4]), item[4], item[5]))

    linked_source: set[str] = set()
    linked_target: set[str] = set()
    candidates: list[Candidate] = []
    for score, count, dice, cognates, source_key, target_key in scored:
        if source_key in linked_source or target_key in linked_target:
            continue
        linked_source.add(source_key)
        linked_target.add(target_key)
        example = pair_list[first_pair[(source_key, target_key)]]
        source_text = _spelling(source_side.spellings[source_key])
        target_text = _spelling(target_side.spellings[target_key])
        status, concept_id = _status(glossary, source_text, target_text, source_lang, target_lang)
        candidates.append(Candidate(
            source=source_text, target=target_text, score=round(score, 4), dice=round(dice, 4),
            cognates=round(cognates, 4), count=count,
            source_count=source_side.segments[source_key],
            target_count=target_side.segments[target_key],
            example_source=example[0], example_target=example[1],
            status=status, concept_id=concept_id,
        ))
        if len(candidates) >= limit:
            break
    return candidates


def _spelling(spellings: Counter) -> str:
    """The most frequent spelling; ties go to the one with more capitals (a name)."""
    return min(spellings, key=lambda s: (-spellings[s], -sum(c.isupper() for c in s), s))


def _status(glossary, source: str, target: str, source_lang: str, target_lang: str):
    if glossary is None:
        return "new", ""
    source_entries = glossary.entries(match_key(source, source_lang), source_lang)
    target_key = match_key(target, target_lang)
    for entry in source_entries:
        terms = entry.concept.in_language(target_lang)
        if terms and any(match_key(form, target_lang) == target_key for form in terms.forms()):
            return "known", entry.concept.id
    if source_entries:
        return "differs", source_entries[0].concept.id
    target_entries = glossary.entries(target_key, target_lang)
    if target_entries:
        return "differs", target_entries[0].concept.id
    return "new", ""


def pairs_from_aligned(documents) -> list[tuple[str, str]]:
    """(French, English) text of every bead with both sides, from AlignedDocuments."""
    result = []
    for document in documents:
        for bead in document.beads:
            if bead.source and bead.target:
                source = " ".join(document.source_segments[i].text for i in bead.source)
                target = " ".join(document.target_segments[i].text for i in bead.target)
                result.append((source, target))
    return result


_COLUMNS = ("rank", "score", "dice", "cognates", "count", "source_count", "target_count",
            "status", "concept", "source", "target", "example_source", "example_target")


def candidates_tsv(candidates: list[Candidate]) -> str:
    """The review file: a header row, then one tab-separated row per candidate."""
    def clean(value) -> str:
        return " ".join(str(value).split())

    lines = ["\t".join(_COLUMNS)]
    for rank, c in enumerate(candidates, 1):
        row = (rank, f"{c.score:.4f}", f"{c.dice:.4f}", f"{c.cognates:.4f}", c.count,
               c.source_count, c.target_count, c.status, c.concept_id, c.source, c.target,
               c.example_source, c.example_target)
        lines.append("\t".join(clean(value) for value in row))
    return "\n".join(lines) + "\n"


def write_candidates(candidates: list[Candidate], path: Path) -> Path:
    """Write the review file atomically (never into the curated glossary sources)."""
    path = Path(path)
    if path.suffix == ".toml":
        raise TmError(f"{path}: candidates go to a review file, never to a glossary source (.toml)")
    with atomic_file(path) as handle:
        handle.write(candidates_tsv(candidates))
    return path
