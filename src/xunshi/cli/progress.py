"""Progress of a load or a re-parse, the line it ends with, and how an interrupted one ends.

Where things go: each file's result on stdout (a line when stdout is not a terminal or with
-v, a JSON object with --json); the bar on stderr, only when stderr is a terminal and the
command is neither quiet nor printing JSON; the closing line (how many reports, how long, how
fast) on stderr unless quiet, so that logs and CI keep it too.
"""
from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from .common import EXIT_INTERRUPTED, Output, echo_json

if TYPE_CHECKING:
    from ..store.load import FileResult

Report = Callable[["FileResult"], None]
Parsed = Callable[[str], None]
Run = Callable[[Report, Parsed], "list[FileResult]"]


class Tally:
    """Files done so far. A file counts once: when it is parsed (its batch is written later),
    or when its result comes without parsing (unchanged, unreadable, skipped)."""

    def __init__(self) -> None:
        self.done = 0
        self._parsed: Counter[str] = Counter()  # parsed, result still to come

    def parsed(self, name: str) -> None:
        self._parsed[name] += 1
        self.done += 1

    def result(self, name: str) -> None:
        if self._parsed[name]:
            self._parsed[name] -= 1
        else:
            self.done += 1


def pace(done: int, total: int, elapsed: float) -> tuple[str, str]:
    """(`12.5 reports/s`, `ETA 0:42`) from the rate since the start; blank before the first."""
    if not done or elapsed <= 0:
        return "", ""
    rate = done / elapsed
    left = round((total - done) / rate)
    return f"{rate:.1f} reports/s", f"ETA {left // 60}:{left % 60:02d}"


def closing_line(results: list[FileResult], elapsed: float) -> str:
    """`200 reports in 12.3 s, 16.3 reports/s`: files of other types skipped do not count."""
    from ..store.load import Outcome

    n = sum(r.outcome is not Outcome.SKIPPED for r in results)
    rate = f", {n / elapsed:.1f} reports/s" if elapsed > 0 and n else ""
    return f"{n} report{'' if n == 1 else 's'} in {elapsed:.1f} s{rate}"


def with_progress(label: str, total: int, run: Run,
                  out: Output = Output()) -> tuple[list[FileResult], float]:
    """Run `run(report, parsed)` with a bar on a terminal, results printed as `out` says: the
    results and the seconds they took. Ctrl-C, or a database that stops answering, ends the
    run with what was stored and how to go on."""
    from ..store.load import DatabaseUnavailable, Outcome, summary

    done: list[FileResult] = []
    tally = Tally()
    lines = out.verbose or not sys.stdout.isatty()
    start = time.monotonic()

    def echo(r: FileResult) -> None:
        done.append(r)
        tally.result(r.file)
        if out.json:
            echo_json(dataclasses.asdict(r))
        elif not out.quiet and lines and (r.outcome is not Outcome.SKIPPED or out.verbose):
            click.echo(r.line())

    try:
        if out.chatty and sys.stderr.isatty():
            _with_bar(label, total, run, echo, tally, start)
        else:
            run(echo, tally.parsed)
    except KeyboardInterrupt:
        click.echo(f"interrupted by Ctrl-C: {summary(done)} so far; {_resume(label)}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except DatabaseUnavailable as e:
        click.echo(f"{summary(done)} so far", err=True)
        raise click.ClickException(f"{e}; {_resume(label)}") from e
    return done, time.monotonic() - start


def _with_bar(label: str, total: int, run: Run, echo: Report, tally: Tally,
              start: float) -> None:
    """The bar on stderr, moved by every file parsed or reported; gone when the run ends (the
    closing line takes its place)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..sources.names import printable

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[eta]}"),
               TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=total, rate="", eta="")

        def show(name: str) -> None:
            rate, eta = pace(tally.done, total, time.monotonic() - start)
            progress.update(task, completed=tally.done, description=printable(name),
                            rate=rate, eta=eta)

        def parsed(name: str) -> None:
            tally.parsed(name)
            show(name)

        def report(r: FileResult) -> None:
            echo(r)
            show(r.file)

        run(report, parsed)


def _resume(label: str) -> str:
    return (f"every report stored is complete: run the same command again to go on {label} "
            "the rest")
