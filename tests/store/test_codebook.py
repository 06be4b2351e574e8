"""The metric codebook reaches the database: after an upgrade, and again when it changes."""
from __future__ import annotations

from sqlalchemy import Engine, text

from xunshi.parse.extract.metrics import CODEBOOK
from xunshi.store.codebook import sync_codebook


def metrics(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(text("SELECT metric, name_zh, name_en, unit FROM v_metrics")).all()


def test_an_upgraded_database_holds_the_codebook_in_its_order(engine: Engine) -> None:
    assert metrics(engine) == [(m.code, m.name_zh, m.name_en, m.unit) for m in CODEBOOK]


def test_a_stale_or_missing_metric_is_rewritten(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE metrics SET unit = 'x' WHERE metric = 'sanctions'"))
        conn.execute(text("DELETE FROM metrics WHERE metric = 'meetings_held'"))
        conn.execute(text("INSERT INTO metrics VALUES ('retired', '旧', 'Old', 'old', '个', 99)"))
    with engine.begin() as conn:
        sync_codebook(conn)
    assert metrics(engine) == [(m.code, m.name_zh, m.name_en, m.unit) for m in CODEBOOK] + [
        ("retired", "旧", "Old", "个")]


def test_sanctions_and_talks_are_different_metrics(engine: Engine) -> None:
    with engine.connect() as conn:
        names = dict(conn.execute(text("SELECT metric, name_zh FROM v_metrics")).all())
    assert "处分" in names["sanctions"] and "处分" not in names["admonishment_talks"]
