"""`xunshi db serve`: the embedded PostgreSQL on 127.0.0.1 for BI tools, while it runs.

The embedded server normally listens on an owner-only unix socket only. BI tools need TCP, so
serving restarts it listening on 127.0.0.1 as well (the socket stays, so other xunshi commands
keep working). Every TCP login needs a scram-sha-256 password (embedded.HBA); the superuser
`postgres` has none, so over TCP only roles made by `xunshi db grant-reader` get in. When
serving ends the server is stopped; the next xunshi command starts it socket-only again.
"""
from __future__ import annotations

import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 5433
"""Next to a system PostgreSQL's 5432."""


class ServeError(Exception):
    """Serving cannot start; the message says why, in one line."""


def refuse_external(url: str) -> None:
    """serve only makes sense for the embedded server: any other already listens on TCP."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number, never echoed
        where = "its own port"
    else:
        where = f"{parsed.host or parsed.query.get('host') or 'localhost'}:{parsed.port or 5432}"
    raise ServeError(f"serve is for the embedded database; your server already listens on {where} "
                     "(from --database-url or $XUNSHI_DATABASE_URL)")


def check_port_free(port: int) -> None:
    """Fail before touching the server: a taken port would leave it stopped for nothing."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError as e:
            raise ServeError(f"port {port} on {HOST} is taken ({e.strerror}); "
                             "choose another with --port") from e


@contextmanager
def serving(home: Path, port: int) -> Iterator[None]:
    """Run the embedded server under `home` on HOST:`port` too, and stop it on leaving (unless
    it was stopped meanwhile). SIGTERM ends it like Ctrl-C meanwhile."""
    from . import embedded  # imported when serving: `xunshi --help` needs no database

    embedded.ensure_running(home)  # initdb and the xunshi database on first use
    pgdata = embedded.data_dir(home)
    before = embedded.postmaster(home)
    assert before is not None
    if before.hostname:
        raise ServeError(f"the embedded PostgreSQL in {pgdata} already listens on "
                         f"{before.hostname}:{before.port} (another `xunshi db serve`?)")
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with embedded.start_lock(home):  # no other command starts it meanwhile
            embedded.stop(home)
            try:
                embedded.start(home, HOST, port)
            except RuntimeError as e:
                raise ServeError(f"the embedded PostgreSQL did not start on {HOST}:{port}: "
                                 f"{e}") from e
        yield
    finally:
        if _listening(home, port):
            embedded.stop(home)
        signal.signal(signal.SIGTERM, previous)


def wait(home: Path, port: int) -> None:
    """Until Ctrl-C or SIGTERM, or until the server stops by other means (`xunshi db stop`)."""
    try:
        while _listening(home, port):
            time.sleep(1)
    except KeyboardInterrupt:
        pass


def _listening(home: Path, port: int) -> bool:
    """Whether the server under `home` is the one serving on HOST:`port`: a server started
    since by another command listens on its socket only."""
    from . import embedded

    info = embedded.postmaster(home)
    return info is not None and info.hostname == HOST and info.port == port


def connection_help(port: int, reader: str | None) -> list[str]:
    """What a user types into a BI tool; never a password (grant-reader printed it once)."""
    from . import embedded

    user = reader or "NAME"
    lines = [
        f"serving the embedded PostgreSQL on {HOST}:{port} until Ctrl-C",
        f"  host      {HOST}",
        f"  port      {port}",
        f"  database  {embedded.DATABASE}",
        f"  user      {user}",
        f"  password  the one `xunshi db grant-reader {user}` printed",
        "  SSL       off (localhost only)",
        f"  JDBC      jdbc:postgresql://{HOST}:{port}/{embedded.DATABASE}?user={user}"
        "   (Metabase, DBeaver, DataGrip)",
        f"  URI       postgresql://{user}:***@{HOST}:{port}/{embedded.DATABASE}   (Superset, pandas)",
        "the superuser postgres has no password, so it cannot log in over TCP: use a reader role",
    ]
    if reader is None:
        lines.append("no --reader given: create one with `xunshi db grant-reader NAME` "
                     "(it prints the password once)")
    return lines
