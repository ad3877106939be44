"""An SRX 2.0 segmentation engine.

SRX (Segmentation Rules eXchange, LISA) is how CAT tools share sentence rules:
named language rules hold ordered ``<rule break="yes|no">`` elements, each a
``<beforebreak>``/``<afterbreak>`` pair of Java regular expressions; language
maps pick rules by language code, and ``cascade="yes"`` applies every matching
map in order rather than only the first. At a position in the text, the *first*
rule whose before-pattern matches the text ending there and whose after-pattern
matches the text starting there decides whether to break.

The engine is exact to that definition but fast: candidate positions come from a
forward scan of the break rules only (sentence ends are rare), and each candidate
is then checked against the ordered rules, grouped into runs of one kind and
compiled into a single zero-width pattern per run. Java regular expressions are
run with the ``regex`` package, which supports ``\\p{Lu}`` and variable-length
look-behind as Java does; what it reads differently is translated first
(:mod:`tm.segment.javaregex`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from tm.errors import TmError
from tm.segment.javaregex import needs_version1, translate

SRX_NAMESPACES = ("http://www.lisa.org/srx20", "http://www.lisa.org/srx10", "")


@dataclass(frozen=True, slots=True)
class SrxRule:
    """One SRX rule: break or no-break, with its before and after patterns."""

    is_break: bool
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class LanguageMap:
    """Maps language codes matching ``pattern`` to the named language rule."""

    pattern: str
    rule_name: str


@dataclass(frozen=True)
class SrxDocument:
    """A parsed SRX file: named language rules, ordered maps, and the cascade flag."""

    language_rules: dict[str, tuple[SrxRule, ...]]
    maps: tuple[LanguageMap, ...]
    cascade: bool
    source: str = "<srx>"
    #: regex syntax flag: V1 when a rule uses Java's nested or intersected classes.
    syntax: int = regex.V0

    def rules_for(self, lang: str) -> Segmenter:
        """The ordered rules SRX applies to ``lang`` (cascading if the file says so)."""
        rules: list[SrxRule] = []
        names: list[str] = []
        for language_map in self.maps:
            if regex.fullmatch(language_map.pattern, lang, flags=regex.IGNORECASE):
                names.append(language_map.rule_name)
                rules.extend(self.language_rules[language_map.rule_name])
                if not self.cascade:
                    break
        return Segmenter(tuple(rules), names=tuple(names), syntax=self.syntax)


class Segmenter:
    """Finds break positions in text according to an ordered list of SRX rules."""

    def __init__(
        self, rules: tuple[SrxRule, ...], *, names: tuple[str, ...] = (), syntax: int = regex.V0
    ) -> None:
        self.rules = rules
        self.names = names
        self.syntax = syntax

    @cached_property
    def _candidate_finders(self) -> tuple[regex.Pattern, ...]:
        finders = []
        for rule in self.rules:
            if rule.is_break:
                finders.append(
                    regex.compile(f"(?:{rule.before})(?=(?:{rule.after}))", self.syntax)
                )
        return tuple(finders)

    @cached_property
    def _runs(self) -> tuple[tuple[bool, regex.Pattern], ...]:
        """Consecutive rules of one kind, each run compiled into one zero-width pattern."""
        runs: list[tuple[bool, list[SrxRule]]] = []
        for rule in self.rules:
            if runs and runs[-1][0] == rule.is_break:
                runs[-1][1].append(rule)
            else:
                runs.append((rule.is_break, [rule]))
        compiled = []
        for is_break, members in runs:
            alternatives = "|".join(
                f"(?<=(?:{rule.before}))(?=(?:{rule.after}))" for rule in members
            )
            compiled.append((is_break, regex.compile(alternatives, self.syntax)))
        return tuple(compiled)

    def breaks(self, text: str) -> list[int]:
        """Offsets (0 < offset < len(text)) where ``text`` is broken into segments."""
        candidates: set[int] = set()
        for finder in self._candidate_finders:
            for match in finder.finditer(text, overlapped=True):
                end = match.end()
                if 0 < end < len(text):
                    candidates.add(end)
        if not candidates:
            return []
        result = []
        for position in sorted(candidates):
            for is_break, pattern in self._runs:
                if pattern.match(text, position):
                    if is_break:
                        result.append(position)
                    break
        return result

    def split(self, text: str) -> list[tuple[int, int]]:
        """(start, end) spans of the segments of ``text``: whitespace trimmed, empties dropped."""
        spans = []
        start = 0
        for end in [*self.breaks(text), len(text)]:
            lo, hi = start, end
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                spans.append((lo, hi))
            start = end
        return spans


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element, name: str):
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def parse_srx(data: bytes, *, source: str = "<srx>") -> SrxDocument:
    """Parse SRX 1.0/2.0 bytes into an :class:`SrxDocument`, validating every regex.

    XML is parsed with defusedxml: DTDs with entities and external references are
    refused, since SRX files come from other tools and are untrusted.
    """
    try:
        root = ElementTree.fromstring(data, forbid_dtd=False)
    except ElementTree.ParseError as error:
        line, column = error.position
        raise TmError(f"{source}:{line}: malformed SRX (not well-formed XML, column {column})") \
            from None
    except DefusedXmlException as error:
        raise TmError(f"{source}: refused SRX: {error}") from None
    if _local(root.tag) != "srx":
        raise TmError(f"{source}: not an SRX file (root element is <{_local(root.tag)}>)")
    version = root.get("version", "")
    if version not in ("1.0", "2.0"):
        raise TmError(f"{source}: unsupported SRX version {version!r} (expected 2.0)")
    header = _child(root, "header")
    body = _child(root, "body")
    if body is None:
        raise TmError(f"{source}: malformed SRX: no <body>")
    cascade = header is not None and header.get("cascade", "no") == "yes"
    language_rules: dict[str, tuple[SrxRule, ...]] = {}
    container = _child(body, "languagerules")
    for language_rule in _children(container, "languagerule") if container is not None else []:
        name = language_rule.get("languagerulename")
        if not name:
            raise TmError(f"{source}: malformed SRX: <languagerule> without languagerulename")
        rules = []
        for number, rule in enumerate(_children(language_rule, "rule"), start=1):
            before = _child(rule, "beforebreak")
            after = _child(rule, "afterbreak")
            patterns = []
            for element in (before, after):
                java = (element.text or "") if element is not None else ""
                try:
                    pattern = translate(java)
                    regex.compile(pattern, regex.V1 if needs_version1(pattern) else regex.V0)
                except regex.error as error:
                    raise TmError(
                        f"{source}: malformed SRX: rule {number} of {name!r}: "
                        f"bad regular expression {java!r} ({error})"
                    ) from None
                patterns.append(pattern)
            rules.append(SrxRule(rule.get("break", "yes") != "no", *patterns))
        language_rules[name] = tuple(rules)
    maps = []
    map_container = _child(body, "maprules")
    map_elements = _children(map_container, "languagemap") if map_container is not None else []
    for language_map in map_elements:
        pattern = language_map.get("languagepattern", "")
        name = language_map.get("languagerulename", "")
        if name not in language_rules:
            raise TmError(f"{source}: malformed SRX: language map names unknown rule {name!r}")
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise TmError(f"{source}: malformed SRX: bad language pattern {pattern!r} ({error})") \
                from None
        maps.append(LanguageMap(pattern, name))
    if not maps:
        raise TmError(f"{source}: malformed SRX: no <languagemap> in <maprules>")
    version1 = any(needs_version1(pattern) for rules in language_rules.values()
                   for rule in rules for pattern in (rule.before, rule.after))
    return SrxDocument(language_rules, tuple(maps), cascade, source,
                       regex.V1 if version1 else regex.V0)


def load_srx(path: Path) -> SrxDocument:
    """Read and parse an SRX file; errors name the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TmError(f"{path}: no such SRX file") from None
    except OSError as error:
        raise TmError(f"{path}: cannot read ({error.strerror})") from None
    return parse_srx(data, source=str(path))
