"""One benchmark run: corpus, parse, load, COPY ceiling, reparse, search; one record of it all."""
from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from collections.abc import Callable
from pathlib import Path

from . import corpus, measure, startup
from .database import fresh_database
from .report import Record

WORK = corpus.ROOT / "benchmarks" / "work"
COMPARED = ("findings", "measures", "contacts")
"""What the generated reports must yield about as much of as the samples (within a factor 2)."""


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(corpus.ROOT), *args], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def _cpu() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def machine(postgresql: str) -> Record:
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cores": os.cpu_count(), "ram_gb": ram / 2**30, "cpu": _cpu(),
            "python": platform.python_version(), "postgresql": postgresql,
            "os": platform.platform()}


def _comparable(seeds: Record, generated: Record) -> str:
    off = [k for k in COMPARED if not 0.5 <= generated[k] / seeds[k] <= 2]
    return f"{', '.join(off)} off by more than a factor 2" if off else (
        f"{', '.join(COMPARED)} within a factor 2 of the samples")


def run(n: int, database_url: str | None = None, work: Path = WORK,
        say: Callable[[str], None] = print) -> Record:
    """Measure everything on a corpus of n reports; `say` reports progress as figures come in."""
    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    work.mkdir(parents=True, exist_ok=True)
    say(f"corpus: {n} reports (generator v{corpus.GENERATOR_VERSION}) …")
    directory = corpus.ensure_corpus(work, n)
    files = sorted(directory.glob("*.txt"))
    say(f"corpus: {directory}")

    one, generated = measure.parse_one_process(files)
    say(f"parse, 1 process: {one['mb_per_s']:.2f} MB/s")
    seeds = measure.seed_averages()
    say(f"corpus check, means per report: samples {seeds}")
    say(f"                                generated {generated}")
    every = measure.parse_all_cores(files, one["mb_per_s"])
    say(f"parse, {every['processes']} processes: {every['mb_per_s']:.2f} MB/s")

    run_dir = work / f"run-{started:%Y%m%dT%H%M%S}"
    run_dir.mkdir(exist_ok=True)
    cold = startup.cold_start(files[0], dict(os.environ))
    say(f"cold start: {cold['seconds']:.2f} s, raw initdb + start {cold['baseline_seconds']:.2f} s")
    with fresh_database(database_url) as db:
        say(f"database: PostgreSQL {db.version} ({db.kind})")
        load = measure.load(directory, db.env, db.url, run_dir, one["mb_per_s"])
        say(f"load: {load['reports']} reports in {load['seconds']:.1f} s, {load['rows']:,} rows, "
            f"peak memory {load['peak_tree_rss_mb']:.0f} MB (process tree)")
        cli = startup.cli_startup(db.env)
        say(f"start-up: --help {cli['help_seconds']:.2f} s, search {cli['search_seconds']:.2f} s, "
            f"python -c pass {cli['baseline_seconds']:.2f} s")
        rss = measure.rss_baseline(files[0], db.env, run_dir)
        ceiling = measure.copy_ceiling(db.url, run_dir)
        say(f"COPY of the same {ceiling['rows']:,} rows: {ceiling['rows_per_s']:,.0f} rows/s")
        reparse = measure.reparse(db.env, run_dir, load["seconds"])
        say(f"reparse --all: {reparse['seconds']:.1f} s" if "seconds" in reparse
            else f"reparse --all: {reparse['status']}: {reparse['detail']}")
        search = measure.search(db.url)  # last: it adds copies of findings
        say(f"search: p50 {search['p50_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms" if "p95_ms" in search
            else f"search: {search['status']}: {search['detail']}")
    return {
        "started_at": started.isoformat().replace("+00:00", "Z"),
        "commit": _git("rev-parse", "--short", "HEAD") or "unknown",
        "dirty": bool(_git("status", "--porcelain", "--", ".", ":!benchmarks/results")),
        "machine": machine(db.version),
        "database": db.kind,
        "corpus": {"n": n, "generator_version": corpus.GENERATOR_VERSION, "mb": one["mb"],
                   "seeds": seeds, "generated": generated, "comparable": _comparable(seeds, generated)},
        "parse_one_process": one,
        "parse_all_cores": every,
        "load": load,
        "rss_baseline": rss,
        "copy_ceiling": ceiling,
        "reparse": reparse,
        "search": search,
        "cold_start": cold,
        "cli_startup": cli,
    }
