"""`xunshi` starts with only what the command needs: no Alembic, ORM or parser for --help or
search (issue 14). Checked by the modules a fresh interpreter imported, never by a time."""
from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import Engine

from tests.conftest import SEEDS
from xunshi import export
from xunshi.cli import export as export_cli
from xunshi.cli import search as search_cli
from xunshi.search import SCOPES
from xunshi.store import revision, schema

HEAVY = ("alembic", "sqlalchemy.orm", "xunshi.parse.parser", "jieba", "rjieba", "rich",
         "xunshi.store.models")
"""What a command that reads no file and changes no schema has no use for."""


def imported_by(*args: str, env: dict[str, str] | None = None) -> tuple[int, set[str]]:
    """Run `xunshi ARGS` in a fresh interpreter: its exit status and the modules it imported."""
    script = ("import json, sys\nfrom xunshi.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code or 0\n"
              "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          env=env, check=False)
    code, modules = json.loads(done.stderr.splitlines()[-1])
    return code, set(modules)


def loaded(modules: set[str], prefix: str) -> bool:
    return any(m == prefix or m.startswith(prefix + ".") for m in modules)


def test_help_imports_no_database_library_and_no_parser() -> None:
    code, modules = imported_by("--help")
    assert code == 0
    assert [m for m in (*HEAVY, "sqlalchemy", "psycopg") if loaded(modules, m)] == []


def test_search_checks_the_schema_without_alembic(seeded_engine: Engine) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    code, modules = imported_by("--database-url", url, "search", "巡视")
    assert code == 0
    assert [m for m in HEAVY if m not in ("jieba", "rjieba") and loaded(modules, m)] == []


def test_load_imports_alembic_only_to_change_the_schema(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)  # at head already
    code, modules = imported_by("--database-url", url, "load", str(SEEDS))
    assert code == 0
    assert not loaded(modules, "alembic")


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert revision.head() == schema.head()


def test_an_empty_database_is_not_at_head(database_url: str) -> None:
    from tests.conftest import engine_on

    with engine_on(database_url) as e:
        assert not revision.at_head(e)
        schema.upgrade(e)
        assert revision.at_head(e)


def test_choices_spelled_out_for_the_help_match_the_library() -> None:
    assert search_cli.SCOPES == SCOPES
    assert export_cli.FORMATS == tuple(f.value for f in export.Format)


