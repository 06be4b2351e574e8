"""The `xunshi` command: argument parsing, progress and exit codes over the library, nothing else.

One module per command group. Each imports what its command runs inside the command, so that
`xunshi --help` imports click and little else, and `xunshi search` no parser and no Alembic.
"""
from __future__ import annotations

import os

import click

from .. import __version__, config
from .common import EXIT_CODES, examples

CONVENTIONS = f"""{EXIT_CODES}

\b
Output: results on stdout, as JSON Lines with --json (load, reparse, errors, search,
db current); progress bars on stderr, on a terminal only; -q (load, reparse, export,
db upgrade) prints failures only. NO_COLOR=1 (any non-empty value) prints no colour or bold,
like piping does.

\b
Shell completion: add to ~/.bashrc
  eval "$(_XUNSHI_COMPLETE=bash_source xunshi)"
(zsh_source in ~/.zshrc; for fish:
  _XUNSHI_COMPLETE=fish_source xunshi > ~/.config/fish/completions/xunshi.fish)"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog=CONVENTIONS + "\n\n" + examples(
                 "xunshi load reports/", "xunshi search 扫黑除恶",
                 "xunshi export --format sqlite out/", "xunshi db stop"))
@click.option("--database-url", metavar="URL",
              help=f"PostgreSQL to use; default ${config.URL_ENV}, else the embedded one.")
@click.version_option(__version__, "--version", prog_name="xunshi",
                      message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """xunshi: an open archive of Chinese party inspection reports."""
    ctx.obj = database_url
    if os.environ.get("NO_COLOR"):  # no-color.org: set and not empty
        ctx.color = False


def _register() -> None:
    from . import db, export, load, parse, search

    for command in (*load.COMMANDS, parse.parse_cmd, search.search_cmd, export.export_cmd, db.db):
        main.add_command(command)


_register()
