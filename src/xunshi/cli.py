"""The `xunshi` command: argument parsing, progress and exit codes over the library, nothing else."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from alembic.util import CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from . import config, embedded, sources
from .errors import one_line
from .parse import Document, ParseError, parse
from .plain import plain
from .store import schema
from .store.load import FileResult, Outcome, load_paths, summary


@click.group()
@click.option("--database-url", metavar="URL",
              help=f"PostgreSQL to use; default ${config.URL_ENV}, else the embedded one.")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """xunshi: an open archive of Chinese party inspection reports."""
    ctx.obj = database_url


def _url() -> str:
    try:
        return config.database_url(click.get_current_context().find_root().obj)
    except ArgumentError as e:
        raise click.ClickException(f"invalid database URL: {e}") from e
    except Exception as e:  # the embedded server could not start: say why in one line
        where = embedded.data_dir(config.xunshi_home())
        raise click.ClickException(f"cannot start the embedded PostgreSQL in {where}: {one_line(e)}") from e


@contextmanager
def _engine() -> Iterator[Engine]:
    """An engine on the resolved database; database errors become one-line messages."""
    url = _url()
    engine = create_engine(url)
    try:
        yield engine
    except (SQLAlchemyError, CommandError) as e:  # CommandError: a revision this xunshi lacks
        raise click.ClickException(f"database {config.display_url(url)}: {one_line(e)}") from e
    finally:
        engine.dispose()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def load(paths: tuple[Path, ...]) -> None:
    """Load report files and folders (searched recursively for .txt)."""
    files = list(sources.report_files(paths))
    if not files:
        raise click.ClickException(f"no report files ({', '.join(sources.SUFFIXES)}) found")
    with _engine() as engine:
        upgrade = schema.ensure_head(engine)
        if upgrade.changed:
            click.echo(upgrade.describe())
        results = _load_with_progress(engine, files)
    click.echo(summary(results))
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    for r in failed:
        click.echo(r.line(), err=True)
    if failed:
        sys.exit(1)


def _load_with_progress(engine: Engine, files: list[Path]) -> list[FileResult]:
    """A progress bar on a terminal; one plain line per file otherwise (logs, pipes, CI)."""
    if not sys.stdout.isatty():
        return load_paths(engine, files, lambda r: click.echo(r.line()))
    columns = (TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("", total=len(files))
        return load_paths(engine, files,
                          lambda r: progress.update(task, advance=1, description=r.file))


@main.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The whole document model as JSON.")
def parse_cmd(file: Path, as_json: bool) -> None:
    """Parse one report and print what was extracted (no database involved)."""
    try:
        doc = parse(sources.decode(sources.read(file).data)[0])
    except (sources.SourceError, ParseError) as e:
        raise click.ClickException(f"{file}: {e}") from e
    if as_json:
        click.echo(json.dumps(plain(doc), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_outline(doc)))


def _outline(doc: Document) -> Iterator[str]:
    """A human-sized view of the model: header fields, then one line per item."""
    for field in ("doc_type", "title", "issuer", "published_on", "jurisdiction",
                  "jurisdiction_code"):
        yield f"{field}: {getattr(doc, field)}"
    yield f"inspections: {len(doc.inspections)}"
    for i in doc.inspections:
        yield (f"  {i.target}  group={i.group_name} mode={i.mode} term={i.term} "
               f"round={i.round_no} batch={i.batch_no} kind={i.kind}")
    yield f"findings: {len(doc.findings)}"
    for f in doc.findings:
        yield f"  {f.seq}. [{f.category}] {f.title}  ({len(f.measures)} measures)"
        for c in f.children:
            yield f"      {c.seq}) {c.title}  ({len(c.measures)} measures)"
    yield f"clues: {len(doc.clues)}"
    for clue in doc.clues:
        yield f"  {clue.kind} {clue.disposition} {clue.count} (of {clue.total})"
    yield f"contacts: {len(doc.contacts)}"
    for contact in doc.contacts:
        yield f"  {contact.kind}: {contact.value}"


@main.group()
def db() -> None:
    """The database: its URL, its schema version, the embedded server."""


@db.command()
@click.option("--show-password", is_flag=True, help="Print the password instead of ***.")
@click.option("--libpq", is_flag=True, help="Without the +psycopg driver part, for psql.")
def url(show_password: bool, libpq: bool) -> None:
    """Print the database URL in use (starts the embedded server if that is the one)."""
    click.echo(config.display_url(_url(), show_password=show_password, libpq=libpq))


@db.command()
def upgrade() -> None:
    """Bring the database schema to the newest revision."""
    with _engine() as engine:
        click.echo(schema.upgrade(engine).describe())


@db.command()
def current() -> None:
    """Print the database's schema revision and whether it is the newest."""
    head = schema.head()
    with _engine() as engine, engine.connect() as conn:
        rev = schema.current(conn)
    if rev == head:
        click.echo(f"{rev} (head)")
    else:
        click.echo(f"{rev or 'empty database'} (head is {head}: run `xunshi db upgrade`)")


@db.command()
def stop() -> None:
    """Stop the embedded PostgreSQL (it keeps running between commands otherwise)."""
    home = config.xunshi_home()
    if embedded.stop(home):
        click.echo(f"stopped the embedded PostgreSQL in {embedded.data_dir(home)}")
    else:
        click.echo(f"no embedded PostgreSQL running in {embedded.data_dir(home)}")
