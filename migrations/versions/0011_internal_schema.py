"""Schema `xunshi_internal`: what is not for analysts leaves schema public.

A BI tool lists the tables of the default schema (SQLAlchemy's inspector, Superset, Metabase,
pgcli's completion); a reader role then saw `load_errors` (it holds the local paths of whoever
loaded reports), `alembic_version` and `load_locks` (0009) and got "permission denied" opening
them. They move to their own schema, on which readers get no USAGE, so schema public holds only what a reader may
read.

Alembic writes the new revision into its version table after this migration ran, by the
table's name alone: xunshi's env.py puts `xunshi_internal` at the end of the migrations'
search_path, so the table is found in either schema, before and after the move, up and down.
(Alembic's own `version_table_schema` would look only in the new schema: a database at 0008
would seem empty to it, and the move could not be recorded.)

Frozen: no imports from xunshi.

Revision ID: 0011
Revises: 0009
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "xunshi_internal"
MOVED = ("load_errors", "load_locks", "alembic_version")
COMMENT = ("xunshi 内部表：载入失败记录和迁移版本，不供分析，只读角色无权访问 / The bookkeeping "
           "of xunshi (load failures, the schema revision): not for analysts, and reader roles "
           "(xunshi db grant-reader) may not use it")  # no quote: it goes into the SQL as is


def upgrade() -> None:
    op.execute(f"CREATE SCHEMA {SCHEMA}")
    op.execute(f"COMMENT ON SCHEMA {SCHEMA} IS '{COMMENT}'")
    for table in MOVED:
        op.execute(f"ALTER TABLE public.{table} SET SCHEMA {SCHEMA}")


def downgrade() -> None:
    for table in MOVED:
        op.execute(f"ALTER TABLE {SCHEMA}.{table} SET SCHEMA public")
    op.execute(f"DROP SCHEMA {SCHEMA}")
