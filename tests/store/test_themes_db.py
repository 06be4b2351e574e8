"""Themes and status codes in the database: the codebook behind v_themes, the columns of
v_findings, and an existing database upgraded and re-parsed into them."""
from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text, update

from tests.conftest import SEEDS
from xunshi.store import reparse, schema
from xunshi.store.load import load_paths
from xunshi.store.models import Report
from xunshi.vocab.themes import THEMES

PAIRS = Path(__file__).parents[1] / "vocab" / "pairs"


def test_v_themes_is_the_codebook_in_order(engine: Engine) -> None:
    with engine.connect() as conn:
        stored = conn.execute(text(
            "SELECT theme, name_zh, name_en, description FROM v_themes ORDER BY position")).all()
    assert [tuple(r) for r in stored] == [(t.code, t.name_zh, t.name_en, t.description)
                                          for t in THEMES]


def test_nine_in_ten_seed_findings_have_a_theme_and_statuses_have_codes(
        seeded_engine: Engine) -> None:
    with seeded_engine.connect() as conn:
        total, themed, coded, stated = conn.execute(text("""
            SELECT count(*), count(t.theme), count(f.status_code), count(f.status)
            FROM v_findings f LEFT JOIN v_themes t USING (theme)""")).one()
    assert themed >= 0.9 * total
    assert coded == stated > 0


def test_a_loaded_pair_reads_back_with_themes_and_status_codes(engine: Engine) -> None:
    load_paths(engine, [PAIRS / "headed_rectification.txt", PAIRS / "headed_feedback.txt"])
    with engine.connect() as conn:
        rows = conn.execute(text("""
            SELECT r.doc_type, f.theme, f.status_code FROM v_findings f
            JOIN v_reports r USING (report_id) ORDER BY r.doc_type, f.position""")).all()
    feedback = [(theme, code) for kind, theme, code in rows if kind == "feedback"]
    rectification = [(theme, code) for kind, theme, code in rows if kind == "rectification"]
    assert [theme for theme, _ in feedback] == [theme for theme, _ in rectification]
    assert {code for _, code in feedback} == {None}
    assert [code for _, code in rectification][:2] == ["done", "ongoing"]


def test_an_existing_database_is_upgraded_and_reparse_fills_the_new_columns(
        engine: Engine) -> None:
    load_paths(engine, [SEEDS])
    with engine.connect() as conn:
        fresh = conn.execute(text(
            "SELECT title, theme, status_code FROM v_findings ORDER BY title")).all()
    themes = ScriptDirectory.from_config(schema.alembic_config()).get_revision("0007")
    schema.downgrade(engine, themes.down_revision)  # a database written before themes existed
    with engine.begin() as conn:
        conn.execute(update(Report).values(parser_version=2))
    assert schema.upgrade(engine).changed
    with engine.connect() as conn:
        assert conn.execute(text(
            "SELECT count(theme) + count(status_code) FROM v_findings")).scalar_one() == 0
    assert len(list(reparse.reparse(engine, reparse.pending(engine)))) == 5
    with engine.connect() as conn:
        again = conn.execute(text(
            "SELECT title, theme, status_code FROM v_findings ORDER BY title")).all()
    assert again == fresh
