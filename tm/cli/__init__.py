"""The ``tm`` command line: a thin layer that wires commands to library functions.

Subcommands live in their own modules and are imported only when invoked, so
that a quick command (``tm glossary lookup``) does not pay for the imports of a
heavy one (sentencepiece, sacrebleu). Library errors (:class:`tm.errors.TmError`)
and operating-system errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import importlib

import click

from tm import __version__
from tm.errors import TmError

#: command name -> "module:attribute" of its click command, imported lazily.
COMMANDS: dict[str, str] = {
    "build": "tm.cli.build_command:build",
    "segment": "tm.cli.segment_command:segment",
    "align": "tm.cli.align_command:align",
    "glossary": "tm.cli.glossary_command:glossary",
    "qa": "tm.cli.qa_command:qa",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module_name, attribute = COMMANDS[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TmError as error:
            failure = click.ClickException(str(error))
            failure.exit_code = error.exit_code
            raise failure from None
        except UnicodeDecodeError as error:  # pragma: no cover - readers raise TmError
            raise click.ClickException(f"cannot decode input: {error}") from None
        except BrokenPipeError:
            # The reader went away (e.g. ``tm segment FILE | head``): stop quietly.
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tm")
def main() -> None:
    """tm: build translation memories from United Nations documents.

    Segments French and English documents with SRX rules, aligns them, and writes
    TMX and PO memories, a WSIS glossary and QA reports. Run ``tm build`` in a
    project folder (with corpus/ and glossary/) to build everything into build/.
    """
