"""Reading a corpus folder: the manifest, pairing by file name, and manifest errors."""

from __future__ import annotations

import pytest

from tm.corpus import document_pairs, load_corpus, parse_file_name
from tm.errors import TmError


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_manifest_describes_four_documents(project):
    documents = load_corpus(project / "corpus")
    by_id = {d.id: d for d in documents}
    assert set(by_id) == {
        "wgig-transmittal-utsumi.fr", "wgig-transmittal-karklins.fr",
        "wgig-transmittal-utsumi.en", "wgig-transmittal-karklins.en",
    }
    utsumi = by_id["wgig-transmittal-utsumi.fr"]
    assert (utsumi.date, utsumi.part, utsumi.counterpart) == \
        ("2005-07-11", 1, "wgig-transmittal-utsumi.en")
    assert "NOT the official UN English original" in by_id["wgig-transmittal-utsumi.en"].provenance
    pairs = document_pairs(documents)
    assert [(fr.id, en.id) for fr, en in pairs] == [
        ("wgig-transmittal-utsumi.fr", "wgig-transmittal-utsumi.en"),
        ("wgig-transmittal-karklins.fr", "wgig-transmittal-karklins.en"),
    ]


@pytest.mark.parametrize(("name", "key", "lang", "symbol"), [
    ("A_60_123-F.txt", "A_60_123", "fr", "A/60/123"),
    ("WSIS-05_TUNIS_DOC_6-E.txt", "WSIS-05_TUNIS_DOC_6", "en", "WSIS-05/TUNIS/DOC/6"),
    ("rapport.fr.txt", "rapport", "fr", None),
    ("report.en-GB.txt", "report", "en-GB", None),
])
def test_file_names_tell_language_and_symbol(name, key, lang, symbol):
    named = parse_file_name(name)
    assert (named.key, named.lang, named.symbol) == (key, lang, symbol)


def test_documents_without_manifest_are_paired_by_name(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "A_60_1-F.txt", "Le Sommet a eu lieu.\n")
    write(corpus / "A_60_1-E.txt", "The Summit took place.\n")
    write(corpus / "note.fr.txt", "Une note sans traduction.\n")
    documents = load_corpus(corpus)
    pairs = {fr.id: (en.id if en else None) for fr, en in document_pairs(documents)}
    assert pairs == {"A_60_1.fr": "A_60_1.en", "note.fr": None}
    assert {d.symbol for d in documents} == {"A/60/1", None}


def test_multi_letter_file_without_manifest_is_split_by_date_lines(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "lettres.fr.txt",
          "Le 3 mars 2005\n\nPremière lettre.\n\nLe 1er avril 2005\n\nDeuxième lettre.\n")
    write(corpus / "lettres.en.txt",
          "3 March 2005\n\nFirst letter.\n\n1 April 2005\n\nSecond letter.\n")
    documents = load_corpus(corpus)
    pairs = [(fr.id, en.id) for fr, en in document_pairs(documents)]
    assert pairs == [("lettres-1.fr", "lettres-1.en"), ("lettres-2.fr", "lettres-2.en")]


def test_manifest_can_switch_splitting_off(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "lettres.fr.txt", "Le 3 mars 2005\n\nUn.\n\nLe 4 mars 2005\n\nDeux.\n")
    write(corpus / "corpus.toml", '[files."lettres.fr.txt"]\ndocument_start = ""\n')
    assert len(load_corpus(corpus)) == 1


@pytest.mark.parametrize(("manifest", "message"), [
    ('[[document]]\nid = "x"\nfile = "missing.fr.txt"\nlang = "fr"\n',
     "file 'missing.fr.txt' not found"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\nlang = "klingon"\n', "unknown language code"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\n', "missing or empty 'lang'"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\nlang = "fr"\ncolour = "red"\n',
     "unknown key"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\nlang = "fr"\npart = 3\n',
     "describes part 3 but the file holds 1"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\nlang = "fr"\ncounterpart = "y"\n',
     "unknown counterpart 'y'"),
    ('[[document]]\nid = "x"\nfile = "a.fr.txt"\nlang = "fr"\ndate = "11/07/2005"\n',
     "YYYY-MM-DD"),
    ("[[document]\n", "malformed manifest"),
])
def test_manifest_errors_are_one_clear_line(tmp_path, manifest, message):
    corpus = tmp_path / "corpus"
    write(corpus / "a.fr.txt", "Un texte.\n")
    write(corpus / "corpus.toml", manifest)
    with pytest.raises(TmError, match=message) as caught:
        load_corpus(corpus)
    assert "\n" not in str(caught.value)


def test_missing_and_empty_corpus_folders(tmp_path):
    with pytest.raises(TmError, match="corpus folder not found"):
        load_corpus(tmp_path / "nothere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TmError, match="no .txt documents"):
        load_corpus(tmp_path / "empty")


def test_file_of_unknown_language(tmp_path):
    write(tmp_path / "corpus" / "notes.txt", "Quelque chose.\n")
    with pytest.raises(TmError, match="cannot tell the document's language"):
        load_corpus(tmp_path / "corpus")
