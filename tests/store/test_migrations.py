"""The migrations are the only thing that creates the schema: they must agree with the models,
undo cleanly, and expose the analyst contract."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.orm import Session

from xunshi.store import schema
from xunshi.store.catalog import INTERNAL
from xunshi.store.models import AUTOGENERATE_OPTIONS, Base, LoadError

CONTRACT = {  # shared/gold/README.md: the columns the scorer reads
    "v_reports": ["report_id", "source_name", "doc_type", "title", "issuer", "published_on",
                  "jurisdiction", "jurisdiction_code"],
    "v_inspections": ["report_id", "target", "authority", "group_name", "mode", "term",
                      "round_no", "batch_no", "kind", "started_on", "ended_on", "feedback_on"],
    "v_findings": ["report_id", "finding_id", "parent_id", "category", "seq", "title",
                   "recommendation", "measure_count"],
    "v_measures": ["report_id", "finding_id", "seq", "text"],
    "v_clues": ["report_id", "kind", "disposition", "count", "total"],
    "v_contacts": ["report_id", "kind", "value"],
    # contract additions (shared/gold/README.md)
    "v_metrics": ["metric", "name_zh", "name_en", "description", "unit"],
    "v_figures": ["report_id", "finding_id", "measure_id", "metric", "value", "unit",
                  "approximate", "text", "span_start", "span_end"],
}
ADDITIONS = {  # shared/gold/README.md: contract additions asked for by the open issues
    "v_findings": ["theme", "status_code"],
    "v_themes": ["theme", "name_zh", "name_en", "description"],
}

SCHEMAS = "('public', 'xunshi_internal')"
SNAPSHOT = {  # the catalog of both schemas, as text that differs iff the schema does
    "columns": f"""SELECT table_name, column_name, data_type, is_nullable, column_default,
                          is_identity FROM information_schema.columns
                   WHERE table_schema IN {SCHEMAS}""",
    "constraints": f"""SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                       FROM pg_constraint WHERE connamespace::regnamespace::text IN {SCHEMAS}""",
    "indexes": f"""SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
                   WHERE schemaname IN {SCHEMAS}""",
    "views": """SELECT viewname, pg_get_viewdef(viewname::regclass) FROM pg_views
                WHERE schemaname = 'public'""",
    "comments": f"""SELECT c.oid::regclass::text, a.attname, d.description FROM pg_description d
                   JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
                   LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                   WHERE c.relnamespace::regnamespace::text IN {SCHEMAS}
                   UNION ALL
                   SELECT n.nspname, NULL, d.description FROM pg_description d
                   JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND n.oid = d.objoid
                   WHERE n.nspname = 'xunshi_internal'
                   UNION ALL
                   SELECT p.oid::regprocedure::text, NULL, d.description
                   FROM pg_description d
                   JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid
                   WHERE p.pronamespace = 'public'::regnamespace""",
}


def snapshot(conn: Connection) -> dict[str, set[tuple]]:
    return {k: {tuple(r) for r in conn.execute(text(q))} for k, q in SNAPSHOT.items()}


def test_single_head() -> None:
    assert len(ScriptDirectory.from_config(schema.alembic_config()).get_heads()) == 1


def test_upgrade_downgrade_upgrade_leaves_the_same_schema(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert schema.upgrade(engine).describe().startswith("created")
        with engine.connect() as conn:
            first = snapshot(conn)
        schema.downgrade(engine, "base")
        with engine.connect() as conn:
            emptied = snapshot(conn)
        schema.upgrade(engine)
        with engine.connect() as conn:
            again = snapshot(conn)
    finally:
        engine.dispose()
    assert {t for t, *_ in emptied["columns"]} == {"alembic_version"}
    assert emptied["comments"] == set()  # downgrades remove them, alembic_version's too
    assert first == again
    assert {v for v, _ in first["views"]} == set(CONTRACT) | {"v_organizations", "v_report_versions",
                                                              "v_themes", "v_inspection_cycles"}


def test_each_downgrade_restores_the_revision_below(engine: Engine) -> None:
    """Stepping down from head passes through the schemas stepping up from base creates: a
    downgrade must restore what the revision below had (a rebuilt view its comments, say)."""
    below_head = [s.revision for s in ScriptDirectory.from_config(schema.alembic_config())
                  .walk_revisions()][1:]
    down, up = {}, {}
    for revision in below_head:
        schema.downgrade(engine, revision)
        with engine.connect() as conn:
            down[revision] = snapshot(conn)
    schema.downgrade(engine, "base")
    for revision in reversed(below_head):
        schema.upgrade(engine, revision)
        with engine.connect() as conn:
            up[revision] = snapshot(conn)
    assert [r for r in below_head if up[r] != down[r]] == []


def test_models_match_migrations(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts=AUTOGENERATE_OPTIONS)
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_views_have_the_contract_columns(engine: Engine) -> None:
    with engine.connect() as conn:
        for view, columns in CONTRACT.items():
            got = list(conn.execute(text(f"SELECT * FROM {view} LIMIT 0")).keys())
            assert got[: len(columns)] == columns, view


def test_views_have_the_columns_the_open_issues_added(engine: Engine) -> None:
    with engine.connect() as conn:
        for view, columns in ADDITIONS.items():
            got = list(conn.execute(text(f"SELECT * FROM {view} LIMIT 0")).keys())
            assert set(columns) <= set(got), view


def test_ensure_head_says_what_it_did(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        created = schema.ensure_head(engine)
        again = schema.ensure_head(engine)
    finally:
        engine.dispose()
    assert created.changed and created.before is None and created.after == schema.head()
    assert not again.changed and "at head" in again.describe()


def test_0011_moves_the_bookkeeping_out_of_public_and_back(database_url: str) -> None:
    """A database from before 0011 keeps its load failures and its revision, both moved to
    the internal schema; the downgrade puts them back where older xunshis look for them."""
    below = ScriptDirectory.from_config(schema.alembic_config()).get_revision("0011").down_revision
    engine = create_engine(database_url)

    def where() -> dict[str, str]:
        with engine.connect() as conn:
            return dict(conn.execute(text(
                "SELECT relname, relnamespace::regnamespace::text FROM pg_class"
                " WHERE relname IN ('load_errors', 'load_locks', 'alembic_version') AND relkind = 'r'")).all())

    try:
        schema.upgrade(engine, below)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO load_errors (file, stage, message)"
                              " VALUES ('gone.txt', 'read', 'no such file')"))
        assert schema.upgrade(engine).before == below
        assert where() == {"load_errors": INTERNAL, "load_locks": INTERNAL, "alembic_version": INTERNAL}
        with Session(engine) as session:
            assert session.scalars(select(LoadError.file)).all() == ["gone.txt"]
        schema.downgrade(engine, below)
        assert where() == {"load_errors": "public", "load_locks": "public", "alembic_version": "public"}
        with engine.connect() as conn:
            assert schema.current(conn) == below
            assert conn.execute(text("SELECT file FROM public.load_errors")).scalars().all() == ["gone.txt"]
            assert conn.execute(text("SELECT to_regnamespace(:s)"), {"s": INTERNAL}).scalar() is None
    finally:
        engine.dispose()
