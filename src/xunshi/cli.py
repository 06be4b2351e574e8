"""The `xunshi` command: argument parsing, progress and exit codes over the library, nothing else."""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from alembic.util import CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from . import config, embedded, serve, sources
from . import search as search_api
from .atomic import atomic_file
from .errors import one_line
from .export import ExportError, Format, export_views
from .parse import PARSER_VERSION, Document, ParseError, parse
from .parallel import default_workers
from .plain import plain
from .schemadoc import schema_markdown
from .search.query import QueryTooLong
from .sources.names import printable, stored_name
from .store import access, schema
from .store import reparse as reparse_api
from .store.load import (
    DatabaseUnavailable,
    FileResult,
    LoadOptions,
    Outcome,
    load_errors,
    load_paths,
    summary,
)


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
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as e:  # a dialect or driver xunshi does not ship
        raise click.ClickException(f"database {config.display_url(url)}: {one_line(e)}") from e
    try:
        yield engine
    except (SQLAlchemyError, CommandError, schema.NotAtHead) as e:  # CommandError: a revision
        raise click.ClickException(f"database {config.display_url(url)}: {one_line(e)}") from e
    finally:
        engine.dispose()


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int:
    try:
        return sources.DEFAULT_MAX_SIZE if value is None else sources.parse_size(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e


_JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                     help="Processes that parse (default: one per core).")
SMALL_RUN = 20
"""Fewer reports than this are parsed in this process: starting workers would cost more."""


SKIPPED_NAMED = 10
"""Files skipped in folders named after the summary without -v; more are counted by type."""


def _workers(jobs: int | None, items: int) -> int:
    return 1 if items < SMALL_RUN else jobs or default_workers()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True,
              help="A changed file replaces its stored older version (default: kept, superseded).")
@click.option("--keep-unrecognized", is_flag=True,
              help="Store texts that do not read as an inspection report instead of failing them.")
@click.option("--max-size", metavar="SIZE", envvar=sources.MAX_SIZE_ENV, callback=_size,
              help=f"Larger files fail, no more of them read: 50MB, 512KB (default ${sources.MAX_SIZE_ENV}, "
                   f"else {sources.format_size(sources.DEFAULT_MAX_SIZE)}).")
@click.option("--retry-failed", is_flag=True,
              help="Parse again files whose bytes failed before under this parser version.")
@_JOBS
@click.option("--verbose", "-v", is_flag=True,
              help=f"Name every file skipped in a folder (else up to {SKIPPED_NAMED}).")
def load(paths: tuple[Path, ...], replace: bool, keep_unrecognized: bool, max_size: int,
         retry_failed: bool, jobs: int | None, verbose: bool) -> None:
    """Load report files and folders (searched recursively for .txt .html .htm .docx .pdf)."""
    found = sources.scan(paths)
    if not found.files:
        others = f" ({len(found.skipped)} files of other types)" if found.skipped else ""
        raise click.ClickException(f"no report files ({', '.join(sources.SUFFIXES)}) found{others}")
    if config.configured_url(click.get_current_context().find_root().obj) is None:
        embedded.start_soon(config.xunshi_home())  # meanwhile: what the load imports and reads
    options = LoadOptions(replace=replace, keep_unrecognized=keep_unrecognized,
                          max_size=max_size, workers=_workers(jobs, len(found.files)),
                          retry_failed=retry_failed)
    with _engine() as engine:
        upgrade = schema.ensure_head(engine)
        if upgrade.changed:
            click.echo(upgrade.describe())
        results = _with_progress(
            "loading", len(found.files) + len(found.skipped),
            lambda report: load_paths(engine, found, report, options), verbose)
    _finish(results, verbose)


@main.command()
@click.option("--all", "everything", is_flag=True, help="Every report, whatever parsed it.")
@_JOBS
@click.option("--parser-version-below", type=int, metavar="V",
              help=f"Reports parsed by a version below V (default {PARSER_VERSION}, this one).")
def reparse(everything: bool, parser_version_below: int | None, jobs: int | None) -> None:
    """Re-parse stored reports with this parser, each replaced atomically (no files needed)."""
    if everything and parser_version_below is not None:
        raise click.UsageError("give --all or --parser-version-below, not both")
    below = None if everything else (parser_version_below or PARSER_VERSION)
    with _engine() as engine:
        schema.require_head(engine)
        pending = reparse_api.pending(engine, below)
        results = _with_progress(
            "re-parsing", len(pending),
            lambda report: reparse_api.reparse(engine, pending, report,
                                               _workers(jobs, len(pending))))
    _finish(results)


def _finish(results: list[FileResult], verbose: bool = False) -> None:
    """The summary line, the skipped files, then each failure (new or not retried) on stderr;
    exit status 1 if any."""
    click.echo(summary(results))
    _skipped(results, verbose)
    failed = [r for r in results if r.outcome in (Outcome.FAILED, Outcome.NOT_RETRIED)]
    for r in failed:
        click.echo(r.line(), err=True)
    if failed:
        sys.exit(1)


def _skipped(results: list[FileResult], verbose: bool) -> None:
    skipped = [r for r in results if r.outcome is Outcome.SKIPPED]
    if verbose or len(skipped) <= SKIPPED_NAMED:
        for r in skipped:
            click.echo(r.line())
        return
    types = Counter(Path(r.file).suffix.lower() or "no suffix" for r in skipped)
    click.echo(f"skipped    {len(skipped)} files of other types in the folders ("
               + ", ".join(f"{n} {t}" for t, n in types.most_common()) + "): -v names them")


def _with_progress(label: str, total: int,
                   run: Callable[[Callable[[FileResult], None]], list[FileResult]],
                   verbose: bool = False) -> list[FileResult]:
    """A progress bar on a terminal; one plain line per item otherwise (logs, pipes, CI),
    skipped files only when verbose. Ctrl-C, or a database that stops answering, ends the
    run with what was stored and how to go on."""
    done: list[FileResult] = []

    def echo(r: FileResult) -> None:
        done.append(r)
        if r.outcome is not Outcome.SKIPPED or verbose:
            click.echo(r.line())

    try:
        if not sys.stdout.isatty():
            run(echo)
            return done
        columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.description}"))
        with Progress(*columns, transient=True) as progress:
            task = progress.add_task("", total=total)

            def advance(r: FileResult) -> None:
                done.append(r)
                progress.update(task, advance=1, description=printable(r.file))

            run(advance)
            return done
    except KeyboardInterrupt:
        click.echo(f"interrupted by Ctrl-C: {summary(done)} so far; {_resume(label)}", err=True)
        sys.exit(130)
    except DatabaseUnavailable as e:
        click.echo(f"{summary(done)} so far", err=True)
        raise click.ClickException(f"{e}; {_resume(label)}") from e


def _resume(label: str) -> str:
    return (f"every report stored is complete: run the same command again to go on {label} "
            "the rest")


@main.command()
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
def errors(limit: int) -> None:
    """Files that failed to load, newest first, each with its latest failure (a later
    successful load clears it)."""
    with _engine() as engine:
        schema.require_head(engine)
        rows = load_errors(engine, limit)
    if not rows:
        click.echo("no load errors")
    for e in rows:
        click.echo(printable(f"{e.occurred_at:%Y-%m-%d %H:%M:%S}  {e.stage:7s} {e.file}: {e.message}"))


@main.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The whole document model as JSON.")
def parse_cmd(file: Path, as_json: bool) -> None:
    """Parse one report and print what was extracted (no database involved)."""
    try:
        doc = parse(sources.extract(sources.read(file)).text)
    except (sources.SourceError, ParseError) as e:
        raise click.ClickException(printable(f"{stored_name(file)}: {e}")) from e
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
    yield f"figures: {len(doc.figures)}"
    for n, g in enumerate(doc.figures):
        about = " ≈" if g.approximate else ""
        part = "" if g.part_of is None else f"  (part of {g.part_of})"
        yield f"  {n}. {g.metric} = {g.value} {g.unit}{about}  [{g.text}]{part}"


@main.command("search")
@click.argument("query")
@click.option("--in", "scope", type=click.Choice(search_api.SCOPES), default="findings",
              show_default=True, help="findings (matched by their own text or their measures), "
                                      "measures, or whole reports.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit, for scripts.")
def search_cmd(query: str, scope: str, limit: int, as_json: bool) -> None:
    """Full-text search in Chinese: `xunshi search 扫黑除恶`, `xunshi search "八项规定 -形式主义"`."""
    with _engine() as engine:
        schema.require_head(engine)
        try:
            hits = search_api.search(engine, query, scope, limit)
        except QueryTooLong as e:
            raise click.ClickException(str(e)) from e
    if as_json:
        for hit in hits:
            click.echo(json.dumps(plain(hit), ensure_ascii=False))
        return
    if not hits:
        click.echo(f"no {scope} match {query!r}", err=True)
        sys.exit(1)
    for n, hit in enumerate(hits, 1):
        where = " · ".join(x for x in (hit.jurisdiction, hit.organization) if x)
        click.echo(click.style(printable(f"{n}. {hit.title or hit.source_name}"), bold=True))
        click.echo(f"   {where}  [report {hit.report_id}"
                   + (f", finding {hit.finding_id}" if hit.finding_id else "")
                   + (f", measure {hit.measure_id}" if hit.measure_id else "")
                   + f"]  {printable(hit.source_name)}")
        click.echo(f"   {_highlighted(hit.snippet, hit.highlights)}")


def _highlighted(snippet: str, spans: list[tuple[int, int]]) -> str:
    """Matches in bold reverse on a terminal; click strips the styling when piped."""
    out, pos = [], 0
    for start, end in spans:
        out += [snippet[pos:start], click.style(snippet[start:end], bold=True, reverse=True)]
        pos = end
    return "".join([*out, snippet[pos:]])


@main.command("export")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice([f.value for f in Format]), default="csv",
              show_default=True,
              help="csv (a header row; datapackage.json describes the files), jsonl (one JSON "
                   "object a line), sqlite (one xunshi.db with metadata.json, for Datasette) "
                   "or parquet (needs pip install 'xunshi[parquet]').")
@click.option("--view", "views", multiple=True, metavar="NAME",
              help="Only this view (repeatable); default every v_ view.")
@click.option("--bom", is_flag=True,
              help="Start CSV files with a UTF-8 BOM: Excel on Windows reads GBK otherwise.")
def export_cmd(directory: Path, fmt: str, views: tuple[str, ...], bom: bool) -> None:
    """Write every analyst view to DIRECTORY/<view>.csv, .jsonl or .parquet, or into one
    DIRECTORY/xunshi.db (DIRECTORY is created if missing)."""
    with _engine() as engine:
        schema.require_head(engine)
        try:
            files = export_views(engine, directory, Format(fmt), views, bom=bom,
                                 on_file=lambda f: click.echo(f.line()))
        except ExportError as e:
            raise click.ClickException(str(e)) from e
    views_word = "view" if len(files) == 1 else "views"
    rows = sum(f.rows for f in files)
    click.echo(f"exported {len(files)} {views_word}, {rows} rows, to {directory} ({fmt})")


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
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write here (e.g. docs/schema.md) instead of to stdout.")
def docs(output: Path | None) -> None:
    """Print the schema as markdown, from the comments in the database (docs/schema.md)."""
    head = schema.head()
    with _engine() as engine:
        with engine.connect() as conn:
            rev = schema.current(conn)
        page = schema_markdown(engine)
    if rev != head:
        click.echo(f"note: the database is at {rev or 'no revision'}, not {head} (head)", err=True)
    if output is None:
        click.echo(page, nl=False)
        return
    try:
        with atomic_file(output) as f:
            f.write(page.encode())
    except OSError as e:
        raise click.ClickException(f"{output}: {e.strerror or one_line(e)}") from e


@db.command("grant-reader")
@click.argument("name")
@click.option("--password", metavar="PW", help="Default: a new random one, printed this once only.")
def grant_reader(name: str, password: str | None) -> None:
    """Create or update NAME, a login role that can only read the views and tables (for BI tools).

    Run it again after `xunshi db upgrade` so that new views become readable."""
    secret = access.new_password() if password is None else password
    with _engine() as engine:
        try:
            reader = access.grant_reader(engine, name, secret)
        except access.AccessError as e:
            raise click.ClickException(str(e)) from e
    click.echo(f"{'created' if reader.created else 'updated'} reader role {name}: "
               f"SELECT on {len(reader.relations)} views and tables; not on {', '.join(access.HIDDEN)}")
    if password is None:
        click.echo(f"password: {secret}")
        click.echo("(shown this once only; run grant-reader again to set a new one)")
    for excess in reader.excess:
        click.echo(f"warning: {name} still has {excess} (through PUBLIC or a role it belongs to): "
                   "revoke it to keep the role read-only", err=True)


@db.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=serve.DEFAULT_PORT, show_default=True,
              help=f"TCP port on {serve.HOST}.")
@click.option("--reader", metavar="NAME", help="The role BI tools log in as (see grant-reader).")
def serve_cmd(port: int, reader: str | None) -> None:
    """Let BI tools reach the embedded database over TCP on 127.0.0.1 until Ctrl-C.

    Logins over TCP need a password (scram-sha-256), so only reader roles get in."""
    home = config.xunshi_home()
    try:
        if external := config.configured_url(click.get_current_context().find_root().obj):
            serve.refuse_external(external)
        serve.check_port_free(port)
        with _engine() as engine:  # starts the embedded server, or says in one line why not
            if reader is not None and not access.is_reader(engine, reader):
                raise click.ClickException(f"no reader role {reader} in the embedded database: "
                                           f"create it with `xunshi db grant-reader {reader}`")
        with serve.serving(home, port):
            click.echo("\n".join(serve.connection_help(port, reader)))
            serve.wait(home, port)
    except serve.ServeError as e:
        raise click.ClickException(str(e)) from e
    click.echo("stopped serving; the next xunshi command starts the embedded PostgreSQL "
               "socket-only again")


@db.command()
def stop() -> None:
    """Stop the embedded PostgreSQL (it keeps running between commands otherwise)."""
    home = config.xunshi_home()
    if embedded.stop(home):
        click.echo(f"stopped the embedded PostgreSQL in {embedded.data_dir(home)}")
    else:
        click.echo(f"no embedded PostgreSQL running in {embedded.data_dir(home)}")
