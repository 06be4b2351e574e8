"""`xunshi export`: every analyst view as files, readable without SQL.

The files are checked against the database itself (counts, columns, values), through the CLI as
a user runs it and through the library, and opened as their users open them: pandas, sqlite3,
Datasette, pyarrow and Frictionless, each with types and NULLs intact.
"""
from __future__ import annotations

import asyncio
import csv
import datetime as dt
import json
import sqlite3
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow.parquet as pq
import pytest
from datasette.app import Datasette
from click.testing import CliRunner, Result
from psycopg import sql
from sqlalchemy import Connection, Engine, create_engine

from xunshi.atomic import atomic_file
from xunshi.cli import main
from xunshi.export import ExportError, Format, export_views
from xunshi.exporters.columns import Kind, kind
from xunshi.store import catalog


def xunshi(engine: Engine, *args: str) -> Result:
    url = engine.url.render_as_string(hide_password=False)
    return CliRunner().invoke(main, ["--database-url", url, *args], catch_exceptions=False)


def views(engine: Engine) -> dict[str, list[str]]:
    """Every analyst view with its columns, from the catalog."""
    with engine.connect() as conn:
        return {r.name: [c.name for c in r.columns] for r in catalog.relations(conn)
                if r.kind == "view" and r.name.startswith("v_")}


def fetch(conn: Connection, view: str, columns: str = "*") -> list[tuple]:
    query = sql.SQL("SELECT {} FROM {}").format(sql.SQL(columns), sql.Identifier(view))
    return [tuple(r) for r in conn.connection.driver_connection.execute(query)]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def exported(seeded_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format of every view, written once by the CLI into a folder it creates."""
    out = tmp_path_factory.mktemp("export") / "new" / "folder"
    for fmt in Format:
        result = xunshi(seeded_engine, "export", str(out), "--format", fmt.value)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[-1].startswith(f"exported {len(views(seeded_engine))} views, ")
        written = "xunshi.db" if fmt is Format.SQLITE else f".{fmt.value}"
        assert all(line.endswith(written) for line in lines[:-1])
    return out


def test_every_analyst_view_gets_a_file_and_nothing_else(seeded_engine: Engine,
                                                          exported: Path) -> None:
    names = views(seeded_engine)
    assert {"v_reports", "v_inspections", "v_findings", "v_measures", "v_clues",
            "v_contacts"} <= set(names)
    expected = {f"{v}.{fmt}" for v in names for fmt in ("csv", "jsonl", "parquet")}
    expected |= {"datapackage.json", "xunshi.db", "metadata.json"}
    assert {p.name for p in exported.iterdir()} == expected  # and no .part left behind


def test_csv_has_the_views_columns_and_every_row(seeded_engine: Engine,
                                                 exported: Path) -> None:
    total = 0
    with seeded_engine.connect() as conn:
        for view, columns in views(seeded_engine).items():
            [(count,)] = fetch(conn, view, "count(*)")
            with (exported / f"{view}.csv").open(encoding="utf-8", newline="") as f:
                header, *rows = list(csv.reader(f))
            assert header == columns, view
            assert len(rows) == count, view
            total += count
    assert total > 0


def test_jsonl_lines_are_objects_with_the_views_columns(seeded_engine: Engine,
                                                         exported: Path) -> None:
    with seeded_engine.connect() as conn:
        for view, columns in views(seeded_engine).items():
            [(count,)] = fetch(conn, view, "count(*)")
            lines = read_jsonl(exported / f"{view}.jsonl")
            assert len(lines) == count, view
            assert all(list(line) == columns for line in lines), view


def test_chinese_text_and_dates_round_trip(seeded_engine: Engine, exported: Path) -> None:
    with seeded_engine.connect() as conn:
        titles = sorted(fetch(conn, "v_findings", "finding_id, title"))
        reports = sorted(fetch(conn, "v_reports", "report_id, published_on"))
    assert any("\u4e00" <= ch <= "\u9fff" for _, title in titles for ch in title)
    csv_rows = read_csv(exported / "v_findings.csv")
    assert sorted((int(r["finding_id"]), r["title"]) for r in csv_rows) == titles
    json_rows = read_jsonl(exported / "v_findings.jsonl")
    assert sorted((r["finding_id"], r["title"]) for r in json_rows) == titles
    iso = sorted((i, d and d.isoformat()) for i, d in reports)
    assert sorted((int(r["report_id"]), r["published_on"] or None)
                  for r in read_csv(exported / "v_reports.csv")) == iso
    assert sorted((r["report_id"], r["published_on"])
                  for r in read_jsonl(exported / "v_reports.jsonl")) == iso


def test_null_is_an_empty_csv_field_and_json_null(seeded_engine: Engine,
                                                  exported: Path) -> None:
    with seeded_engine.connect() as conn:
        top = {i for i, parent in fetch(conn, "v_findings", "finding_id, parent_id") if parent is None}
    assert top
    csv_rows = {int(r["finding_id"]): r for r in read_csv(exported / "v_findings.csv")}
    json_rows = {r["finding_id"]: r for r in read_jsonl(exported / "v_findings.jsonl")}
    assert all(csv_rows[i]["parent_id"] == "" and json_rows[i]["parent_id"] is None for i in top)


def test_an_existing_file_is_replaced_by_a_new_one(seeded_engine: Engine, tmp_path: Path) -> None:
    stale = tmp_path / "v_reports.csv"
    stale.write_text("stale\n")
    inode = stale.stat().st_ino
    result = xunshi(seeded_engine, "export", str(tmp_path), "--view", "v_reports")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"exported 1 view, 5 rows, to {tmp_path} (csv)"
    assert stale.read_text("utf-8").startswith("report_id,")
    assert stale.stat().st_ino != inode  # renamed over, never rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage.json", "v_reports.csv"]


def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_part(tmp_path: Path) -> None:
    path = tmp_path / "v_reports.csv"
    path.write_text("complete\n")
    with pytest.raises(KeyboardInterrupt), atomic_file(path) as f:
        f.write(b"half a fi")
        raise KeyboardInterrupt
    assert path.read_text() == "complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["v_reports.csv"]


def test_library_exports_chosen_views_with_their_counts(seeded_engine: Engine,
                                                        tmp_path: Path) -> None:
    seen = []
    files = export_views(seeded_engine, tmp_path, Format.JSONL, ["v_reports", "v_clues"],
                         on_file=seen.append)
    assert [(f.view, f.path) for f in files] == [
        ("v_clues", tmp_path / "v_clues.jsonl"), ("v_reports", tmp_path / "v_reports.jsonl")]
    assert seen == files
    assert files[1].rows == 5 == len(read_jsonl(tmp_path / "v_reports.jsonl"))


def test_bom_for_excel(seeded_engine: Engine, tmp_path: Path) -> None:
    result = xunshi(seeded_engine, "export", str(tmp_path), "--view", "v_reports", "--bom")
    assert result.exit_code == 0, result.output
    data = (tmp_path / "v_reports.csv").read_bytes()
    assert data.startswith("\ufeffreport_id,".encode())
    assert data.decode("utf-8-sig") == (tmp_path / "v_reports.csv").read_text("utf-8-sig")
    with pytest.raises(ExportError, match="BOM is for CSV only"):
        export_views(seeded_engine, tmp_path, Format.JSONL, bom=True)


def test_clear_errors(seeded_engine: Engine, tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    result = xunshi(seeded_engine, "export", str(a_file))
    assert result.exit_code == 1 and result.stderr == f"Error: {a_file}: not a directory\n"
    result = xunshi(seeded_engine, "export", str(a_file / "below"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {a_file / 'below'}: cannot create it: ")
    result = xunshi(seeded_engine, "export", str(tmp_path / "out"), "--view", "reports")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown view reports (the analyst views: v_clues, ")
    assert not (tmp_path / "out").exists()


def test_a_database_without_views_is_a_clear_error(database_url: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--database-url", database_url, "export", str(tmp_path)])
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "the database is empty: load reports first" in result.stderr
    empty = create_engine(database_url)
    try:
        with pytest.raises(ExportError, match=r"^no analyst views \(v_\*\) in the database: "):
            export_views(empty, tmp_path, Format.CSV)
    finally:
        empty.dispose()


def kinds(engine: Engine) -> dict[str, dict[str, Kind]]:
    with engine.connect() as conn:
        return {v.name: {c.name: kind(c) for c in v.columns} for v in catalog.views(conn, "v_")}


def same(value: object) -> object:
    """One spelling of a value: numbers as floats, times in UTC."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime) and value.tzinfo:
        return value.astimezone(dt.timezone.utc)
    return value


def counted(rows: list[tuple]) -> Counter:
    """Rows counted by value: files keep no order."""
    return Counter(repr(tuple(same(v) for v in row)) for row in rows)


def database_rows(engine: Engine, view: str) -> Counter:
    with engine.connect() as conn:
        return counted(fetch(conn, view))


PANDAS = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string",
          "array": "string"}


def read_csv_with_pandas(directory: Path, resource: dict) -> pd.DataFrame:
    """As docs/export.md reads a CSV: dtypes from datapackage.json, arrays parsed as JSON."""
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(directory / resource["path"],
                        dtype={f["name"]: PANDAS[f["type"]] for f in fields if f["type"] in PANDAS},
                        parse_dates=[f["name"] for f in fields if f["type"] in ("date", "datetime")])
    for f in fields:
        if f["type"] == "array":
            frame[f["name"]] = frame[f["name"]].map(json.loads, na_action="ignore")
    return frame


def plain(value: object, kind_: Kind) -> object:
    """A pandas cell as the Python value psycopg gives for the same column."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if kind_ is Kind.DATE else value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def test_csv_reads_back_in_pandas_typed_with_nulls(seeded_engine: Engine, exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text("utf-8"))
    by_view = kinds(seeded_engine)
    assert [r["name"] for r in package["resources"]] == sorted(by_view)
    for resource in package["resources"]:
        view = resource["name"]
        frame = read_csv_with_pandas(exported, resource)
        columns = by_view[view]
        assert [f["type"] for f in resource["schema"]["fields"]] == list(columns.values())
        rows = [tuple(plain(v, k) for v, k in zip(row, columns.values()))
                for row in frame.itertuples(index=False)]
        assert counted(rows) == database_rows(seeded_engine, view), view
    [resource] = [r for r in package["resources"] if r["name"] == "v_reports"]
    reports = read_csv_with_pandas(exported, resource)
    assert str(reports["jurisdiction_code"].dtype) == "string"  # digits, yet a code: not a number


def test_csv_writes_booleans_and_arrays_as_words_and_json(exported: Path) -> None:
    figures = read_csv(exported / "v_figures.csv")
    assert {r["approximate"] for r in figures} <= {"true", "false"}
    organizations = read_csv(exported / "v_organizations.csv")
    assert all(json.loads(r["aliases"]) for r in organizations)


def test_datapackage_is_valid_and_describes_every_column(exported: Path) -> None:
    report = frictionless.validate(exported / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    package = json.loads((exported / "datapackage.json").read_text("utf-8"))
    assert all(r["description"] and all(f["description"] for f in r["schema"]["fields"])
               for r in package["resources"])


def sqlite_value(value: object, kind_: Kind) -> object:
    """A database value as the SQLite export stores it."""
    if value is None:
        return None
    if kind_ is Kind.BOOLEAN:
        return int(value)
    if kind_ is Kind.DATE:
        return value.isoformat()
    if kind_ is Kind.DATETIME:
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value  # an array stays a list: compared with the JSON text parsed


def test_sqlite_tables_are_typed_with_nulls(seeded_engine: Engine, exported: Path) -> None:
    declared = {Kind.INTEGER: "INTEGER", Kind.NUMBER: "REAL", Kind.BOOLEAN: "INTEGER"}
    db = sqlite3.connect(exported / "xunshi.db")
    try:
        for view, columns in kinds(seeded_engine).items():
            info = [(name, type_) for _, name, type_, *_ in db.execute(f"PRAGMA table_info({view})")]
            assert info == [(c, declared.get(k, "TEXT")) for c, k in columns.items()], view
            with seeded_engine.connect() as conn:
                expected = [tuple(sqlite_value(v, k) for v, k in zip(row, columns.values()))
                            for row in fetch(conn, view)]
            stored = [tuple(json.loads(v) if k is Kind.ARRAY and v else v
                            for v, k in zip(row, columns.values()))
                      for row in db.execute(f"SELECT * FROM {view}")]
            assert counted(stored) == counted(expected), view
        assert pd.read_sql("SELECT * FROM v_findings", db)["parent_id"].isna().any()
    finally:
        db.close()


def test_datasette_serves_the_sqlite_export_with_the_descriptions(exported: Path) -> None:
    async def get(path: str) -> tuple[int, str]:
        datasette = Datasette([str(exported / "xunshi.db")],
                              metadata=json.loads((exported / "metadata.json").read_text("utf-8")))
        response = await datasette.client.get(path)
        return response.status_code, response.text

    status, page = asyncio.run(get("/xunshi/v_reports"))
    assert status == 200
    assert "Analyst view" in page and '<dl class="column-descriptions">' in page
    status, body = asyncio.run(get("/xunshi/v_findings.json?_shape=array&_size=max"))
    rows = json.loads(body)
    db = sqlite3.connect(exported / "xunshi.db")
    try:
        assert counted([tuple(r.values())[1:] for r in rows]) == counted(  # [0] is Datasette's rowid
            db.execute("SELECT * FROM v_findings").fetchall())
    finally:
        db.close()
    assert any(r["parent_id"] is None for r in rows)


def test_parquet_files_keep_the_types_and_nulls(seeded_engine: Engine, exported: Path) -> None:
    for view in kinds(seeded_engine):
        table = pq.read_table(exported / f"{view}.parquet")
        rows = [tuple(r.values()) for r in table.to_pylist()]
        assert counted(rows) == database_rows(seeded_engine, view), view
    frame = pd.read_parquet(exported / "v_organizations.parquet", dtype_backend="numpy_nullable")
    assert str(frame["organization_id"].dtype) == "Int64"
    assert list(frame["aliases"][0])


def test_parquet_without_pyarrow_says_what_to_install(seeded_engine: Engine, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    result = xunshi(seeded_engine, "export", str(tmp_path), "--format", "parquet")
    assert result.exit_code == 1
    assert "pip install 'xunshi[parquet]'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_sqlite_export_is_replaced_whole(seeded_engine: Engine, tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "xunshi.db")
    old.execute("CREATE TABLE stale (x)")
    old.commit()
    old.close()
    export_views(seeded_engine, tmp_path, Format.SQLITE, ["v_reports"])
    db = sqlite3.connect(tmp_path / "xunshi.db")
    try:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        db.close()
    assert tables == ["v_reports"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metadata.json", "xunshi.db"]
