"""`xunshi parse`: one report through the parser, no database involved."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..parse import Document


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The whole document model as JSON.")
def parse_cmd(file: Path, as_json: bool) -> None:
    """Parse one report and print what was extracted (no database involved)."""
    from .. import sources
    from ..parse import ParseError, parse
    from ..plain import plain
    from ..sources.names import printable, stored_name

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

