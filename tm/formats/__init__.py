"""Writers and readers for the exchange formats translators' tools load.

One module per format (``tmx``, ``po``), each converting to and from the plain
:class:`tm.memory.TranslationUnit`; ``langtag`` normalises the language tags
they share. Modules never import the CLI.
"""
