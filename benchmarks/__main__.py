"""`python -m benchmarks`: run the benchmarks, rewrite the table, or just build a corpus."""
from __future__ import annotations

from pathlib import Path

import click

from . import corpus, report
from .run import WORK, run

_work = click.option("--work", type=click.Path(path_type=Path), default=WORK, show_default=True,
                     help="Where corpora are cached and run logs kept.")
_results = click.option("--results", type=click.Path(path_type=Path), default=report.RESULTS,
                        show_default=True, help="Where result records are written.")
_doc = click.option("--doc", type=click.Path(path_type=Path, dir_okay=False), default=report.DOC,
                    show_default=True, help="The page whose results table is rewritten.")
_n = click.option("--n", "n", type=click.IntRange(min=1), default=1000, show_default=True,
                  help="Reports in the corpus.")


@click.group()
def main() -> None:
    """Benchmarks of xunshi's parse and load path (see docs/performance.md)."""


@main.command("run")
@_n
@click.option("--database-url", metavar="URL",
              help="An empty database to measure instead of a fresh embedded one (truncated).")
@_work
@_results
@_doc
def run_cmd(n: int, database_url: str | None, work: Path, results: Path, doc: Path) -> None:
    """Measure everything, save the record and rewrite the table in the doc."""
    try:
        report.split_doc(doc)  # a missing doc should fail now, not after the run
        record = run(n, database_url, work, say=click.echo)
    except (OSError, ValueError, RuntimeError) as e:  # no doc; a failed CLI run; a database not empty
        raise click.ClickException(str(e)) from e
    path = report.write(record, results)
    report.rewrite_doc(record, doc)
    click.echo(f"\n{report.markdown(record)}\n\nrecord: {path}\ntable: {doc}")


@main.command()
@_results
@_doc
def table(results: Path, doc: Path) -> None:
    """Rewrite the table in the doc from the newest record."""
    try:
        report.rewrite_doc(report.latest(results), doc)
    except (FileNotFoundError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"table: {doc}")


@main.command("corpus")
@_n
@_work
def corpus_cmd(n: int, work: Path) -> None:
    """Generate (or find cached) the corpus of n reports and print its folder."""
    click.echo(corpus.ensure_corpus(work, n))


main()
