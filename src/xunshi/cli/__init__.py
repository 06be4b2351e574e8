"""The `xunshi` command: argument parsing, progress and exit codes over the library, nothing else.

One module per command group. Each imports what its command runs inside the command, so that
`xunshi --help` imports click and little else, and `xunshi search` no parser and no Alembic.
"""
from __future__ import annotations

import click

from .. import config


@click.group()
@click.option("--database-url", metavar="URL",
              help=f"PostgreSQL to use; default ${config.URL_ENV}, else the embedded one.")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """xunshi: an open archive of Chinese party inspection reports."""
    ctx.obj = database_url


def _register() -> None:
    from . import db, export, load, parse, search

    for command in (*load.COMMANDS, parse.parse_cmd, search.search_cmd, export.export_cmd, db.db):
        main.add_command(command)


_register()
