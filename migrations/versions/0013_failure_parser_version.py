"""The parser version a load failure happened under, so a re-load skips bytes known to fail.

`xunshi load` re-read, re-decoded and re-parsed every file that had failed before, run after
run, although the same bytes fail the same way under the same parser (263 files of the
10,000-report benchmark). A failure of the decode, extract or parse stage now records the
parser version; a later load skips those bytes under that version unless `--retry-failed`.
Failures of the read and store stages leave it NULL: they depend on the file system and the
database, not on the bytes, and are always tried again.

Frozen: no imports from xunshi.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "xunshi_internal"
COMMENT = (
    "失败时的解析器版本；同一内容在同一版本下失败过则再次载入时跳过（--retry-failed 重试）；"
    "读取和写库阶段的失败为空，总会重试 / The parser version the bytes failed under: a later "
    "load skips the same bytes under the same version (--retry-failed tries them again). NULL "
    "for read and store failures, which are always tried again")


def upgrade() -> None:
    op.add_column("load_errors", sa.Column("parser_version", sa.Integer(), nullable=True,
                                           comment=COMMENT), schema=SCHEMA)
    # each batch of a load looks up its bytes' failures
    op.create_index("ix_load_errors_sha256", "load_errors", ["sha256"], schema=SCHEMA)


def downgrade() -> None:
    op.drop_index("ix_load_errors_sha256", "load_errors", schema=SCHEMA)
    op.drop_column("load_errors", "parser_version", schema=SCHEMA)
