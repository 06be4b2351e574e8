"""Alembic's entry point, for `xunshi db …`, the tests and the plain `alembic` command alike.

A caller that holds a connection (xunshi's own upgrade, under an advisory lock) passes it in
`config.attributes["connection"]`; otherwise the URL follows xunshi's one rule, with
`-x database_url=…` standing in for `--database-url`.

Alembic's version table is named without a schema and found through the search_path, to which
every run appends `xunshi_internal`: revision 0011 moves the table there from public, and
Alembic records each revision, 0011's included, in the table it finds by name after the
migration ran.

On a server, the migrations' SQL text without parameters (`op.execute("COMMENT ON …")`: most of the
statements from an empty database to head) are sent together, in one round trip, right before
the next statement of any other kind and at the end: a first upgrade then takes a few dozen
round trips rather than some 500. Each statement still runs in order, in the same transaction.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy import Connection, TextClause, create_engine, event, pool, text

from xunshi.config import database_url
from xunshi.store.catalog import INTERNAL
from xunshi.store.models import AUTOGENERATE_OPTIONS, Base

config = context.config
if config.config_file_name is not None:  # the alembic command; xunshi's own Config has none
    fileConfig(config.config_file_name)


# for this transaction only: a connection passed in goes back to its pool unchanged
_SEARCH_PATH = ("SELECT set_config('search_path', concat_ws(', ', "
                f"nullif(current_setting('search_path'), ''), '{INTERNAL}'), true)")


@contextmanager
def _plain_sql_batched(connection: Connection) -> Iterator[None]:
    """op.execute() of SQL text without parameters (it gives no result back) queued, and the
    queue sent as one multi-statement text before any other statement on the connection and at
    the end. Strings become text() as Alembic would make them; a text() keeps its escapes."""
    impl = context.get_context().impl
    single = impl.execute
    pending: list[str] = []

    def flush(*_: Any) -> None:
        if pending:
            # a newline before each ;: a statement may end in a -- comment
            batch = "\n;\n".join(pending)
            pending.clear()
            connection.execute(text(batch))  # fires flush again, with nothing pending

    def execute(sql: Any, execution_options: dict[str, Any] | None = None) -> None:
        if isinstance(sql, str) and not execution_options:
            pending.append(sql)
        elif isinstance(sql, TextClause) and not sql._bindparams and not execution_options:
            pending.append(sql.text)
        else:
            flush()
            single(sql, execution_options)

    impl.execute = execute
    event.listen(connection, "before_execute", flush)
    try:
        yield
        flush()
    finally:
        event.remove(connection, "before_execute", flush)
        impl.execute = single


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, **AUTOGENERATE_OPTIONS)
    with context.begin_transaction(), _plain_sql_batched(connection):
        context.execute(_SEARCH_PATH)
        context.run_migrations()


def _url() -> str:
    return database_url(context.get_x_argument(as_dictionary=True).get("database_url"))


if context.is_offline_mode():
    # `alembic upgrade --sql` only needs the dialect: no server is started for it
    context.configure(dialect_name="postgresql", target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.execute(_SEARCH_PATH)
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    with create_engine(_url(), poolclass=pool.NullPool).connect() as conn:
        _run(conn)
