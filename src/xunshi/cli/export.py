"""`xunshi export`: the analyst views as files."""
from __future__ import annotations

from pathlib import Path

import click

from .common import engine, examples, output, output_options, require_head

FORMATS = ("csv", "jsonl", "sqlite", "parquet")
"""xunshi.export.Format's values, spelled out so that `--help` imports no exporter (a test keeps
the two equal)."""


@click.command("export", epilog=examples(
    "xunshi export out/                      CSV files with datapackage.json",
    "xunshi export --format sqlite out/ && datasette out/xunshi.db",
    "xunshi export --view v_findings --bom out/"))
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv",
              show_default=True,
              help="csv (a header row; datapackage.json describes the files), jsonl (one JSON "
                   "object a line), sqlite (one xunshi.db with metadata.json, for Datasette) "
                   "or parquet (needs pip install 'xunshi[parquet]').")
@click.option("--view", "views", multiple=True, metavar="NAME",
              help="Only this view (repeatable); default every v_ view.")
@click.option("--bom", is_flag=True,
              help="Start CSV files with a UTF-8 BOM: Excel on Windows reads GBK otherwise.")
@output_options()
def export_cmd(directory: Path, fmt: str, views: tuple[str, ...], bom: bool) -> None:
    """Write every analyst view to DIRECTORY/<view>.csv, .jsonl or .parquet, or into one
    DIRECTORY/xunshi.db (DIRECTORY is created if missing)."""
    from ..export import ExportError, Format, export_views

    out = output()
    with engine() as e:
        require_head(e)
        try:
            files = export_views(e, directory, Format(fmt), views, bom=bom,
                                 on_file=None if out.quiet else lambda f: click.echo(f.line()))
        except ExportError as error:
            raise click.ClickException(str(error)) from error
    if out.quiet:
        return
    views_word = "view" if len(files) == 1 else "views"
    rows = sum(f.rows for f in files)
    click.echo(f"exported {len(files)} {views_word}, {rows} rows, to {directory} ({fmt})")
