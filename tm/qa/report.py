"""The three renderings of a QA run: a terminal summary, JSON for machines, one HTML page.

All three are deterministic (same input, same bytes): findings are sorted by
segment and check order, numbers are rounded, nothing depends on time or paths
other than the input names the caller gives.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tm.qa.model import SEVERITIES
from tm.qa.runner import QaResult

WORST_SEGMENTS = 10


@dataclass(slots=True)
class ReportInfo:
    """What the run was: input, languages, signature, notes and the gates' outcome."""

    origin: str
    source_lang: str
    target_lang: str
    signature: str
    notes: list[str] = field(default_factory=list)
    gate_failures: list[str] = field(default_factory=list)


def _severity_counts(result: QaResult) -> dict[str, int]:
    counts = Counter(finding.severity for finding in result.findings)
    return {severity: counts.get(severity, 0) for severity in reversed(SEVERITIES)}


def worst_segments(result: QaResult, limit: int = WORST_SEGMENTS) -> list[int]:
    """Segment numbers with the lowest chrF (then BLEU), ties broken by position."""
    def key(number: int) -> tuple[float, float, int]:
        scores = result.segment_scores[number]
        return scores.get("chrf", 0.0), scores.get("bleu", 0.0), number

    return sorted(result.segment_scores, key=key)[:limit]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def to_json(result: QaResult, info: ReportInfo) -> str:
    """The full report as JSON (one object; keys sorted; a final newline)."""
    by_segment: dict[int, int] = Counter(finding.segment for finding in result.findings)
    segments = []
    for pair in result.pairs:
        row: dict[str, Any] = {"segment": pair.number, "location": pair.location}
        scores = result.segment_scores.get(pair.number)
        for name in ("bleu", "chrf", "ter"):
            if scores is not None and name in scores:
                row[name] = _round(scores[name])
        row["findings"] = by_segment.get(pair.number, 0)
        segments.append(row)
    signatures = {name: score.signature for name, score in result.scores.items()}
    signatures["qa"] = info.signature
    document = {
        "tool": "tm qa",
        "input": info.origin,
        "source_lang": info.source_lang,
        "target_lang": info.target_lang,
        "segment_count": len(result.pairs),
        "scored_count": len(result.segment_scores),
        "bleu": _round(result.scores["bleu"].score) if "bleu" in result.scores else None,
        "chrf": _round(result.scores["chrf"].score) if "chrf" in result.scores else None,
        "ter": _round(result.scores["ter"].score) if "ter" in result.scores else None,
        "signatures": signatures,
        "checks": [check.id for check in result.checks],
        "counts": result.counts(),
        "severities": _severity_counts(result),
        "worst_segments": worst_segments(result),
        "segments": segments,
        "findings": [finding.as_dict() for finding in result.findings],
        "notes": info.notes,
        "gate_failures": info.gate_failures,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_text(result: QaResult, info: ReportInfo, *, show_findings: int = 20) -> str:
    """A summary for a terminal: scores and signatures, counts per check, worst segments."""
    lines = [
        f"tm qa: {info.origin} ({info.source_lang} -> {info.target_lang}), "
        f"{len(result.pairs)} segments, {len(result.segment_scores)} scored against references",
    ]
    if result.scores:
        lines.append("")
        lines.extend(score.line for score in result.scores.values())
    else:
        lines.append("no references: metrics not computed (give --ref or --ref-memory)")
    lines.append(f"QA signature: {info.signature}")
    severities = _severity_counts(result)
    lines += ["", "Findings: " + ", ".join(f"{count} {name}" for name, count in severities.items())]
    counts = result.counts()
    for check in result.checks:
        lines.append(f"  {check.id:<20} {check.severity:<8} {counts[check.id]:>7}")
    if result.segment_scores:
        lines += ["", "Worst segments (lowest chrF):"]
        pairs = {pair.number: pair for pair in result.pairs}
        for number in worst_segments(result):
            scores = result.segment_scores[number]
            shown = "  ".join(f"{name} {value:.1f}" for name, value in scores.items())
            lines.append(f"  #{number} {pairs[number].location}  {shown}")
            lines.append(f"    target:    {_clip(pairs[number].target)}")
            lines.append(f"    reference: {_clip(pairs[number].reference or '')}")
    if result.findings and show_findings:
        lines += ["", f"First findings (of {len(result.findings)}):"]
        for finding in result.findings[:show_findings]:
            lines.append(
                f"  #{finding.segment} [{finding.severity}] {finding.check}: {finding.message}"
            )
    for note in info.notes:
        lines.append(f"note: {note}")
    for failure in info.gate_failures:
        lines.append(f"FAILED: {failure}")
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.9em;word-break:break-all}.error{color:#b00020;font-weight:bold}
.warning{color:#a15c00}.info{color:#555}.failed{background:#fde8ea;padding:.5em}
.seg{white-space:pre-wrap}
"""


def to_html(result: QaResult, info: ReportInfo, *, max_segments: int = 5000) -> str:
    """One self-contained page (inline CSS, no script): scores, counts, worst and flagged segments.

    At most ``max_segments`` flagged segments are shown with their text (the JSON
    report has them all); the page says when it stops.
    """
    e = html.escape
    pairs = {pair.number: pair for pair in result.pairs}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>tm qa: {e(info.origin)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Translation QA: {e(info.origin)}</h1>",
        f"<p>{e(info.source_lang)} → {e(info.target_lang)}, {len(result.pairs)} segments, "
        f"{len(result.segment_scores)} scored against references.</p>",
    ]
    for failure in info.gate_failures:
        out.append(f'<p class="failed">FAILED: {e(failure)}</p>')
    out.append("<h2>Scores</h2>")
    if result.scores:
        out.append("<table><tr><th>metric</th><th>score</th><th>signature</th></tr>")
        for score in result.scores.values():
            out.append(
                f"<tr><td>{e(score.name)}</td><td class=n>{score.score:.2f}</td>"
                f"<td><code>{e(score.signature)}</code></td></tr>"
            )
        out.append("</table>")
    else:
        out.append("<p>No references: metrics not computed.</p>")
    out.append(f"<p>QA signature: <code>{e(info.signature)}</code></p>")
    out.append("<h2>Findings per check</h2><table>")
    out.append("<tr><th>check</th><th>severity</th><th>findings</th><th>what it finds</th></tr>")
    counts = result.counts()
    for check in result.checks:
        out.append(
            f"<tr><td>{e(check.id)}</td><td class={e(check.severity)}>{e(check.severity)}</td>"
            f"<td class=n>{counts[check.id]}</td><td>{e(check.description)}</td></tr>"
        )
    out.append("</table>")
    if result.segment_scores:
        out.append("<h2>Worst segments (lowest chrF)</h2><table>")
        out.append("<tr><th>#</th><th>scores</th><th>source</th><th>target</th>"
                   "<th>reference</th></tr>")
        for number in worst_segments(result):
            pair, scores = pairs[number], result.segment_scores[number]
            shown = "<br>".join(f"{e(k)} {v:.1f}" for k, v in scores.items())
            out.append(
                f"<tr><td class=n>{number}</td><td>{shown}</td>"
                f"<td class=seg>{e(pair.source)}</td><td class=seg>{e(pair.target)}</td>"
                f"<td class=seg>{e(pair.reference or '')}</td></tr>"
            )
        out.append("</table>")
    out.append("<h2>Flagged segments</h2>")
    grouped: dict[int, list] = {}
    for finding in result.findings:
        grouped.setdefault(finding.segment, []).append(finding)
    if not grouped:
        out.append("<p>No findings.</p>")
    else:
        out.append("<table><tr><th>#</th><th>where</th><th>source</th><th>target</th>"
                   "<th>findings</th></tr>")
        for shown, (number, findings) in enumerate(grouped.items()):
            if shown == max_segments:
                break
            pair = pairs[number]
            items = "<br>".join(
                f"<span class={e(f.severity)}>{e(f.severity)}</span> "
                f"<b>{e(f.check)}</b>: {e(f.message)}"
                for f in findings
            )
            out.append(
                f"<tr><td class=n>{number}</td><td>{e(pair.location)}</td>"
                f"<td class=seg>{e(pair.source)}</td><td class=seg>{e(pair.target)}</td>"
                f"<td>{items}</td></tr>"
            )
        out.append("</table>")
        if len(grouped) > max_segments:
            out.append(f"<p>{len(grouped) - max_segments} more flagged segments are in the "
                       "JSON report (<code>--json</code>).</p>")
    for note in info.notes:
        out.append(f"<p>Note: {e(note)}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
