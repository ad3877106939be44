"""Loading, lookup rules and scanning of the curated WSIS glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import TmError
from tm.glossary import load_glossary
from tm.glossary.lookup import lookup
from tm.glossary.normalize import match_key, primary_language

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY)


def ids(result):
    return [hit.concept.id for hit in result.hits]


def test_curated_glossary_is_large_and_bilingual(glossary):
    assert len(glossary) >= 150
    assert glossary.languages[:2] == ("fr", "en")
    for concept in glossary.concepts:
        assert concept.in_language("fr") and concept.in_language("en"), concept.id


def test_parties_prenantes_is_stakeholders(glossary):
    result = lookup(glossary, "parties prenantes")
    assert ids(result) == ["stakeholders"]
    assert result.hits[0].concept.in_language("en").term == "stakeholders"


@pytest.mark.parametrize("query", ["Parties Prenantes", "PARTIES PRENANTES", "partie prenante",
                                   "parties  prenantes", "Partie-prenante"])
def test_case_spacing_hyphens_and_number_do_not_matter(glossary, query):
    assert ids(lookup(glossary, query)) == ["stakeholders"]


def test_accents_and_apostrophes_do_not_matter(glossary):
    for query in ("gouvernance de l’Internet", "gouvernance de l'internet",
                  "GOUVERNANCE DE L'INTERNET", "Comite preparatoire", "fracture numerique"):
        assert lookup(glossary, query).found, query
    assert ids(lookup(glossary, "gouvernance de l’Internet")) == ["internet-governance"]
    assert ids(lookup(glossary, "Comite preparatoire")) == ["prepcom"]


def test_english_lookup_with_from(glossary):
    result = lookup(glossary, "stakeholder", from_lang="en")
    assert ids(result) == ["stakeholders"]
    assert result.hits[0].target_lang == "fr"
    assert result.hits[0].concept.in_language("fr").term == "parties prenantes"


def test_bcp47_tags_use_the_primary_subtag(glossary):
    assert ids(lookup(glossary, "stakeholders", from_lang="en-GB")) == ["stakeholders"]
    assert ids(lookup(glossary, "secteur privé", from_lang="fr-FR")) == ["private-sector"]
    assert primary_language("fr_FR") == "fr" and primary_language("not a tag") == ""
    with pytest.raises(TmError, match="not in the glossary"):
        lookup(glossary, "stakeholders", from_lang="de")


def test_abbreviations_resolve(glossary):
    assert ids(lookup(glossary, "SMSI")) == ["wsis"]
    assert ids(lookup(glossary, "smsi")) == ["wsis"]
    assert ids(lookup(glossary, "WSIS")) == ["wsis"]
    assert lookup(glossary, "WSIS").hits[0].lang == "en"
    assert ids(lookup(glossary, "TIC")) == ["ict"]
    assert ids(lookup(glossary, "ICTs")) == ["ict"]


def test_plural_inflection_both_languages(glossary):
    assert ids(lookup(glossary, "organisation intergouvernementale")) == [
        "intergovernmental-organizations"]
    assert ids(lookup(glossary, "root servers", from_lang="en")) == ["root-server"]
    assert ids(lookup(glossary, "countries with economy in transition")) == [
        "economies-in-transition"]


def test_detection_prefers_the_language_of_the_query(glossary):
    # "Internet" is the same word in both languages: one hit, not two.
    assert ids(lookup(glossary, "Internet")) == ["internet"]


def test_unknown_term_gives_suggestions(glossary):
    result = lookup(glossary, "stakeholdrs")
    assert not result.found
    assert result.suggestions and result.suggestions[0].concept.id == "stakeholders"
    partial = lookup(glossary, "gouvernance")
    assert not partial.found
    assert "internet-governance" in [s.concept.id for s in partial.suggestions]
    assert lookup(glossary, "qqqqzzzz").suggestions == ()


def test_declared_homonyms_both_found(glossary):
    assert sorted(ids(lookup(glossary, "Président"))) == ["chair", "president"]


def test_pairs_for_the_aligner(glossary):
    pairs = glossary.pairs("fr", "en")
    assert ("parties prenantes", "stakeholders") in pairs
    assert ("SMSI", "WSIS") in pairs
    assert ("SMSI", "World Summit on the Information Society") in pairs
    assert len(pairs) == len(set(pairs))
    assert ("stakeholders", "parties prenantes") in glossary.pairs("en-GB", "fr")


def test_scan_finds_terms_with_positions(glossary):
    text = ("Il a demandé la participation des gouvernements, du secteur privé et de la "
            "société civile au Sommet mondial sur la société de l’information (SMSI).")
    matches = glossary.scan(text, "fr")
    found = {m.concept_id: m for m in matches}
    for concept_id in ("private-sector", "civil-society", "wsis", "governments"):
        assert concept_id in found
    wsis = [m for m in matches if m.concept_id == "wsis"]
    assert [text[m.start:m.end] for m in wsis] == [
        "Sommet mondial sur la société de l’information", "SMSI"]
    assert found["private-sector"].equivalents[0] == "private sector"
    assert found["private-sector"].matched == "secteur privé"
    # Longest match wins: "société de l'information" inside the Summit name is not reported.
    assert "information-society" not in found


def test_scan_abbreviations_need_their_capitals(glossary):
    assert [m.concept_id for m in glossary.scan("un accord sur les tic", "fr")] == []
    assert [m.concept_id for m in glossary.scan("les TIC", "fr")] == ["ict"]
    assert [m.concept_id for m in glossary.scan("the UN and ICTs", "en")] == ["united-nations",
                                                                              "ict"]


def test_match_key_is_forgiving():
    assert match_key("Multi-Stakeholder", "en") == match_key("multistakeholders", "en")
    assert match_key("l’Internet", "fr") == match_key("l'internet", "fr")
    assert match_key("Œuvre", "fr") == match_key("oeuvres", "fr")


# -- bad input -------------------------------------------------------------------

def write(tmp_path: Path, text: str, name: str = "g.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '''[[concept]]
id = "private-sector"
subject = "stakeholders"
fr = { term = "secteur privé" }
en = { term = "private sector" }
'''


def test_toml_syntax_error_reports_file_and_line(tmp_path):
    path = write(tmp_path, GOOD + '\n[[concept]]\nid = "x"\nsubject = \n')
    with pytest.raises(TmError, match=r"g\.toml:9: invalid TOML"):
        load_glossary(path)


@pytest.mark.parametrize("extra, line, reason", [
    ('[[concept]]\nid = "b"\nsubject = "s"\nfr = { term = "b" }\n', 7, "at least two languages"),
    ('[[concept]]\nid = "b"\nsubject = "s"\nfr = { term = "b" }\nen = { trem = "b" }\n', 11,
     "unknown key 'trem'"),
    ('[[concept]]\nid = "b"\nsubjet = "s"\nfr = { term = "b" }\nen = { term = "b" }\n', 9,
     "unknown key 'subjet'"),
    ('[[concept]]\nid = "b"\nsubject = "s"\nstatus = "maybe"\nfr = { term = "b" }\n'
     'en = { term = "b" }\n', 10, "status must be"),
    ('[[concept]]\nid = "Bad Id"\nsubject = "s"\nfr = { term = "b" }\nen = { term = "b" }\n', 8,
     "'id'"),
    ('[[concept]]\nid = "b"\nsubject = "s"\nfr = { term = "b  c" }\nen = { term = "b" }\n', 10,
     "doubled spaces"),
    ('[[concept]]\nid = "b"\nsubject = "s"\nfr = { term = "b", variants = ["b"] }\n'
     'en = { term = "b" }\n', 10, "listed twice"),
])
def test_malformed_entry_reports_file_line_reason(tmp_path, extra, line, reason):
    path = write(tmp_path, GOOD + "\n" + extra)
    with pytest.raises(TmError) as error:
        load_glossary(path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert reason in message


def test_duplicate_concept_id_is_reported(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD.replace("secteur privé", "secteur privé bis")
          .replace("private sector", "private sector bis"), "b.toml")
    with pytest.raises(TmError, match=r"b\.toml:1: duplicate concept id 'private-sector' "
                                      r"\(first defined at .*a\.toml:1\)"):
        load_glossary(tmp_path)


def test_contradictory_entry_is_reported_not_merged(tmp_path):
    other = GOOD.replace('"private-sector"', '"business"').replace("private sector", "business")
    write(tmp_path, GOOD + "\n" + other.replace("secteur privé", "Secteurs Privés"))
    with pytest.raises(TmError, match=r"g\.toml:7: concept 'business' \[fr\]: 'Secteurs Privés' "
                                      r"is already 'private-sector'"):
        load_glossary(tmp_path)


def test_declared_homonyms_load(tmp_path):
    first = GOOD.replace('subject = "stakeholders"', 'subject = "s"\nsee_also = ["business"]')
    other = (GOOD.replace('"private-sector"', '"business"').replace("private sector", "business")
             .replace('subject = "stakeholders"', 'subject = "s"\nsee_also = ["private-sector"]'))
    glossary = load_glossary(write(tmp_path, first + "\n" + other))
    assert sorted(ids(lookup(glossary, "secteur privé"))) == ["business", "private-sector"]


def test_missing_glossary_and_bad_encoding(tmp_path):
    with pytest.raises(TmError, match="no such glossary"):
        load_glossary(tmp_path / "nope")
    with pytest.raises(TmError, match="no glossary source"):
        load_glossary(tmp_path)
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.encode("latin-1"))
    with pytest.raises(TmError, match=r"latin1\.toml:4: not valid utf-8"):
        load_glossary(path)


def test_cache_round_trip_and_invalidation(tmp_path, monkeypatch):
    monkeypatch.setenv("TM_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, GOOD)
    first = load_glossary(path, cache=True)
    assert list((tmp_path / "cache").iterdir())
    second = load_glossary(path, cache=True)
    assert second.concepts == first.concepts
    assert ids(lookup(second, "Secteur Prive")) == ["private-sector"]
    # Editing the source invalidates the cache; an error is never served from it.
    path.write_text(GOOD.replace("private sector", "private  sector"), encoding="utf-8")
    with pytest.raises(TmError, match="doubled spaces"):
        load_glossary(path, cache=True)
