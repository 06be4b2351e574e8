"""Alembic's entry point, for `xunshi db …`, the tests and the plain `alembic` command alike.

A caller that holds a connection (xunshi's own upgrade, under an advisory lock) passes it in
`config.attributes["connection"]`; otherwise the URL follows xunshi's one rule, with
`-x database_url=…` standing in for `--database-url`.
"""
from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from xunshi.config import database_url
from xunshi.store.models import AUTOGENERATE_PLUGINS, Base

config = context.config
if config.config_file_name is not None:  # the alembic command; xunshi's own Config has none
    fileConfig(config.config_file_name)


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      autogenerate_plugins=AUTOGENERATE_PLUGINS)
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    return database_url(context.get_x_argument(as_dictionary=True).get("database_url"))


if context.is_offline_mode():
    # `alembic upgrade --sql` only needs the dialect: no server is started for it
    context.configure(dialect_name="postgresql", target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    with create_engine(_url(), poolclass=pool.NullPool).connect() as conn:
        _run(conn)
