"""Read a text file faithfully: strict decoding, BOM and CRLF handled, Unicode NFC.

Every reader of user files goes through :func:`read_text`, so that invalid bytes,
binary files and empty files get the same one-line error everywhere, naming the
file and (for bad bytes) the byte offset.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from tm.errors import TmError

#: How many leading bytes are inspected to tell a binary file from a text file.
_SNIFF_BYTES = 8192


def check_encoding(encoding: str) -> str:
    """Return the canonical codec name for ``encoding`` or raise TmError if unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise TmError(f"unknown encoding {encoding!r}") from None


def decode_text(
    data: bytes, *, source: str, encoding: str = "utf-8", nfc: bool = True,
    lone_cr_is_newline: bool = True,
) -> str:
    """Decode ``data`` strictly and normalise it (BOM removed, LF newlines, NFC).

    ``source`` names the input in error messages (a path, or ``<stdin>``). ``nfc``
    is switched off only where text must be compared exactly as another tool reads
    it (QA metrics must equal sacrebleu's on the same bytes). A lone CR ends a line
    (as in Python's universal newlines) unless ``lone_cr_is_newline`` is False: files
    of one sentence a line are indexed by LF, and a stray CR must not shift them.
    """
    codec = check_encoding(encoding)
    if b"\x00" in data[:_SNIFF_BYTES] and not codec.startswith("utf-16") \
            and not codec.startswith("utf-32"):
        raise TmError(f"{source}: binary file (NUL byte found), not a text document")
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        offset_shift = len(codecs.BOM_UTF8)
    else:
        offset_shift = 0
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TmError(
            f"{source}:{line}: not valid {encoding} at byte offset {error.start + offset_shift} "
            f"({error.reason})"
        ) from None
    text = text.lstrip("\ufeff") if offset_shift == 0 and text.startswith("\ufeff") else text
    text = text.replace("\r\n", "\n")
    if lone_cr_is_newline:
        text = text.replace("\r", "\n")
    return unicodedata.normalize("NFC", text) if nfc else text


def read_text(
    path: Path, *, encoding: str = "utf-8", allow_empty: bool = False, nfc: bool = True,
    lone_cr_is_newline: bool = True,
) -> str:
    """Read and decode one text file; an empty (or blank) file is an error unless allowed."""
    path = Path(path)
    if path.is_dir():
        raise TmError(f"{path}: is a directory, not a text file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TmError(f"{path}: no such file") from None
    except OSError as error:
        raise TmError(f"{path}: cannot read ({error.strerror})") from None
    text = decode_text(data, source=str(path), encoding=encoding, nfc=nfc,
                       lone_cr_is_newline=lone_cr_is_newline)
    if not allow_empty and not text.strip():
        raise TmError(f"{path}: empty file, no text to read")
    return text


def read_lines(path: Path, *, encoding: str = "utf-8") -> list[str]:
    """The lines of a file of one segment a line, exactly as written (no NFC).

    Lines are split on LF only (a CRLF ending is dropped), so line *i* of the
    result is line *i* of the file, as alignment gold files count them. An empty
    file gives no lines.
    """
    text = read_text(Path(path), encoding=encoding, allow_empty=True, nfc=False,
                     lone_cr_is_newline=False)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines
