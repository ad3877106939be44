"""The bead format (writer and reader) and the scorer, on hand-made cases."""

import pytest

from tm.align import count_alignment, format_bead, parse_bead, parse_beads, score_alignments
from tm.errors import TmError
from tm.model import Bead


def test_format_matches_gold_files():
    assert format_bead(Bead((0, 1), (2,))) == "[0, 1]:[2]"
    assert format_bead(Bead((3,), ())) == "[3]:[]"
    assert format_bead(Bead((), (4,))) == "[]:[4]"


def test_parse_round_trip_and_trailing_score():
    for text in ("[0, 1]:[2]", "[3]:[]", "[]:[4]", "[5]:[6, 7, 8]"):
        assert format_bead(parse_bead(text)) == text
    assert parse_bead("[0,1]:[2]:0.53") == Bead((0, 1), (2,))


def test_parse_errors_name_the_line():
    with pytest.raises(TmError, match="gold, line 2"):
        parse_beads(["[0]:[0]", "[1]:[x]"], source="gold")
    with pytest.raises(TmError):
        parse_bead("0:0")


def test_scorer_hand_case():
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ()), Bead((4,), (2,))]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), ()), Bead((4,), (2,))]
    counts = count_alignment(test, gold)
    # precision over 5 produced beads: strict hits [0]:[0], [3]:[], [4]:[2];
    # lax also [1]:[1] (1-1 is linked in gold); [2]:[] links nothing.
    assert (counts.strict_precision_hits, counts.lax_precision_hits, counts.produced) == (3, 4, 5)
    # recall over 3 gold beads without 1-0: [0]:[0] and [4]:[2] strict, [1,2]:[1] lax only.
    assert (counts.strict_recall_hits, counts.lax_recall_hits, counts.gold) == (2, 3, 3)
    scores = score_alignments([(test, gold)])
    assert scores["strict_p"] == pytest.approx(3 / 5)
    assert scores["strict_r"] == pytest.approx(2 / 3)
    assert scores["lax_r"] == pytest.approx(1.0)


def test_scorer_sums_counts_over_documents_and_drops_empty_beads():
    gold = [Bead((0,), (0,))]
    scores = score_alignments([([Bead((0,), (0,)), Bead((), ())], gold),
                               ([Bead((0,), (1,))], gold)])
    assert scores["strict_p"] == pytest.approx(0.5)
    assert scores["strict_r"] == pytest.approx(0.5)
    assert scores["lax_f1"] == pytest.approx(0.5)
