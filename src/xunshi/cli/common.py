"""What every command shares: the database it runs on, its output settings, the exit codes.

Nothing heavy is imported here at module level: `xunshi --help` imports this module, and
SQLAlchemy, Alembic and the parser cost most of a second between them.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import config, sources

if TYPE_CHECKING:
    from sqlalchemy import Engine

EXIT_OK = 0
EXIT_FAILED = 1
"""Some of the work failed (a file, the database), or a search found nothing."""
EXIT_USAGE = 2  # click's own, for a wrong option or argument
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

EXIT_CODES = f"""\b
Exit status, the same for every command:
  {EXIT_OK}    done
  {EXIT_FAILED}    something failed (a file, the database), or a search found nothing
  {EXIT_USAGE}    a wrong command line
  {EXIT_INTERRUPTED}  interrupted by Ctrl-C (what was stored is complete)"""

F = TypeVar("F", bound=Callable[..., Any])


def examples(*lines: str) -> str:
    """A command's help epilog: command lines shown as typed (\\b keeps click from rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


@dataclass(frozen=True)
class Output:
    """How much a command says: results on stdout, progress and hints on stderr."""

    quiet: bool = False  # failures and errors only
    verbose: bool = False  # every file, skipped ones too
    json: bool = False  # JSON Lines on stdout instead of text

    @property
    def chatty(self) -> bool:
        """Progress and hints on stderr: not when quiet, not in place of JSON."""
        return not self.quiet and not self.json


def output_options(json_help: str | None = None,
                   verbose_help: str | None = None) -> Callable[[F], F]:
    """-q on a command, -v and --json when it has something to say with them; they reach the
    command through `output()`."""
    def decorate(f: F) -> F:
        def callback(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
            ctx.meta[f"xunshi.{param.name}"] = value
            return value

        def flag(*names: str, help: str) -> Callable[[F], F]:
            return click.option(*names, is_flag=True, expose_value=False, callback=callback,
                                help=help)

        f = flag("--quiet", "-q", help="Print only failures and errors; the exit status tells "
                                       "the rest.")(f)
        if verbose_help:
            f = flag("--verbose", "-v", help=verbose_help)(f)
        if json_help:
            f = flag("--json", "as_json", help=json_help)(f)
        return f
    return decorate


def output() -> Output:
    meta = click.get_current_context().meta
    return Output(quiet=meta.get("xunshi.quiet", False), verbose=meta.get("xunshi.verbose", False),
                  json=meta.get("xunshi.as_json", False))


def echo_json(obj: object) -> None:
    """One JSON Lines record on stdout."""
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def fail(code: int = EXIT_FAILED) -> None:
    sys.exit(code)


def explicit_url() -> str | None:
    """--database-url as given to the `xunshi` group."""
    return click.get_current_context().find_root().obj


def where_the_data_is() -> str:
    """What a newcomer needs after a load: where the archive is, and that an embedded server
    keeps running until stopped."""
    if url := config.configured_url(explicit_url()):
        return f"the archive is in {config.display_url(config.sqlalchemy_url(url))}"
    from .. import embedded

    return (f"the archive is in {embedded.data_dir(config.xunshi_home())}; its PostgreSQL keeps "
            "running for the next command: `xunshi db stop` stops it")


def database_url() -> str:
    from sqlalchemy.exc import ArgumentError

    try:
        return config.database_url(explicit_url())
    except ArgumentError as e:
        raise click.ClickException(f"invalid database URL: {e}") from e
    except Exception as e:  # the embedded server could not start: say why in one line
        from .. import embedded
        from ..errors import one_line

        where = embedded.data_dir(config.xunshi_home())
        raise click.ClickException(f"cannot start the embedded PostgreSQL in {where}: "
                                   f"{one_line(e)}") from e


@contextmanager
def engine_on(url: str) -> Iterator[Engine]:
    """An engine on `url`; database errors become one-line messages."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ArgumentError

    from ..errors import one_line

    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as e:  # a dialect or driver xunshi does not ship
        raise click.ClickException(f"database {config.display_url(url)}: {one_line(e)}") from e
    try:
        yield engine
    except Exception as e:
        if _about_the_database(e):
            raise click.ClickException(f"database {config.display_url(url)}: {one_line(e)}") from e
        raise
    finally:
        engine.dispose()


def _about_the_database(e: Exception) -> bool:
    """A database error, a schema not at head, or Alembic's CommandError (a revision this
    xunshi does not know), told without importing Alembic when it was not needed."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..store.revision import NotAtHead

    if isinstance(e, (SQLAlchemyError, NotAtHead)):
        return True
    alembic_util = sys.modules.get("alembic.util")
    return alembic_util is not None and isinstance(e, alembic_util.CommandError)


@contextmanager
def engine() -> Iterator[Engine]:
    """An engine on the resolved database (see engine_on)."""
    with engine_on(database_url()) as e:
        yield e


def require_head(engine: Engine) -> None:
    """What read-only commands check first; Alembic is imported only to say what is wrong."""
    from ..store import revision

    if not revision.at_head(engine):
        from ..store import schema

        schema.require_head(engine)


STDIN_NAME = click.option(
    "--name", metavar="NAME",
    help="The name the report read from `-` is stored under; its suffix (.html, .pdf, …) "
         "says its format (default stdin-<hash>.txt).")


def read_stdin(name: str | None, max_size: int | None = None) -> sources.Source:
    """`-`: the report piped in (see sources.read_stream), or a one-line error."""
    try:
        return sources.read_stream(sys.stdin.buffer, name, max_size or sources.DEFAULT_MAX_SIZE)
    except sources.SourceError as e:
        raise click.ClickException(f"standard input: {e}") from e
