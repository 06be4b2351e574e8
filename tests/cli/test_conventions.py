"""The conventions users bring from other command-line tools (issue 15): --version, -h, `-`
for standard input, --json as JSON Lines, -q, one exit-status rule, NO_COLOR, examples in every
help, shell completion."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, text

from tests.conftest import SEEDS
from xunshi import __version__
from xunshi.cli import main
from xunshi.store import schema

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted(SEEDS.glob("*.txt"))[0]


def xunshi(*args: str, input: bytes | None = None, env: dict[str, str] | None = None,
           color: bool = False) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env=env, color=color,
                              catch_exceptions=False, prog_name="xunshi")


def records(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_version_and_short_help() -> None:
    assert xunshi("--version").stdout == f"xunshi {__version__}\n"
    assert xunshi("-h").stdout.startswith("Usage: xunshi [OPTIONS] COMMAND")
    assert xunshi("load", "-h").stdout.startswith("Usage: xunshi load [OPTIONS] PATHS...")


def _every_command() -> list[tuple[str, click.Command]]:
    spec = importlib.util.spec_from_file_location("build_cli_docs", ROOT / "scripts" / "build_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module._commands(main, "xunshi"))


@pytest.mark.parametrize(("path", "command"), _every_command(), ids=lambda x: str(x).split(" ")[-1])
def test_every_command_shows_examples(path: str, command: click.Command) -> None:
    words = path.split()[1:]
    shown = xunshi(*words, "--help").stdout
    assert "Examples:\n" in shown
    example = shown.split("Examples:\n", 1)[1].splitlines()[0]
    assert "xunshi " in example


def test_parse_reads_standard_input() -> None:
    piped = xunshi("parse", "--json", "-", input=SEED.read_bytes())
    assert piped.exit_code == 0
    assert json.loads(piped.stdout) == json.loads(xunshi("parse", "--json", str(SEED)).stdout)
    html = "<html><body><p>关于巡察整改情况的通报</p></body></html>".encode()
    assert xunshi("parse", "--name", "page.html", "-", input=html).stdout.startswith("doc_type: ")
    empty = xunshi("parse", "-", input=b"")
    assert (empty.exit_code, empty.stderr) == (1, "Error: standard input: empty file\n")


def test_load_reads_standard_input(database_url: str, engine: Engine) -> None:
    data = SEED.read_bytes()
    piped = xunshi("--database-url", database_url, "load", "-", input=data)
    assert piped.exit_code == 0, piped.output
    name = f"stdin-{hashlib.sha256(data).hexdigest()[:16]}.txt"
    assert piped.stdout.splitlines()[0] == f"loaded     {name} (report 1)"
    named = xunshi("--database-url", database_url, "load", "--name", "r/2024.txt", "-",
                   input=data + "\n补记。".encode())
    assert named.exit_code == 0, named.output
    with engine.connect() as conn:
        assert conn.execute(text("SELECT source_name FROM reports ORDER BY id")).scalars().all() \
            == [name, "r/2024.txt"]


def test_standard_input_is_named_once(database_url: str) -> None:
    twice = xunshi("--database-url", database_url, "load", "-", "-", input=b"x")
    assert twice.exit_code == 2 and "`-` (standard input) can be given once" in twice.stderr
    nameless = xunshi("--database-url", database_url, "load", "--name", "a.txt", str(SEED))
    assert nameless.exit_code == 2 and "--name names the report read from `-`" in nameless.stderr


def test_load_reparse_errors_and_db_current_speak_json_lines(database_url: str,
                                                             tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "notes.md").write_text("x")
    loaded = xunshi("--database-url", database_url, "load", "--json", str(SEED), str(tmp_path))
    assert loaded.exit_code == 1  # a file failed
    assert loaded.stderr.splitlines()[0] == f"created the database schema (revision {schema.head()})"
    by_outcome = {r["outcome"]: r for r in records(loaded)}
    assert set(by_outcome) == {"loaded", "failed", "skipped"}
    assert by_outcome["loaded"] == {"file": str(SEED), "outcome": "loaded", "report_id": 1,
                                    "stage": None, "reason": None}
    assert by_outcome["failed"]["stage"] == "decode"
    [error] = records(xunshi("--database-url", database_url, "errors", "--json"))
    assert (error["file"], error["stage"]) == (str(tmp_path / "bad.txt"), "decode")
    assert "T" in error["occurred_at"]
    reparsed = xunshi("--database-url", database_url, "reparse", "--all", "--json")
    assert [(r["outcome"], r["report_id"]) for r in records(reparsed)] == [("reparsed", 1)]
    assert records(xunshi("--database-url", database_url, "db", "current", "--json")) == [
        {"revision": schema.head(), "head": schema.head(), "at_head": True}]


def test_quiet_prints_failures_only(database_url: str, tmp_path: Path) -> None:
    quiet = xunshi("--database-url", database_url, "load", "-q", str(SEED))
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    failing = xunshi("--database-url", database_url, "load", "-q", str(SEED), str(tmp_path))
    assert (failing.exit_code, failing.stdout) == (1, "")
    assert failing.stderr.startswith(f"failed     {tmp_path / 'bad.txt'}: decode: ")
    assert xunshi("--database-url", database_url, "db", "upgrade", "-q").stdout == ""


def test_no_hit_is_exit_status_1_with_or_without_json(seeded_engine: Engine) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    for extra in ((), ("--json",)):
        result = xunshi("--database-url", url, "search", *extra, "量子计算机")
        assert (result.exit_code, result.stdout) == (1, "")
    assert xunshi("--database-url", url, "search", "--json", "巡视").exit_code == 0
    assert xunshi("--database-url", url, "search", "--limit", "0", "巡视").exit_code == 2


def test_no_color_turns_the_highlighting_off(seeded_engine: Engine) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    styled = xunshi("--database-url", url, "search", "巡视", color=True)
    assert "\x1b[" in styled.stdout
    plain = xunshi("--database-url", url, "search", "巡视", color=True, env={"NO_COLOR": "1"})
    assert plain.exit_code == 0 and "\x1b[" not in plain.stdout
    assert plain.stdout == xunshi("--database-url", url, "search", "巡视").stdout


def test_shell_completion_as_documented() -> None:
    script = xunshi(env={"_XUNSHI_COMPLETE": "bash_source"})
    assert "_xunshi_completion" in script.stdout
    words = xunshi(env={"_XUNSHI_COMPLETE": "bash_complete", "COMP_WORDS": "xunshi lo",
                        "COMP_CWORD": "1"})
    assert words.stdout.splitlines() == ["plain,load"]
    assert '_XUNSHI_COMPLETE=bash_source xunshi' in xunshi("--help").stdout
