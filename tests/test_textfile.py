"""Reading documents: encodings, BOM, newlines, NFC, and the errors for bad files."""

from __future__ import annotations

import unicodedata

import pytest

from tm.errors import TmError
from tm.textfile import read_text


def test_bom_crlf_and_nfc_are_normalised(tmp_path):
    path = tmp_path / "a.fr.txt"
    decomposed = unicodedata.normalize("NFD", "Genève, société")
    path.write_bytes(b"\xef\xbb\xbf" + f"{decomposed}\r\nligne 2\r\n".encode())
    assert read_text(path) == "Genève, société\nligne 2\n"


def test_invalid_utf8_names_file_and_byte_offset(tmp_path):
    path = tmp_path / "bad.fr.txt"
    path.write_bytes(b"Gen\xe8ve")
    with pytest.raises(TmError, match=r"bad\.fr\.txt:1: not valid utf-8 at byte offset 3"):
        read_text(path)


def test_byte_offset_counts_the_bom(tmp_path):
    path = tmp_path / "bad.fr.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    with pytest.raises(TmError, match="byte offset 5"):
        read_text(path)


def test_other_encoding_on_request(tmp_path):
    path = tmp_path / "latin.fr.txt"
    path.write_bytes("Genève".encode("latin-1"))
    assert read_text(path, encoding="latin-1") == "Genève"


def test_unknown_encoding(tmp_path):
    path = tmp_path / "a.fr.txt"
    path.write_text("x")
    with pytest.raises(TmError, match="unknown encoding 'klingon'"):
        read_text(path, encoding="klingon")


def test_binary_file(tmp_path):
    path = tmp_path / "image.fr.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(TmError, match="binary file"):
        read_text(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.fr.txt"
    path.write_bytes(content)
    with pytest.raises(TmError, match="empty file"):
        read_text(path)


def test_read_lines_counts_lines_by_lf_only(tmp_path):
    from tm.textfile import read_lines

    path = tmp_path / "sentences.txt"
    path.write_bytes(b"one\r\ntwo\rstill two\nthree\n")
    assert read_lines(path) == ["one", "two\rstill two", "three"]
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_lines(tmp_path / "empty.txt") == []
