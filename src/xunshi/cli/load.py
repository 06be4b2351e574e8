"""`xunshi load`, `reparse` and `errors`: reports into the database, and what failed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import config, sources
from ..parse import PARSER_VERSION
from .common import (STDIN_NAME, Output, echo_json, engine, examples, explicit_url, fail, output,
                     output_options, read_stdin, require_head, where_the_data_is)
from .progress import closing_line, with_progress

if TYPE_CHECKING:
    from ..store.load import FileResult

SMALL_RUN = 20
"""Fewer reports than this are parsed in this process: starting workers would cost more."""
SKIPPED_NAMED = 10
"""Files skipped in folders named after the summary without -v; more are counted by type."""


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int:
    try:
        return sources.DEFAULT_MAX_SIZE if value is None else sources.parse_size(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e


_RESULTS_JSON = ("One JSON object a line per file instead of text: file, outcome, report_id, "
                 "stage, reason.")
_EVERY_FILE = (f"Print every file, also on a terminal, and every file skipped in a folder (else "
               f"up to {SKIPPED_NAMED}).")
_JOBS = click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                     help="Processes that parse (default: one per core).")


def _workers(jobs: int | None, items: int) -> int:
    from ..parallel import default_workers

    return 1 if items < SMALL_RUN else jobs or default_workers()


@click.command(epilog=examples(
    "xunshi load reports/                  every report under reports/",
    "xunshi load --json a.pdf b.docx       JSON Lines, one object per file",
    "curl -s URL | xunshi load --name 2024-01.html -"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--replace", is_flag=True,
              help="A changed file replaces its stored older version (default: kept, superseded).")
@click.option("--keep-unrecognized", is_flag=True,
              help="Store texts that do not read as an inspection report instead of failing them.")
@click.option("--max-size", metavar="SIZE", envvar=sources.MAX_SIZE_ENV, callback=_size,
              help=f"Larger files fail, no more of them read: 50MB, 512KB (default ${sources.MAX_SIZE_ENV}, "
                   f"else {sources.format_size(sources.DEFAULT_MAX_SIZE)}).")
@click.option("--retry-failed", is_flag=True,
              help="Parse again files whose bytes failed before under this parser version.")
@STDIN_NAME
@_JOBS
@output_options(json_help=_RESULTS_JSON, verbose_help=_EVERY_FILE)
def load(paths: tuple[Path, ...], max_size: int, name: str | None, jobs: int | None,
         **flags: bool) -> None:
    """Load report files and folders (searched recursively for .txt .html .htm .docx .pdf);
    `-` reads one report from standard input."""
    # `flags`: every other option is a field of LoadOptions under its own name, so that a new
    # one is its @click.option line here and its field there
    from ..store import revision
    from ..store.load import LoadOptions, load_paths

    out = output()
    found = _scan(paths, name, max_size)
    if not found.files:
        others = f" ({len(found.skipped)} files of other types)" if found.skipped else ""
        raise click.ClickException(f"no report files ({', '.join(sources.SUFFIXES)}) found{others}")
    if config.configured_url(explicit_url()) is None:
        from .. import embedded

        embedded.start_soon(config.xunshi_home())  # meanwhile: what the load imports and reads
    options = LoadOptions(**flags, max_size=max_size, workers=_workers(jobs, len(found.files)))
    with engine() as e:
        if not revision.at_head(e):  # Alembic only when the schema must change
            from ..store import schema

            upgrade = schema.ensure_head(e)
            if upgrade.changed and not out.quiet:
                click.echo(upgrade.describe(), err=out.json)
        results, elapsed = with_progress(
            "loading", len(found.files) + len(found.skipped),
            lambda report, parsed: load_paths(e, found, report, options, parsed), out)
    _finish(results, out, elapsed, where_the_data_is() if out.chatty else None)


def _scan(paths: tuple[Path, ...], name: str | None, max_size: int) -> sources.Scan:
    """The files the paths name; `-` is standard input, read here, once."""
    given = [str(p) for p in paths]
    if given.count(sources.STDIN) > 1:
        raise click.UsageError("`-` (standard input) can be given once")
    if name is not None and sources.STDIN not in given:
        raise click.UsageError("--name names the report read from `-` (standard input)")
    found = sources.scan(p for p in paths if str(p) != sources.STDIN)
    if sources.STDIN in given:
        found.files.insert(0, read_stdin(name, max_size))
    return found


@click.command(epilog=examples(
    "xunshi reparse          reports stored by an older parser",
    "xunshi reparse --all    every report, e.g. after a vocabulary change"))
@click.option("--all", "everything", is_flag=True, help="Every report, whatever parsed it.")
@_JOBS
@click.option("--parser-version-below", type=int, metavar="V",
              help=f"Reports parsed by a version below V (default {PARSER_VERSION}, this one).")
@output_options(json_help=_RESULTS_JSON,
                verbose_help="Print every report, also on a terminal.")
def reparse(everything: bool, parser_version_below: int | None, jobs: int | None) -> None:
    """Re-parse stored reports with this parser, each replaced atomically (no files needed)."""
    from ..store import reparse as reparse_api

    out = output()
    if everything and parser_version_below is not None:
        raise click.UsageError("give --all or --parser-version-below, not both")
    below = None if everything else (parser_version_below or PARSER_VERSION)
    with engine() as e:
        require_head(e)
        pending = reparse_api.pending(e, below)
        if not pending:
            if out.chatty:
                click.echo(_nothing_to_reparse(below))
            return
        workers = _workers(jobs, len(pending))
        results, elapsed = with_progress(
            "re-parsing", len(pending),
            lambda report, parsed: reparse_api.reparse(e, pending, report, workers, parsed), out)
    _finish(results, out, elapsed)


def _nothing_to_reparse(below: int | None) -> str:
    if below is None:
        return "nothing to re-parse: no report is stored"
    if below == PARSER_VERSION:
        return (f"nothing to re-parse: every report was parsed by this parser (version "
                f"{PARSER_VERSION}); --all re-parses them all the same")
    return f"nothing to re-parse: no report was parsed by a version below {below}"


def _finish(results: list[FileResult], out: Output, elapsed: float,
            hint: str | None = None) -> None:
    """The summary and the skipped files on stdout; each failure (unless --json said it
    already), then how long it took and the hint on stderr; exit status 1 if any failed."""
    from ..store.load import Outcome, summary

    failed = [r for r in results if r.outcome in (Outcome.FAILED, Outcome.NOT_RETRIED)]
    if not out.json:
        if not out.quiet:
            click.echo(summary(results))
            _skipped(results, out.verbose)
        for r in failed:
            click.echo(r.line(), err=True)
    if not out.quiet:
        click.echo(closing_line(results, elapsed), err=True)
    if hint:
        click.echo(hint, err=True)
    if failed:
        fail()


def _skipped(results: list[FileResult], verbose: bool) -> None:
    from ..store.load import Outcome

    skipped = [r for r in results if r.outcome is Outcome.SKIPPED]
    if verbose or len(skipped) <= SKIPPED_NAMED:
        for r in skipped:
            click.echo(r.line())
        return
    types = Counter(Path(r.file).suffix.lower() or "no suffix" for r in skipped)
    click.echo(f"skipped    {len(skipped)} files of other types in the folders ("
               + ", ".join(f"{n} {t}" for t, n in types.most_common()) + "): -v names them")


@click.command(epilog=examples("xunshi errors --limit 10",
                               "xunshi errors --json | jq -r .file"))
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object a line per failure: file, sha256, stage, message, occurred_at.")
def errors(limit: int, as_json: bool) -> None:
    """Files that failed to load, newest first, each with its latest failure (a later
    successful load clears it)."""
    from ..sources.names import printable
    from ..store.load import load_errors

    with engine() as e:
        require_head(e)
        rows = load_errors(e, limit)
    if as_json:
        for row in rows:
            echo_json({"file": row.file, "sha256": row.sha256, "stage": row.stage,
                       "message": row.message, "occurred_at": row.occurred_at.isoformat()})
        return
    if not rows:
        click.echo("no load errors")
    for row in rows:
        click.echo(printable(f"{row.occurred_at:%Y-%m-%d %H:%M:%S}  {row.stage:7s} {row.file}: "
                             f"{row.message}"))


COMMANDS = (load, reparse, errors)
