"""docs/schema.md is generated from the database's comments and must match the schema at head;
every table, view, column and function must carry a comment for it to say anything."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine, text

from xunshi.cli import main
from xunshi.schemadoc import COMMAND, schema_markdown
from xunshi.store import catalog, schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_MD = ROOT / "docs" / "schema.md"
DATABASE_MD = ROOT / "docs" / "database.md"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{2,}")
MACHINERY = text("""SELECT obj_description(c.oid, 'pg_class'), col_description(c.oid, 1)
                    FROM pg_class c WHERE c.oid = 'xunshi_internal.alembic_version'::regclass""")


def test_committed_schema_md_is_what_the_database_at_head_generates(engine: Engine) -> None:
    assert SCHEMA_MD.read_text("utf-8") == schema_markdown(engine), (
        f"docs/schema.md is out of date: run `{COMMAND}` against a database at head")


def bilingual(comment: str | None) -> bool:
    """Says something in both languages: a Chinese character and an English word."""
    return bool(comment and CHINESE.search(comment) and ENGLISH.search(comment))


def test_every_table_view_column_and_function_has_a_comment_in_chinese_and_english(
        engine: Engine) -> None:
    with engine.connect() as conn:
        relations, functions = catalog.relations(conn), catalog.functions(conn)
        version_table, version_column = conn.execute(MACHINERY).one()
    comments = [(r.name, r.comment) for r in relations]
    comments += [(f"{r.name}.{c.name}", c.comment) for r in relations for c in r.columns]
    comments += [(f.signature, f.comment) for f in functions]
    comments += [("alembic_version", version_table),
                 ("alembic_version.version_num", version_column)]
    missing = [name for name, comment in comments if not bilingual(comment)]
    assert missing == [], "COMMENT ON these in a migration, in Chinese and English"


def test_comments_tables_and_functions_are_rendered(engine: Engine, tmp_path: Path) -> None:
    with engine.begin() as conn:
        conn.execute(text("COMMENT ON TABLE reports IS '报告：每份文件一行'"))
        conn.execute(text("COMMENT ON COLUMN reports.title IS 'title | 标题\n(as printed)'"))
        conn.execute(text("CREATE FUNCTION zz_twice(n integer) RETURNS integer "
                          "LANGUAGE sql IMMUTABLE RETURN n * 2"))
        conn.execute(text("COMMENT ON FUNCTION zz_twice(integer) IS '两倍'"))
    output = tmp_path / "schema.md"
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "db", "docs", "--output", str(output)])
    assert result.exit_code == 0, result.output
    page = output.read_text("utf-8")
    assert page == schema_markdown(engine)
    assert "### reports\n\n报告：每份文件一行\n\n| column | type | nullable | description |" in page
    assert "| title | text | yes | title \\| 标题<br>(as printed) |" in page
    assert "| id | bigint | no |" in page
    assert page.index("## Tables") < page.index("### reports") < page.index("## Views")
    assert page.endswith("### `zz_twice(n integer) → integer`\n\n两倍\n")
    assert "alembic_version" not in page
    printed = CliRunner().invoke(main, ["--database-url", url, "db", "docs"])
    assert printed.stdout == page


def test_database_md_shows_the_head_revision() -> None:
    shown = re.findall(r"(?:revision |db current +# |head is )(\d{4})", DATABASE_MD.read_text("utf-8"))
    assert len(shown) >= 3 and set(shown) == {schema.head()}, "docs/database.md: update the revision"
