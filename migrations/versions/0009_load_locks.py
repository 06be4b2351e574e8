"""Locks a reader cannot take, and one load_errors row per file.

Loaders used to queue on advisory locks keyed by a file's name and bytes. Any role that may
connect can take any advisory lock, so a reader role (BI tools, `xunshi db grant-reader`) could
hold one and stall every load of that file; revoking pg_advisory_lock needs a superuser, which
an existing PostgreSQL does not give xunshi. `load_locks` holds fixed slots instead: a loader
locks the rows its keys hash to (SELECT … FOR UPDATE, in slot order, so loaders never
deadlock), and row locks need UPDATE, which readers never get.

`load_errors` kept a row per failed attempt, so `xunshi errors` named a file once per failed
run; it now keeps one per file, its latest failure (older duplicates are deleted here).

Frozen like 0001: no imports from xunshi.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SLOTS = 65536
"""Two loads of different files collide on a slot only by chance: a batch of 50 reports
takes at most 100 slots, so two such batches share one about one time in seven."""

LOAD_ERRORS_BEFORE = (
    "载入失败的文件及原因：每次失败一行，不影响其他文件载入 / A file that could not be "
    "loaded, and why: one row per failed attempt (the other files still load). Reader "
    "roles cannot see it: it holds local file paths")
COMMENTS = {
    ("TABLE", "load_errors"): (
        "载入失败的文件及原因：每个文件一行，记其最近一次失败，不影响其他文件载入 / A file that "
        "could not be loaded, and why: one row per file, its latest failure (the other files "
        "still load). Reader roles cannot see it: it holds local file paths"),
    ("TABLE", "load_locks"): (
        "载入时的行锁槽位：载入程序按文件名和内容哈希锁定其中的行，只读角色无法锁定 / Lock "
        "slots for loading: a loader locks the rows its files' names and contents hash to, "
        "so concurrent loads of one file queue; reader roles cannot lock rows"),
    ("COLUMN", "load_locks.slot"): (
        "槽位编号，0 至 65535 / The slot, 0 to 65535: a key's hash modulo the number of slots"),
}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def upgrade() -> None:
    # the key after the rows: one sorted build instead of 65,536 insertions into it
    op.create_table("load_locks",
                    sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False))
    op.execute(f"INSERT INTO load_locks SELECT generate_series(0, {SLOTS - 1})")
    op.create_primary_key("pk_load_locks", "load_locks", ["slot"])
    op.execute("""
        DELETE FROM load_errors e USING load_errors newer
        WHERE newer.file = e.file
          AND (newer.occurred_at, newer.id) > (e.occurred_at, e.id)""")
    op.create_unique_constraint("uq_load_errors_file", "load_errors", ["file"])
    for (kind, name), comment in COMMENTS.items():
        op.execute(f"COMMENT ON {kind} {name} IS {_literal(comment)}")


def downgrade() -> None:
    op.drop_constraint("uq_load_errors_file", "load_errors")
    op.execute(f"COMMENT ON TABLE load_errors IS {_literal(LOAD_ERRORS_BEFORE)}")
    op.drop_table("load_locks")
