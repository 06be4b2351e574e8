"""`xunshi export`: one complete file per analyst view, readable without SQL.

The files are checked against the database itself (counts, columns, values), through the CLI as
a user runs it and through the library.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from psycopg import sql
from sqlalchemy import Connection, Engine, create_engine

from xunshi.atomic import atomic_file
from xunshi.cli import main
from xunshi.export import ExportError, Format, export_views
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
    """Both formats of every view, written once by the CLI into a folder it creates."""
    out = tmp_path_factory.mktemp("export") / "new" / "folder"
    for fmt in Format:
        result = xunshi(seeded_engine, "export", str(out), "--format", fmt.value)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[-1].startswith(f"exported {len(views(seeded_engine))} views, ")
        assert all(line.endswith(f".{fmt.value}") for line in lines[:-1])
    return out


def test_every_analyst_view_gets_a_file_and_nothing_else(seeded_engine: Engine,
                                                          exported: Path) -> None:
    names = views(seeded_engine)
    assert {"v_reports", "v_inspections", "v_findings", "v_measures", "v_clues",
            "v_contacts"} <= set(names)
    expected = {f"{v}.{fmt}" for v in names for fmt in ("csv", "jsonl")}
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
    assert [p.name for p in tmp_path.iterdir()] == ["v_reports.csv"]


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
