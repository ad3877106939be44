"""Translation QA: sacrebleu metrics and translators' QA checks in one report (``tm qa``).

- :mod:`tm.qa.model`: the values (pair, finding, check, context).
- :mod:`tm.qa.checks`: one module per check family and the registry built from them.
- :mod:`tm.qa.metrics`: BLEU, chrF, TER via sacrebleu, from per-segment statistics.
- :mod:`tm.qa.runner`: checks and metrics over a file, in parallel chunks.
- :mod:`tm.qa.inputs`: PO, TMX and plain-text readers; references.
- :mod:`tm.qa.review`: one run from paths and options, with its gates.
- :mod:`tm.qa.report`: terminal, JSON and HTML reports.
"""
