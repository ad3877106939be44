"""Term-pair extraction from aligned (French, English) segments."""

from __future__ import annotations

from pathlib import Path

import pytest
from glossary_letters_en import LETTERS_EN

from tm.errors import TmError
from tm.glossary import load_glossary
from tm.glossary.extract import (
    cognate_coverage,
    extract_candidates,
    pairs_from_aligned,
    phrases,
    write_candidates,
)
from tm.glossary.normalize import match_key
from tm.model import AlignedDocument, Bead, Document, Segment

ROOT = Path(__file__).resolve().parents[1]
LETTERS_FR = ROOT / "corpus" / "wgig-transmittal-letters-2005-07-11.fr.txt"


@pytest.fixture(scope="module")
def letter_pairs():
    if not LETTERS_FR.exists():
        pytest.skip(f"{LETTERS_FR} missing")
    french = [line.replace("**", "") for line in LETTERS_FR.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    assert len(french) == len(LETTERS_EN)
    return list(zip(french, LETTERS_EN, strict=True))


def keyed(candidates):
    return {(match_key(c.source, "fr"), match_key(c.target, "en")): c for c in candidates}


REQUIRED = [
    ("secteur privé", "private sector"),
    ("société civile", "civil society"),
    ("Groupe de travail sur la gouvernance de l'Internet", "Working Group on Internet Governance"),
]


def test_letters_yield_the_required_pairs(letter_pairs):
    candidates = extract_candidates(letter_pairs)
    found = keyed(candidates)
    for source, target in REQUIRED:
        key = (match_key(source, "fr"), match_key(target, "en"))
        assert key in found, (source, target)
        candidate = found[key]
        assert candidate.count == 2 or candidate.count >= 2
        assert candidate.example_source and candidate.example_target
        assert candidates.index(candidate) < 60, (source, candidates.index(candidate))
    # The best-ranked pairs are sound.
    top = {(c.source.lower(), c.target.lower()) for c in candidates[:12]}
    assert ("sommet", "summit") in top and ("groupe de travail", "working group") in top


def test_competitive_linking_keeps_pairs_one_to_one(letter_pairs):
    candidates = extract_candidates(letter_pairs)
    sources = [match_key(c.source, "fr") for c in candidates]
    targets = [match_key(c.target, "en") for c in candidates]
    assert len(sources) == len(set(sources)) and len(targets) == len(set(targets))
    pairs = {(c.source, c.target) for c in candidates}
    assert ("secteur privé", "civil society") not in pairs


def test_glossary_marks_known_pairs(letter_pairs):
    glossary = load_glossary(ROOT / "glossary")
    found = keyed(extract_candidates(letter_pairs, glossary=glossary))
    private = found[(match_key("secteur privé", "fr"), match_key("private sector", "en"))]
    assert (private.status, private.concept_id) == ("known", "private-sector")
    names = found[(match_key("Nitin Desai", "fr"), match_key("Nitin Desai", "en"))]
    assert names.status == "new"


def test_min_count_filters(letter_pairs):
    assert extract_candidates(letter_pairs, min_count=20) == []
    assert extract_candidates(letter_pairs[:13], min_count=1)


def test_phrases_respect_stop_words_and_punctuation():
    found = [surface for _, surface in phrases(
        "la participation des gouvernements, du secteur privé", "fr", max_words=6)]
    assert "secteur privé" in found and "participation des gouvernements" in found
    assert not [s for s in found if "," in s or s.startswith(("la ", "du ")) or s.endswith(" des")]


def test_cognate_coverage():
    assert cognate_coverage("societe civile", "civil society", "fr", "en") == 1.0
    assert cognate_coverage("partie prenante", "stakeholder", "fr", "en") == 0.0
    assert cognate_coverage("partie prenante", "stakeholder", "fr", "en",
                            lexicon={("prenante", "stakeholder")}) == 0.75


def test_pairs_from_aligned_documents():
    def document(lang, texts):
        return Document(id=lang, lang=lang, path=Path(lang), paragraphs=())

    french = (Segment("Le secteur privé."), Segment("La société civile."), Segment("Seul."))
    english = (Segment("The private sector."), Segment("Civil society."))
    aligned = AlignedDocument(document("fr", french), document("en", english), french, english,
                              beads=(Bead((0, 1), (0, 1)), Bead((2,), ())))
    assert pairs_from_aligned([aligned]) == [
        ("Le secteur privé. La société civile.", "The private sector. Civil society.")]


def test_candidates_file(letter_pairs, tmp_path):
    path = write_candidates(extract_candidates(letter_pairs), tmp_path / "build" / "c.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:3] == ["rank", "score", "dice"]
    assert all(line.count("\t") == 12 for line in lines)
    with pytest.raises(TmError, match="never to a glossary source"):
        write_candidates([], tmp_path / "glossary.toml")
