"""``python -m tm`` runs the ``tm`` command line."""

from tm.cli import main

main()
