"""The aligner end to end: the corpus letters, damaged texts, unrelated texts, bad input, CLI."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from align_synthetic import damaged, parallel_text
from click.testing import CliRunner

from tm.align import AlignOptions, align, format_bead, score_alignments
from tm.cli import main
from tm.errors import TmError
from tm.model import Bead

REPO = Path(__file__).resolve().parents[1]


def _covers(beads: list[Bead], n: int, m: int) -> bool:
    source = [i for bead in beads for i in bead.source]
    target = [j for bead in beads for j in bead.target]
    return source == list(range(n)) and target == list(range(m))


@pytest.fixture(scope="module")
def letters():
    from tm.pipeline import aligned_corpus

    documents = aligned_corpus(REPO)
    assert len(documents) == 2, "both letters must have their English counterpart"
    return documents


def test_both_letters_align_exactly(letters):
    first, second = letters
    assert [format_bead(bead) for bead in first.beads] == [f"[{k}]:[{k}]" for k in range(17)]
    assert [format_bead(bead) for bead in second.beads] == [f"[{k}]:[{k}]" for k in range(19)]
    assert len(first.source_segments) == len(first.target_segments) == 17
    assert len(second.source_segments) == len(second.target_segments) == 19
    for document in letters:
        assert sum(bead.confidence for bead in document.beads) / len(document.beads) > 0.8


def test_shuffled_english_gives_no_confident_wrong_bead(letters):
    document = letters[0]
    source = [segment.text for segment in document.source_segments]
    target = [segment.text for segment in document.target_segments]
    order = list(range(len(target)))
    random.Random(3).shuffle(order)
    beads = align(source, [target[k] for k in order], src_lang="fr", tgt_lang="en")
    assert _covers(beads, len(source), len(target))
    for bead in beads:
        one_to_one = len(bead.source) == len(bead.target) == 1
        true_pair = one_to_one and order[bead.target[0]] == bead.source[0]
        if bead.confidence >= 0.5:
            assert true_pair or (len(bead.source) + len(bead.target) > 2), bead
    wrong = [bead for bead in beads if bead.source and bead.target
             and not any(order[j] in bead.source for j in bead.target)]
    assert all(bead.confidence < 0.5 for bead in wrong)


@pytest.mark.parametrize("seed", range(8))
def test_other_shuffles_give_no_confident_wrong_bead(letters, seed):
    for document in letters:
        source = [segment.text for segment in document.source_segments]
        target = [segment.text for segment in document.target_segments]
        order = list(range(len(target)))
        random.Random(100 + seed).shuffle(order)
        beads = align(source, [target[k] for k in order], src_lang="fr", tgt_lang="en")
        for bead in beads:
            if bead.confidence >= 0.5:
                assert any(order[j] in bead.source for j in bead.target), bead
                if len(bead.source) == len(bead.target) == 1:
                    assert order[bead.target[0]] == bead.source[0], bead


UNRELATED = [
    "The committee met on a rainy Tuesday to discuss the fishing quotas.",
    "Several delegates complained about the quality of the coffee.",
    "Lunch was served at noon in the large hall.",
    "A proposal on mackerel stocks was tabled but not adopted.",
    "The weather improved in the afternoon.",
    "Nobody mentioned the budget of the next biennium.",
    "Two experts presented charts about ocean temperatures.",
    "The meeting adjourned without a decision.",
]


def test_unrelated_text_gets_low_confidence(letters):
    source = [segment.text for segment in letters[0].source_segments]
    beads = align(source, UNRELATED, src_lang="fr", tgt_lang="en")
    assert _covers(beads, len(source), len(UNRELATED))
    assert max(bead.confidence for bead in beads) < 0.5


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_deleted_merged_and_split_sentences_are_recovered(seed):
    source, target, gold = damaged(300, seed=seed)
    kinds = {bead.kind for bead in gold}
    assert {"1-0", "2-1", "1-2"} <= kinds
    beads = align(source, target, src_lang="fr", tgt_lang="en")
    assert _covers(beads, len(source), len(target))
    assert score_alignments([(beads, gold)])["strict_f1"] >= 0.93


def test_same_input_same_beads():
    source, target, _ = damaged(200, seed=5)
    first = align(source, target, src_lang="fr", tgt_lang="en")
    assert first == align(source, target, src_lang="fr", tgt_lang="en")


def test_long_input_uses_the_coarse_to_fine_search():
    source, target = parallel_text(3000, seed=11)
    beads = align(source, target, src_lang="fr", tgt_lang="en",
                  options=AlignOptions(subwords=False))
    assert _covers(beads, 3000, 3000)
    correct = sum(bead.source == bead.target for bead in beads)
    assert correct >= 0.98 * 3000


@pytest.mark.parametrize(("n", "m"), [(0, 0), (0, 5), (5, 0), (10, 2000), (1, 1)])
def test_degenerate_sizes(n, m):
    source, target = parallel_text(max(n, m, 1), seed=2)
    beads = align(source[:n], target[:m], src_lang="fr", tgt_lang="en")
    assert _covers(beads, n, m)
    assert all(0.0 <= bead.confidence <= 1.0 for bead in beads)
    if n == 10 and m == 2000:
        assert sum(1 for bead in beads if bead.source and bead.target) <= 10


def test_blank_and_odd_segments():
    beads = align(["", "   ", "\x00\x01 binary?", "1 2 3"], ["", "abc", "1 2 3"],
                  src_lang="fr", tgt_lang="en")
    assert _covers(beads, 4, 3)


def test_bad_language_and_bad_segments():
    with pytest.raises(TmError):
        align(["a"], ["b"], src_lang="xx-bad", tgt_lang="en")
    with pytest.raises(TmError):
        align(["a", None], ["b"], src_lang="fr", tgt_lang="en")


def test_cli_presegmented_lists_every_line(tmp_path):
    source, target, _ = damaged(60, seed=4)
    (tmp_path / "s.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"),
                                       "--src-lang", "de", "--tgt-lang", "fr", "--presegmented",
                                       "--no-glossary"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    beads = [Bead(tuple(int(x) for x in s.strip("[]").split(", ") if x),
                  tuple(int(x) for x in t.strip("[]").split(", ") if x))
             for s, t in (line.split(":") for line in lines)]
    assert _covers(beads, len(source), len(target))


def test_cli_document_mode_and_min_confidence(tmp_path, letters):
    corpus = REPO / "corpus"
    french = corpus / "wgig-transmittal-letters-2005-07-11.fr.txt"
    english = corpus / "wgig-transmittal-letters-2005-07-11.en.txt"
    runner = CliRunner()
    args = ["align", str(french), str(english), "--src-lang", "fr", "--tgt-lang", "en",
            "--no-glossary"]
    everything = runner.invoke(main, args)
    assert everything.exit_code == 0, everything.output
    rows = [line.split("\t") for line in everything.output.splitlines()]
    assert all(len(row) == 3 and 0.0 <= float(row[2]) <= 1.0 for row in rows)
    assert rows[-1][:2] == ["Genève", "Geneva"]
    threshold = sorted(float(row[2]) for row in rows)[len(rows) // 2]
    strong = runner.invoke(main, [*args, "--min-confidence", str(threshold)])
    kept = strong.output.splitlines()
    assert kept == ["\t".join(row) for row in rows if float(row[2]) >= threshold]
    assert 0 < len(kept) < len(rows) or len({row[2] for row in rows}) == 1


def test_cli_bad_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Bonjour.\n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Genève\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    runner = CliRunner()
    base = ["--src-lang", "fr", "--tgt-lang", "en", "--presegmented", "--no-glossary"]
    result = runner.invoke(main, ["align", str(binary), str(good), *base])
    assert result.exit_code == 1 and "binary" in result.output
    result = runner.invoke(main, ["align", str(latin), str(good), *base])
    assert result.exit_code == 1 and "byte offset 3" in result.output
    result = runner.invoke(main, ["align", str(tmp_path / "missing"), str(good), *base])
    assert result.exit_code == 1 and "no such file" in result.output
    result = runner.invoke(main, ["align", str(empty), str(good), *base])
    assert result.exit_code == 0 and result.output == "[]:[0]\n"
    result = runner.invoke(main, ["align", str(good), str(good), "--src-lang", "zz!",
                                  "--tgt-lang", "en", "--presegmented"])
    assert result.exit_code == 1 and "language" in result.output
