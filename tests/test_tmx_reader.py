"""TMX reader: other tools' files read right; hostile or malformed files refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import TmError
from tm.formats.tmx_reader import TmxReadReport, read_tmx, read_tmx_header
from tm.model import Markup

HEADER = (
    '<header creationtool="OmegaT" creationtoolversion="3.6" segtype="sentence" '
    'o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>'
)


def tmx_file(
    tmp_path: Path,
    body: str,
    *,
    header: str = HEADER,
    prolog: str = "",
    root: str = '<tmx version="1.4">',
) -> Path:
    path = tmp_path / "other.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{prolog}{root}\n{header}\n<body>\n{body}\n</body>\n</tmx>\n",
        encoding="utf-8",
    )
    return path


def test_reads_a_tmx_written_by_another_tool(tmp_path: Path) -> None:
    body = """
<tu tuid="7" creationdate="20200101T120000Z"><prop type="x-client">UN</prop><note>checked</note>
  <tuv lang="FR-FR"><seg>Genève</seg></tuv>
  <tuv xml:lang="EN-US"><seg>Geneva</seg></tuv>
</tu>
<tu>
  <tuv xml:lang="en-US"><seg>Signed <bpt i="1" type="bold">&lt;b&gt;</bpt>Annan<ept i="1"
    >&lt;/b&gt;</ept><ph x="2">{0}</ph> <hi type="x">now</hi> <it pos="begin">&lt;i&gt;</it
    >ok</seg></tuv>
  <tuv xml:lang="de"><seg>Unterzeichnet</seg></tuv>
  <tuv xml:lang="fr-FR"><seg>Signé</seg></tuv>
</tu>
<tu><tuv xml:lang="en-US"><seg>Alone</seg></tuv></tu>
"""
    report = TmxReadReport()
    units = list(read_tmx(tmx_file(tmp_path, body), target_lang="fr", report=report))
    assert [(u.source.lang, u.source.text, u.target.lang, u.target.text) for u in units] == [
        ("en-US", "Geneva", "fr-FR", "Genève"),
        ("en-US", "Signed Annan now ok", "fr-FR", "Signé"),
    ]
    assert units[0].tuid == "7" and units[0].note == "checked"
    assert units[0].props == (("x-client", "UN"),)
    assert units[1].source.markup == (Markup(7, 12, "strong"),)
    assert len(units[1].tuid) == 16  # no tuid in the file: one is derived from the content
    assert (report.units, report.missing_language) == (2, 1)
    assert report.header is not None and report.header.creationtool == "OmegaT"


def test_source_language_all_takes_the_first_variant(tmp_path: Path) -> None:
    header = HEADER.replace('srclang="EN-US"', 'srclang="*all*"')
    body = '<tu><tuv xml:lang="fr"><seg>Oui</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>'
    (unit,) = read_tmx(tmx_file(tmp_path, body, header=header))
    assert (unit.source.text, unit.target.text) == ("Oui", "Yes")
    (unit,) = read_tmx(tmx_file(tmp_path, body, header=header), source_lang="en")
    assert (unit.source.text, unit.target.text) == ("Yes", "Oui")


def test_an_external_dtd_reference_is_accepted_but_never_loaded(tmp_path: Path) -> None:
    prolog = '<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n'
    body = '<tu><tuv xml:lang="en"><seg>Yes</seg></tuv><tuv xml:lang="fr"><seg>Oui</seg></tuv></tu>'
    (unit,) = read_tmx(tmx_file(tmp_path, body, prolog=prolog))
    assert unit.target.text == "Oui"


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
        '<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n',
        '<!DOCTYPE tmx [\n<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd">\n%remote;\n]>\n',
    ],
    ids=["external-entity", "billion-laughs", "parameter-entity"],
)
def test_entity_declarations_are_refused(tmp_path: Path, prolog: str) -> None:
    body = (
        '<tu><tuv xml:lang="en"><seg>&lol3;&xxe;</seg></tuv>'
        '<tuv xml:lang="fr"><seg>x</seg></tuv></tu>'
    )
    path = tmx_file(tmp_path, body, prolog=prolog)
    with pytest.raises(TmError) as error:
        list(read_tmx(path))
    message = str(error.value)
    assert message.startswith(f"{path}:")
    assert "entit" in message
    assert "root:" not in message  # nothing of /etc/passwd leaks into the message


@pytest.mark.parametrize(
    ("root", "header", "body", "expected"),
    [
        ('<tmx version="1.1">', HEADER, "", r"other\.tmx:2: unsupported TMX version '1\.1'"),
        ("<tmx>", HEADER, "", "unsupported TMX version None"),
        (
            '<tmx version="1.4">',
            HEADER.replace(' srclang="EN-US"', "").replace(' o-tmf="OmegaT TMX"', ""),
            "",
            r"other\.tmx:3: TMX header lacks required attribute\(s\): o-tmf, srclang",
        ),
        ('<tmx version="1.4">', HEADER.replace('"sentence"', '"word"'), "", "segtype 'word'"),
        (
            '<tmx version="1.4">',
            "",
            '<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>',
            "before the TMX <header>",
        ),
        (
            '<tmx version="1.4">',
            HEADER,
            "<tu><tuv><seg>x</seg></tuv></tu>",
            r"other\.tmx:5: <tuv> without xml:lang",
        ),
        (
            '<tmx version="1.4">',
            HEADER,
            '<tu><tuv xml:lang="english!"><seg>x</seg></tuv></tu>',
            "other.tmx:5: unknown language",
        ),
        (
            '<tmx version="1.4">',
            HEADER,
            '<tu><tuv xml:lang="en"><seg>x</seg></tuv>',
            r"other\.tmx:\d+: malformed TMX",
        ),
        (
            '<tmx version="1.4">',
            HEADER,
            "<tu><tuv xml:lang='en'><seg>a &nbsp; b</seg></tuv></tu>",
            r"other\.tmx:5: malformed TMX: Entity 'nbsp' not defined",
        ),
        ('<xliff version="1.2">', HEADER, "", "not a TMX file"),
    ],
    ids=[
        "old-version",
        "no-version",
        "missing-attributes",
        "bad-segtype",
        "no-header",
        "no-lang",
        "bad-lang",
        "unclosed",
        "undefined-entity",
        "not-tmx",
    ],
)
def test_malformed_files_get_a_clear_error_with_file_and_line(
    tmp_path: Path, root, header, body, expected
) -> None:
    closing = "</xliff>" if root.startswith("<xliff") else None
    path = tmx_file(tmp_path, body, header=header, root=root)
    if closing:
        path.write_text(
            path.read_text(encoding="utf-8").replace("</tmx>", closing), encoding="utf-8"
        )
    with pytest.raises(TmError, match=expected):
        list(read_tmx(path))


def test_an_empty_or_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tmx"
    empty.write_bytes(b"")
    with pytest.raises(TmError, match="empty.tmx"):
        list(read_tmx(empty))
    binary = tmp_path / "binary.tmx"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(TmError, match="binary.tmx:1: malformed TMX"):
        read_tmx_header(binary)


def test_a_huge_text_node_is_refused_by_the_parser_limits(tmp_path: Path) -> None:
    body = (
        '<tu><tuv xml:lang="en"><seg>'
        + "a" * 11_000_000
        + '</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu>'
    )
    with pytest.raises(TmError, match="malformed TMX"):
        list(read_tmx(tmx_file(tmp_path, body)))
