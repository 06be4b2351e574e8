"""Is the database's schema this xunshi's? Answered without Alembic, in one query.

Every command checks the schema first, and importing Alembic (with SQLAlchemy's ORM and the
models) costs most of a second: a command that only reads imports it only when the answer is
no, to say why (store.schema).
"""
from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from ..errors import XunshiError
from .catalog import INTERNAL

_REVISION = re.compile(r"^(down_)?revision\b[^=\n]*=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE)


class NotAtHead(XunshiError):
    """The database's schema is older (or newer) than this xunshi's."""


@cache
def head() -> str:
    """The newest migration's revision, read from the packaged migration files: the one no other
    migration names as its down_revision (tests check it against Alembic's own answer)."""
    revisions, parents = set(), set()
    for script in files("xunshi.migrations").joinpath("versions").iterdir():
        if not script.name.endswith(".py"):
            continue
        for down, value in _REVISION.findall(script.read_text("utf-8")):
            if value:
                (parents if down else revisions).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads, expected one: {sorted(heads)}")
    return heads.pop()


def at_head(engine: Engine) -> bool:
    """True when the database is at this xunshi's head. False also when the question needs a
    closer look (an empty database, or one from before revision 0011 kept its version in
    public): store.schema answers that."""
    with engine.connect() as conn:
        try:
            stored = conn.execute(text(f"SELECT version_num FROM {INTERNAL}.alembic_version"))
            return stored.scalars().all() == [head()]
        except DBAPIError:  # no such table (yet): the database is empty or older
            return False
