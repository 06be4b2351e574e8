"""The benchmark harness (benchmarks/, outside the package) runs end to end on a tiny corpus.

Only that it works and writes every figure is checked, never how fast anything is: timings on
shared machines would make the suite flaky.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks import corpus

ROOT = Path(__file__).resolve().parents[1]

FIGURES = {
    "parse_one_process": {"mb_per_s", "baseline_mb_per_s", "ratio"},
    "parse_all_cores": {"processes", "mb_per_s", "per_core_mb_per_s", "ratio"},
    "load": {"reports", "failed", "seconds", "reports_per_s", "mb_per_s", "rows", "rows_per_s",
             "peak_rss_mb", "peak_tree_rss_mb", "ratio"},
    "rss_baseline": {"peak_rss_mb"},
    "cold_start": {"seconds", "baseline_seconds", "ratio"},
    "cli_startup": {"help_seconds", "search_seconds", "baseline_seconds"},
    "copy_ceiling": {"rows", "seconds", "rows_per_s", "tables"},
    "reparse": {"status"},
    "search": {"status"},
    "machine": {"cores", "ram_gb", "cpu", "python", "postgresql"},
    "corpus": {"n", "generator_version", "mb", "seeds", "generated", "comparable"},
}


def _files(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.glob("*.txt"))]


def test_the_same_n_gives_the_same_files_and_a_larger_corpus_begins_alike(tmp_path: Path) -> None:
    small, again = corpus.ensure_corpus(tmp_path / "a", 8), corpus.ensure_corpus(tmp_path / "b", 8)
    larger = corpus.ensure_corpus(tmp_path / "b", 12)
    assert _files(small) == _files(again) == _files(larger)[:8]
    assert len(set(_files(larger))) == 12


def test_a_run_writes_a_complete_record_and_the_table(database_url: str, tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text((ROOT / "docs" / "performance.md").read_text("utf-8"), "utf-8")
    results = tmp_path / "results"
    run = subprocess.run([sys.executable, "-m", "benchmarks", "run", "--n", "20",
                          "--database-url", database_url, "--work", str(tmp_path / "work"),
                          "--results", str(results), "--doc", str(doc)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr

    [path] = results.glob("*.json")
    record = json.loads(path.read_text("utf-8"))
    for part, keys in FIGURES.items():
        assert keys <= record[part].keys(), part
    assert record["commit"] and record["started_at"]
    assert record["load"]["reports"] == 20 and record["load"]["failed"] == 0
    assert record["copy_ceiling"]["rows"] == record["load"]["rows"]
    assert record["load"]["peak_tree_rss_mb"] >= record["load"]["peak_rss_mb"] * 0.5  # sampled
    for row in ("Cold start: first `xunshi load` of one report, empty home", "`xunshi --help`",
                "`xunshi search` (a word, loaded database)"):
        assert f"| {row} |" in doc.read_text("utf-8"), row
    table = doc.read_text("utf-8")
    assert "No run yet." not in table
    for measure in ("Parse, 1 process", "`xunshi load`", "Load, database rows/s",
                    "Peak RSS of the loader", "Search p50 / p95", "`xunshi reparse --all`"):
        assert f"| {measure} |" in table
    search = record["search"]
    assert search["status"] == "measured"
    assert {"p50_ms", "p95_ms", "gin_count_p50_ms", "gin_count_p95_ms"} <= search.keys()
    assert {"p50_ms", "p95_ms", "mean_matches", "baseline_p95_ms"} <= search["common"].keys()
    assert "| Search p50 / p95, common words |" in table
