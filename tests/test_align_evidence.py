"""Each evidence source of the aligner, tested on its own."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pytest
from align_synthetic import parallel_text

from tm.align import AlignOptions, read_dictionary
from tm.align.costs import CostModel
from tm.align.features import DictionaryIndex, FeatureExtractor, fold, skeleton
from tm.align.lexicon import learn_lexicon
from tm.errors import TmError

ONLY = {name: False for name in ("numbers", "punctuation", "identical", "cognates",
                                 "dictionary")}


def keys(text: str, *, side: str = "source", index=None, **switches) -> set[str]:
    options = AlignOptions(**{**ONLY, **switches})
    extractor = FeatureExtractor(options=options, dictionary=index)
    ids, _ = extractor.features(text, side=side)
    names = {number: key for key, number in extractor._ids.items()}
    return {names[number] for number in ids}


def test_length_cost_uses_the_document_ratio():
    model = CostModel.for_lengths(np.array([100.0, 200.0]), np.array([120.0, 240.0]))
    assert model.ratio == pytest.approx(1.2)
    cost = model.length_cost(np.array([100.0, 100.0, 100.0]), np.array([120.0, 150.0, 300.0]))
    assert cost[0] < 0.01 < cost[1] < cost[2]


def test_length_variance_is_estimated_from_beads():
    rng = np.random.default_rng(1)
    source = rng.uniform(20, 200, 500)
    noisy = source * 1.1 + rng.normal(0, 1, 500) * np.sqrt(source) * 3
    model = CostModel.for_lengths(source, noisy).with_variance_from(source, noisy)
    assert 5 < model.variance < 15


def test_numbers_dates_urls():
    found = keys("Le 11 juillet 2005, 1 000 personnes (voir www.un.org/wsis). CHAPITRE IV",
                 numbers=True)
    assert {"n:11", "n:m7", "n:2005", "n:1000", "n:www.un.org/wsis", "n:r4"} <= found
    english = keys("On 11 July 2005, 1,000 people (see www.un.org/wsis). CHAPTER IV",
                   numbers=True)
    assert {"n:11", "n:m7", "n:2005", "n:1000", "n:www.un.org/wsis", "n:r4"} <= english


def test_punctuation():
    assert keys("Pourquoi ? « Oui » : non ; (bien) !", punctuation=True) == \
        {"p:?", 'p:"', "p::", "p:;", "p:(", "p:)", "p:!"}


def test_identical_tokens_fold_case_and_accents():
    assert "w:geneve" in keys("GENÈVE et l'OMPI", identical=True)
    assert "w:ompi" in keys("GENÈVE et l'OMPI", identical=True)


def test_cognates_share_a_skeleton():
    assert skeleton(fold("gouvernance")) == skeleton(fold("governance"))
    assert keys("gouvernance décembre", cognates=True) == keys("governance December",
                                                               cognates=True)


def test_dictionary_terms_multiword():
    index = DictionaryIndex.build([("Sommet mondial", "World Summit"), ("Genève", "Geneva")])
    source = keys("Le Sommet mondial à Genève", index=index, dictionary=True)
    target = keys("The World Summit in Geneva", side="target", index=index, dictionary=True)
    assert source == target == {"d:0", "d:1"}


def test_read_dictionary(tmp_path):
    path = tmp_path / "dict.tsv"
    path.write_text("# comment\nsommet\tsummit\tnote\n\ngouvernance\tgovernance\n",
                    encoding="utf-8")
    assert read_dictionary(path) == [("sommet", "summit"), ("gouvernance", "governance")]
    path.write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(TmError, match="line 1"):
        read_dictionary(path)


def test_subword_model_is_trained_in_memory_and_deterministic():
    pytest.importorskip("sentencepiece")
    from tm.align.subword import train_and_encode

    source, target = parallel_text(400, seed=3)
    first = train_and_encode(source, target, vocab_size=500)
    assert first is not None
    second = train_and_encode(source, target, vocab_size=500)
    assert all(np.array_equal(a, b) for a, b in zip(chain(*first), chain(*second), strict=True))
    (source_rows, source_pieces), (target_rows, target_pieces) = first
    source_sets = [set(source_pieces[source_rows == k].tolist()) for k in range(len(source))]
    target_sets = [set(target_pieces[target_rows == k].tolist()) for k in range(len(target))]
    shared = sum(bool(s & t) for s, t in zip(source_sets, target_sets, strict=True))
    assert shared > 0.5 * len(source)  # names and numbers become shared pieces
    assert train_and_encode(["a b"], ["c d"], vocab_size=500) is None  # too small: skipped


def test_lexicon_learned_from_confident_pairs():
    pairs = [(["chat", "noir", f"x{k}"], ["cat", "black", f"y{k}"]) for k in range(20)]
    pairs += [(["chien"], ["dog"])] * 5
    lexicon = {(s, t) for s, t, _ in learn_lexicon(pairs)}
    assert {("chat", "cat"), ("noir", "black"), ("chien", "dog")} <= lexicon
    assert ("chien", "cat") not in lexicon


def test_signature_records_switches():
    signature = AlignOptions(subwords=False, realign=False).signature()
    assert "sp:off" in signature and "realign:off" in signature and "len:on" in signature
    assert signature.endswith("version:0.1.0")


def test_signature_records_evidence_weights():
    from tm.align.weights import EVIDENCE_WEIGHTS

    assert f"|wt:n{EVIDENCE_WEIGHTS['n']:g}," in AlignOptions().signature()


def _dense(matrix) -> np.ndarray:
    return np.asarray(matrix.todense())


def test_vectors_from_parts_equal_vectors_from_one_bag_and_count_repeats():
    from tm.align.features import Bags
    from tm.align.vectors import build_vectors

    rng = np.random.default_rng(5)
    count = 5000  # more than one block of rows
    source = Bags(rng.integers(0, count, 40000, dtype=np.int32),
                  rng.integers(0, 300, 40000, dtype=np.int32), count)
    target = Bags(rng.integers(0, count, 30000, dtype=np.int32),
                  rng.integers(100, 400, 30000, dtype=np.int32), count)
    whole = build_vectors([source], [target])
    half = 20000
    parts = build_vectors([Bags(source.rows[:half], source.ids[:half], count),
                           Bags(source.rows[half:], source.ids[half:], count)], [target])
    for left, right in zip(whole[:2], parts[:2], strict=True):
        assert np.allclose(_dense(left), _dense(right))
    assert np.allclose(whole[2], parts[2]) and np.allclose(whole[3], parts[3])
    # Key 100 twice in sentence 0 (shared by both sides) counts twice.
    twice = build_vectors([Bags(np.array([0, 0, 1], dtype=np.int32),
                                np.array([100, 100, 7], dtype=np.int32), 2)],
                          [Bags(np.array([0, 1], dtype=np.int32),
                                np.array([100, 7], dtype=np.int32), 2)])
    source_vectors = _dense(twice[0])
    assert source_vectors[0].sum() == pytest.approx(2 * _dense(twice[1])[0].sum())


def test_evidence_weights_scale_their_family():
    from tm.align.features import Bags
    from tm.align.vectors import build_vectors
    from tm.align.weights import EVIDENCE_WEIGHTS, KeyWeights

    weights = KeyWeights({"n:2005": 0, "w:geneve": 1})
    weights.family_from(2, "sp")
    array = weights.array(4)
    assert array.tolist() == [EVIDENCE_WEIGHTS["n"], EVIDENCE_WEIGHTS["w"],
                              EVIDENCE_WEIGHTS["sp"], EVIDENCE_WEIGHTS["sp"]]
    bags = Bags(np.array([0, 0], dtype=np.int32), np.array([0, 1], dtype=np.int32), 1)
    plain = _dense(build_vectors([bags], [bags])[0])[0]
    weighted = _dense(build_vectors([bags], [bags], key_weights=np.array([3.0, 1.0]))[0])[0]
    assert weighted[0] == pytest.approx(3 * plain[0]) and weighted[1] == pytest.approx(plain[1])
