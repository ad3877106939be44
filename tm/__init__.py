"""tm: a translation-memory builder for United Nations documents.

The pipeline flows one way: corpus (files -> documents) -> segment (documents ->
sentences) -> align (sentences -> beads with a confidence) -> memory (beads ->
translation units) -> formats (TMX, PO, TBX, TSV). Each stage is a plain function
over the plain data types of :mod:`tm.model`.
"""

__version__ = "0.1.0"
