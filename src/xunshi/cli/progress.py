"""Progress of a load or a re-parse, and how an interrupted one ends."""
from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from .common import EXIT_INTERRUPTED, Output, echo_json

if TYPE_CHECKING:
    from ..store.load import FileResult

def with_progress(label: str, total: int,
                  run: Callable[[Callable[[FileResult], None]], list[FileResult]],
                  out: Output = Output()) -> list[FileResult]:
    """A progress bar on a terminal; one plain line per item otherwise (logs, pipes, CI),
    skipped files only when verbose; one JSON object per item with --json; nothing when
    quiet. Ctrl-C, or a database that stops answering, ends the run with what was stored and
    how to go on."""
    from ..sources.names import printable
    from ..store.load import DatabaseUnavailable, Outcome, summary

    done: list[FileResult] = []

    def echo(r: FileResult) -> None:
        done.append(r)
        if out.json:
            echo_json(dataclasses.asdict(r))
        elif not out.quiet and (r.outcome is not Outcome.SKIPPED or out.verbose):
            click.echo(r.line())

    try:
        if not out.chatty or not sys.stdout.isatty():
            run(echo)
            return done
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

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
        sys.exit(EXIT_INTERRUPTED)
    except DatabaseUnavailable as e:
        click.echo(f"{summary(done)} so far", err=True)
        raise click.ClickException(f"{e}; {_resume(label)}") from e


def _resume(label: str) -> str:
    return (f"every report stored is complete: run the same command again to go on {label} "
            "the rest")

