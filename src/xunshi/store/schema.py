"""The schema's version: Alembic driven from Python, for `xunshi db …`, `xunshi load` and tests.

Migrations ship inside the package (`xunshi.migrations`, mapped from the repository's top-level
`migrations/`), so an installed xunshi upgrades a database without a checkout.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

import xunshi.migrations

from .catalog import INTERNAL
from .codebook import sync_codebook
from .revision import NotAtHead

UPGRADE_LOCK = 0x78756E736869  # "xunshi": concurrent first upgrades wait for each other


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config over the packaged migrations; `connection` is the one env.py will use."""
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(xunshi.migrations.__file__).parent))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache  # the packaged migrations do not change while xunshi runs; reading them costs time
def head() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads, expected one: {heads}")
    return heads[0]


def _version_table(connection: Connection) -> str | None:
    """Where Alembic's version table is: schema xunshi_internal from revision 0011 on, public
    before (see migrations/env.py); None in an empty database."""
    for schema in (INTERNAL, "public"):
        if connection.execute(text("SELECT to_regclass(:t) IS NOT NULL"),
                              {"t": f"{schema}.alembic_version"}).scalar_one():
            return f"{schema}.alembic_version"
    return None


def current(connection: Connection) -> str | None:
    """The database's revision; None for an empty database."""
    table = _version_table(connection)
    moved = table is not None and table.startswith(f"{INTERNAL}.")
    return MigrationContext.configure(
        connection, opts={"version_table_schema": INTERNAL if moved else None}
    ).get_current_revision()


@dataclass(frozen=True)
class Upgrade:
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def describe(self) -> str:
        if not self.changed:
            return f"database schema is at head ({self.after})"
        if self.before is None:
            return f"created the database schema (revision {self.after})"
        return f"upgraded the database schema from {self.before} to {self.after}"


def _lock_upgrades(conn: Connection) -> None:
    """Make concurrent upgrades wait for each other. A versioned database locks its
    alembic_version table, on which reader roles have no privilege at all, so a reader cannot
    stall an upgrade the way it could hold an advisory lock; an empty database has no reader
    of xunshi's yet, and its first upgrades queue on an advisory lock."""
    if table := _version_table(conn):
        conn.execute(text(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE"))
    else:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})


def upgrade(engine: Engine, revision: str = "head") -> Upgrade:
    """Bring the database to `revision` in one transaction; concurrent upgrades queue. At head,
    the metric codebook is written too."""
    with engine.begin() as conn:
        _lock_upgrades(conn)
        before = current(conn)
        command.upgrade(alembic_config(conn), revision)
        after = current(conn)
        if after == head():
            sync_codebook(conn)
        return Upgrade(before, after or "base")


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def ensure_head(engine: Engine) -> Upgrade:
    """What `xunshi load` does first: an empty or older database is brought to head."""
    with engine.connect() as conn:
        rev = current(conn)
    if rev == head():
        return Upgrade(rev, rev)
    return upgrade(engine)


def require_head(engine: Engine) -> None:
    """What read-only commands check: they never change the schema, they say what to run."""
    with engine.connect() as conn:
        rev = current(conn)
    if rev is None:
        raise NotAtHead("the database is empty: load reports first (`xunshi load PATH`)")
    if rev != head():
        raise NotAtHead(f"the database schema is at {rev}, this xunshi needs {head()}: "
                        "run `xunshi db upgrade`")
