"""The metric codebook in the database: `metrics` holds parse/extract/metrics.py's CODEBOOK.

The codebook is xunshi's, not the reports': it is written after every schema upgrade (so
`v_metrics` is filled before anything is loaded) and checked before every write (so a newer
xunshi's metrics exist before its figures point at them). A metric dropped from the codebook
keeps its row while stored figures may still use it.
"""
from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert

from ..parse.extract.metrics import CODEBOOK
from .models import Metric

_COLUMNS = ("metric", "name_zh", "name_en", "description", "unit", "position")


def codebook_rows() -> list[tuple]:
    """One row per metric, in the order of `_COLUMNS`."""
    return [(m.code, m.name_zh, m.name_en, m.description, m.unit, n)
            for n, m in enumerate(CODEBOOK)]


def sync_codebook(conn: Connection) -> None:
    """Write the metrics that are missing or differ; one SELECT when none do, so concurrent
    writers take no lock on rows that are already right."""
    stored = {tuple(r) for r in conn.execute(select(*(getattr(Metric, c) for c in _COLUMNS)))}
    changed = [dict(zip(_COLUMNS, row)) for row in codebook_rows() if row not in stored]
    if not changed:
        return
    stmt = insert(Metric).values(changed)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[Metric.metric],
        set_={c: stmt.excluded[c] for c in _COLUMNS if c != "metric"}))
