"""`xunshi db …`: the database itself: its URL, schema, reader roles, the embedded server."""
from __future__ import annotations

from pathlib import Path

import click

from .. import config, serve
from .common import (database_url, echo_json, engine, examples, explicit_url, output,
                     output_options)


@click.group(epilog=examples("xunshi db url --libpq", "xunshi db stop"))
def db() -> None:
    """The database: its URL, its schema version, the embedded server."""


@db.command(epilog=examples('psql "$(xunshi db url --libpq --show-password)"'))
@click.option("--show-password", is_flag=True, help="Print the password instead of ***.")
@click.option("--libpq", is_flag=True, help="Without the +psycopg driver part, for psql.")
def url(show_password: bool, libpq: bool) -> None:
    """Print the database URL in use (starts the embedded server if that is the one)."""
    click.echo(config.display_url(database_url(), show_password=show_password, libpq=libpq))


@db.command(epilog=examples("xunshi db upgrade && xunshi db grant-reader superset"))
@output_options()
def upgrade() -> None:
    """Bring the database schema to the newest revision."""
    from ..store import schema

    with engine() as e:
        done = schema.upgrade(e)
    if not output().quiet:
        click.echo(done.describe())


@db.command(epilog=examples("xunshi db current", "xunshi db current --json | jq .at_head"))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object: revision (null: empty database), head, at_head.")
def current(as_json: bool) -> None:
    """Print the database's schema revision and whether it is the newest."""
    from ..store import schema

    head = schema.head()
    with engine() as e, e.connect() as conn:
        rev = schema.current(conn)
    if as_json:
        echo_json({"revision": rev, "head": head, "at_head": rev == head})
    elif rev == head:
        click.echo(f"{rev} (head)")
    else:
        click.echo(f"{rev or 'empty database'} (head is {head}: run `xunshi db upgrade`)")


@db.command(epilog=examples("xunshi db docs --output docs/schema.md"))
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write here (e.g. docs/schema.md) instead of to stdout.")
def docs(output: Path | None) -> None:
    """Print the schema as markdown, from the comments in the database (docs/schema.md)."""
    from ..atomic import atomic_file
    from ..errors import one_line
    from ..schemadoc import schema_markdown
    from ..store import schema

    head = schema.head()
    with engine() as e:
        with e.connect() as conn:
            rev = schema.current(conn)
        page = schema_markdown(e)
    if rev != head:
        click.echo(f"note: the database is at {rev or 'no revision'}, not {head} (head)", err=True)
    if output is None:
        click.echo(page, nl=False)
        return
    try:
        with atomic_file(output) as f:
            f.write(page.encode())
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror or one_line(error)}") from error


@db.command("grant-reader", epilog=examples("xunshi db grant-reader superset",
                                            "xunshi db grant-reader metabase --password PW"))
@click.argument("name")
@click.option("--password", metavar="PW", help="Default: a new random one, printed this once only.")
def grant_reader(name: str, password: str | None) -> None:
    """Create or update NAME, a login role that can only read the views and tables (for BI tools).

    Run it again after `xunshi db upgrade` so that new views become readable."""
    from ..store import access

    secret = access.new_password() if password is None else password
    with engine() as e:
        try:
            reader = access.grant_reader(e, name, secret)
        except access.AccessError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"{'created' if reader.created else 'updated'} reader role {name}: "
               f"SELECT on {len(reader.relations)} views and tables; not on {', '.join(access.HIDDEN)}")
    if password is None:
        click.echo(f"password: {secret}")
        click.echo("(shown this once only; run grant-reader again to set a new one)")
    for excess in reader.excess:
        click.echo(f"warning: {name} still has {excess} (through PUBLIC or a role it belongs to): "
                   "revoke it to keep the role read-only", err=True)


@db.command("serve", epilog=examples("xunshi db serve --reader superset --port 5433"))
@click.option("--port", type=click.IntRange(1, 65535), default=serve.DEFAULT_PORT, show_default=True,
              help=f"TCP port on {serve.HOST}.")
@click.option("--reader", metavar="NAME", help="The role BI tools log in as (see grant-reader).")
def serve_cmd(port: int, reader: str | None) -> None:
    """Let BI tools reach the embedded database over TCP on 127.0.0.1 until Ctrl-C.

    Logins over TCP need a password (scram-sha-256), so only reader roles get in."""
    from ..store import access

    home = config.xunshi_home()
    try:
        if external := config.configured_url(explicit_url()):
            serve.refuse_external(external)
        serve.check_port_free(port)
        with engine() as e:  # starts the embedded server, or says in one line why not
            if reader is not None and not access.is_reader(e, reader):
                raise click.ClickException(f"no reader role {reader} in the embedded database: "
                                           f"create it with `xunshi db grant-reader {reader}`")
        with serve.serving(home, port):
            click.echo("\n".join(serve.connection_help(port, reader)))
            serve.wait(home, port)
    except serve.ServeError as error:
        raise click.ClickException(str(error)) from error
    click.echo("stopped serving; the next xunshi command starts the embedded PostgreSQL "
               "socket-only again")


@db.command(epilog=examples("xunshi db stop"))
def stop() -> None:
    """Stop the embedded PostgreSQL (it keeps running between commands otherwise)."""
    from .. import embedded

    home = config.xunshi_home()
    if embedded.stop(home):
        click.echo(f"stopped the embedded PostgreSQL in {embedded.data_dir(home)}")
    else:
        click.echo(f"no embedded PostgreSQL running in {embedded.data_dir(home)}")
