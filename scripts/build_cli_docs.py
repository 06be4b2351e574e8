"""Write docs/cli.md from the `xunshi` command's own help texts (like sqlite-utils' CLI docs).

The reference is generated, never edited by hand, so it cannot drift from the code:
tests/test_cli_docs.py fails when the committed file differs from what this prints.

    python scripts/build_cli_docs.py > docs/cli.md
"""
from __future__ import annotations

from collections.abc import Iterator

import click

from xunshi.cli import main

HEADER = """# Command reference

Generated from the code by `python scripts/build_cli_docs.py > docs/cli.md`; do not edit.
Every command takes the global option `--database-url URL` before its name
(`xunshi --database-url postgresql://… load DIR`); see [database.md](database.md). The first
section, `xunshi` itself, gives what holds for every command: the exit status, where output
goes, NO_COLOR, and shell completion.
"""


def _commands(group: click.Group, prefix: str) -> Iterator[tuple[str, click.Command]]:
    if group is main:
        yield prefix, main
    for name in sorted(group.commands):
        command = group.commands[name]
        if command.hidden:
            continue
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, path)
        else:
            yield path, command


def render() -> str:
    sections = [HEADER]
    for path, command in _commands(main, "xunshi"):
        with click.Context(command, info_name=path, terminal_width=100,
                           help_option_names=["-h", "--help"]) as ctx:
            help_text = command.get_help(ctx)
        sections.append(f"## {path}\n\n```text\n{help_text}\n```\n")
    return "\n".join(sections)


if __name__ == "__main__":
    print(render(), end="")
