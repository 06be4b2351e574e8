"""`xunshi search`: full-text search from the command line."""
from __future__ import annotations

import click

from .common import echo_json, engine, examples, fail, require_head

SCOPES = ("findings", "measures", "reports")
"""xunshi.search.SCOPES, spelled out so that `--help` does not import SQLAlchemy (a test keeps
the two equal)."""


@click.command("search", epilog=examples(
    "xunshi search 扫黑除恶",
    "xunshi search \"八项规定 -形式主义\"     a word without another",
    "xunshi search --in measures --limit 50 --json 整改 | jq .snippet"))
@click.argument("query")
@click.option("--in", "scope", type=click.Choice(SCOPES), default="findings",
              show_default=True, help="findings (matched by their own text or their measures), "
                                      "measures, or whole reports.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object a line per hit, for scripts (none: exit status 1).")
def search_cmd(query: str, scope: str, limit: int, as_json: bool) -> None:
    """Full-text search in Chinese, words cut like the stored text; exit status 1 when nothing
    matches, as grep does."""
    from .. import search as search_api
    from ..plain import plain
    from ..search.query import QueryTooLong
    from ..sources.names import printable

    with engine() as e:
        require_head(e)
        try:
            hits = search_api.search(e, query, scope, limit)
        except QueryTooLong as error:
            raise click.ClickException(str(error)) from error
    if not hits:
        if not as_json:
            click.echo(f"no {scope} match {query!r}", err=True)
        fail()
    if as_json:
        for hit in hits:
            echo_json(plain(hit))
        return
    for n, hit in enumerate(hits, 1):
        where = " · ".join(x for x in (hit.jurisdiction, hit.organization) if x)
        click.echo(click.style(printable(f"{n}. {hit.title or hit.source_name}"), bold=True))
        click.echo(f"   {where}  [report {hit.report_id}"
                   + (f", finding {hit.finding_id}" if hit.finding_id else "")
                   + (f", measure {hit.measure_id}" if hit.measure_id else "")
                   + f"]  {printable(hit.source_name)}")
        click.echo(f"   {_highlighted(hit.snippet, hit.highlights)}")


def _highlighted(snippet: str, spans: list[tuple[int, int]]) -> str:
    """Matches in bold reverse on a terminal; click strips the styling when piped or when
    NO_COLOR is set (see main)."""
    out, pos = [], 0
    for start, end in spans:
        out += [snippet[pos:start], click.style(snippet[start:end], bold=True, reverse=True)]
        pos = end
    return "".join([*out, snippet[pos:]])
