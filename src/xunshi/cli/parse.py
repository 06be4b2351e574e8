"""`xunshi parse`: one report through the parser, no database involved."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import sources

from .common import STDIN_NAME, examples, read_stdin

if TYPE_CHECKING:
    from ..parse import Document


@click.command("parse", epilog=examples(
    "xunshi parse report.pdf",
    "xunshi parse --json report.txt | jq .findings",
    "curl -s URL | xunshi parse --name page.html -"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="The whole document model as JSON.")
@STDIN_NAME
def parse_cmd(file: Path, as_json: bool, name: str | None) -> None:
    """Parse one report and print what was extracted (no database involved); FILE `-` reads
    standard input."""
    from ..parse import ParseError, parse
    from ..plain import plain
    from ..sources.names import printable, stored_name

    try:
        source = read_stdin(name) if str(file) == sources.STDIN else sources.read(file)
        doc = parse(sources.extract(source).text)
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

