"""The measurements. Each returns plain numbers (JSON-ready) next to a baseline taken in the same
run, because these machines are shared and noisy: only ratios compare across runs.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from graphlib import TopologicalSorter
from multiprocessing import Pool
from pathlib import Path
from typing import Any, NoReturn

import psutil
import psycopg
from psycopg import sql

from xunshi import sources
from xunshi.parse import parse
from xunshi.store.rows import report_rows

from .corpus import SEEDS

Result = dict[str, Any]
MB = 1e6

# --- parsing -------------------------------------------------------------------------------------

COUNTS = ("inspections", "findings", "measures", "clues", "contacts")


def parse_file(path: Path) -> tuple[int, dict[str, int]]:
    """Read, extract and parse one report and cut its search words, as the loader's workers
    do (the target counts segmentation as parsing); its size and what was found."""
    source = sources.read(path)
    extracted = sources.extract(source)
    doc = parse(extracted.text)
    report_rows(source.name, source.sha256, extracted.text, extracted.encoding, doc)
    found = doc.all_findings()
    counts = {"inspections": len(doc.inspections), "findings": len(found),
              "measures": sum(len(f.measures) for f in found), "clues": len(doc.clues),
              "contacts": len(doc.contacts), "feedback": doc.doc_type == "feedback"}
    return len(source.data), counts


_MARKER = re.compile(r"[一二三四五六七八九十]+、|\(\d+\)|\d+\.")


def scan_file(path: Path) -> tuple[int, dict[str, int]]:
    """The baseline: the least a parser must do, reading, decoding and matching every line once."""
    data = path.read_bytes()
    lines = data.decode("utf-8-sig").splitlines()
    return len(data), {"markers": sum(1 for line in lines if _MARKER.match(line))}


def averages(counts: Sequence[dict[str, int]], sizes: Sequence[int]) -> Result:
    """Per-report means: what the corpus check compares between the samples and the corpus."""
    out: Result = {"reports": len(counts), "mean_kb": round(statistics.mean(sizes) / 1000, 1)}
    for key in (*COUNTS, "feedback"):
        out[key] = round(statistics.mean(c[key] for c in counts), 2)
    return out


def seed_averages() -> Result:
    sizes, counts = zip(*map(parse_file, sorted(SEEDS.glob("*.txt"))))
    return averages(counts, sizes)


def _timed(fn: Any, files: Iterable[Path]) -> tuple[float, list[int], list[dict[str, int]]]:
    start = time.perf_counter()
    results = [fn(f) for f in files]
    seconds = time.perf_counter() - start
    return seconds, [r[0] for r in results], [r[1] for r in results]


def parse_one_process(files: list[Path]) -> tuple[Result, Result]:
    """Parse MB/s in this process, against a splitlines + regex pass over the same bytes; and
    the means of what the parser found per report."""
    seconds, sizes, counts = _timed(parse_file, files)
    base_seconds, _, _ = _timed(scan_file, files)
    mb = sum(sizes) / MB
    result = {"mb": round(mb, 2), "seconds": round(seconds, 2), "mb_per_s": mb / seconds,
              "baseline": "read + UTF-8 decode + splitlines + one regex match per line",
              "baseline_mb_per_s": mb / base_seconds, "ratio": base_seconds / seconds}
    return result, averages(counts, sizes)


def _warm(_: int) -> None:
    """Load the parser's lazy tables in a worker before the clock starts."""
    parse_file(next(SEEDS.glob("*.txt")))


def parse_all_cores(files: list[Path], one_process_mb_per_s: float) -> Result:
    """Parse MB/s with a process per core, against the single process measured just before."""
    processes = os.cpu_count() or 1
    with Pool(processes) as pool:
        pool.map(_warm, range(processes))
        start = time.perf_counter()
        mb = sum(size for size, _ in pool.imap_unordered(parse_file, files, chunksize=4)) / MB
        seconds = time.perf_counter() - start
    mb_per_s = mb / seconds
    return {"processes": processes, "seconds": round(seconds, 2), "mb_per_s": mb_per_s,
            "per_core_mb_per_s": mb_per_s / processes, "baseline": "parse, 1 process",
            "baseline_mb_per_s": one_process_mb_per_s, "ratio": mb_per_s / one_process_mb_per_s}


# --- the loader, as a user runs it ---------------------------------------------------------------

TREE_POLL = 0.05
"""Seconds between samples of the process tree's memory."""


def _tree_rss(root: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants now (ones that just ended: 0)."""
    total = 0
    try:
        tree = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in tree:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _sample_tree(root: psutil.Process, peak: list[int], done: threading.Event) -> None:
    """The largest sum of the tree's resident sets, sampled until `done`: what the machine
    must hold at once (workers and writer together), which no one process's peak shows."""
    while not done.wait(TREE_POLL):
        peak[0] = max(peak[0], _tree_rss(root))


def run_xunshi(args: Sequence[str], env: dict[str, str], log: Path) -> Result:
    """Run the real `xunshi` CLI; its wall time, peak RSS (its own or a waited-for child's)
    and the peak of its whole process tree's RSS, sampled."""
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "xunshi", *args], env=env, stdout=out,
                                stderr=subprocess.STDOUT)
        peak, done = [0], threading.Event()
        # not reaped before wait4 below: the process exists for psutil, a zombie at worst
        sampler = threading.Thread(target=_sample_tree, args=(psutil.Process(proc.pid), peak, done))
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not the harness's
        finally:
            done.set()
            sampler.join()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return {"seconds": seconds, "exit_code": proc.returncode,
            "peak_rss_mb": usage.ru_maxrss * scale / MB, "peak_tree_rss_mb": peak[0] / MB}


def _fail(what: str, run: Result, log: Path) -> NoReturn:
    tail = log.read_text("utf-8", errors="replace").strip().splitlines()[-3:]
    raise RuntimeError(f"{what} exited with {run['exit_code']} (log {log}): {' / '.join(tail)}")


def load(corpus: Path, env: dict[str, str], url: str, work: Path, parse_mb_per_s: float) -> Result:
    """`xunshi load` of the whole corpus into an empty database: reports/s, MB/s, rows, RSS."""
    log = work / "load.log"
    run = run_xunshi(["load", str(corpus)], env, log)
    if run["exit_code"] not in (0, 1):  # 1: some files failed, counted below
        _fail("xunshi load", run, log)
    with psycopg.connect(url) as conn:
        loaded, failed = conn.execute(
            "SELECT (SELECT count(*) FROM reports),"
            " (SELECT count(*) FROM xunshi_internal.load_errors)").fetchone()
        rows = sum(row_counts(conn).values())
    mb = sum(f.stat().st_size for f in corpus.glob("*.txt")) / MB
    seconds = run["seconds"]
    return {"reports": loaded, "failed": failed, "seconds": round(seconds, 2),
            "reports_per_s": loaded / seconds, "mb_per_s": mb / seconds, "rows": rows,
            "rows_per_s": rows / seconds, "peak_rss_mb": run["peak_rss_mb"],
            "peak_tree_rss_mb": run["peak_tree_rss_mb"],
            "baseline": "parse, 1 process", "baseline_mb_per_s": parse_mb_per_s,
            "ratio": mb / seconds / parse_mb_per_s}


def rss_baseline(report: Path, env: dict[str, str], work: Path) -> Result:
    """What any xunshi process costs: `xunshi parse` of one report."""
    log = work / "parse.log"
    run = run_xunshi(["parse", str(report)], env, log)
    if run["exit_code"]:
        _fail("xunshi parse", run, log)
    return {"command": "xunshi parse (one report)", "peak_rss_mb": run["peak_rss_mb"]}


def reparse(env: dict[str, str], work: Path, load_seconds: float) -> Result:
    """`xunshi reparse --all` over the loaded corpus, against the load's own time."""
    log = work / "reparse.log"
    if run_xunshi(["reparse", "--help"], env, log)["exit_code"]:
        return not_available("`xunshi reparse` does not exist yet")
    run = run_xunshi(["reparse", "--all"], env, log)
    if run["exit_code"]:
        _fail("xunshi reparse --all", run, log)
    return {"status": "measured", "seconds": round(run["seconds"], 2), "baseline": "load",
            "baseline_seconds": round(load_seconds, 2), "ratio": run["seconds"] / load_seconds,
            "peak_rss_mb": run["peak_rss_mb"]}


def not_available(why: str) -> Result:
    return {"status": "not available yet", "detail": why}


# --- the database's own ceiling ------------------------------------------------------------------

def tables(conn: psycopg.Connection) -> list[str]:
    """The schema's tables, every table after the tables it references."""
    names = [r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'alembic_version'")]
    graph: dict[str, set[str]] = {name: set() for name in names}
    for child, parent in conn.execute(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"):
        if child != parent and child in graph:
            graph[child].add(parent)
    return list(TopologicalSorter(graph).static_order())


def row_counts(conn: psycopg.Connection) -> dict[str, int]:
    return {t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
            for t in tables(conn)}


def _columns(conn: psycopg.Connection, table: str, skip: Iterable[str] = ()) -> sql.Composed:
    """The columns COPY and INSERT may write: not generated ones."""
    names = [r[0] for r in conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
        "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", (table,)) if r[0] not in skip]
    return sql.SQL(", ").join(map(sql.Identifier, names))


def copy_ceiling(url: str, work: Path) -> Result:
    """The rows the loader wrote, dumped, truncated and COPYed back into the same tables."""
    dump = work / "copy"
    dump.mkdir(exist_ok=True)
    with psycopg.connect(url) as conn:
        counts = row_counts(conn)
        statements = {}
        for table in counts:
            target = sql.SQL("{} ({})").format(sql.Identifier(table), _columns(conn, table))
            statements[table] = sql.SQL("COPY {} FROM STDIN (FORMAT binary)").format(target)
            with (dump / table).open("wb") as f, conn.cursor().copy(
                    sql.SQL("COPY {} TO STDOUT (FORMAT binary)").format(target)) as copy:
                for block in copy:
                    f.write(block)
        conn.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(", ").join(map(sql.Identifier, counts))))
        conn.commit()
        start = time.perf_counter()
        per_table = {}
        for table, statement in statements.items():
            table_start = time.perf_counter()
            with (dump / table).open("rb") as f, conn.cursor().copy(statement) as copy:
                while block := f.read(1 << 20):
                    copy.write(block)
            per_table[table] = {"rows": counts[table],
                                "seconds": round(time.perf_counter() - table_start, 3)}
        conn.commit()
        seconds = time.perf_counter() - start
    shutil.rmtree(dump)
    rows = sum(counts.values())
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": rows / seconds,
            "tables": per_table}


# --- search --------------------------------------------------------------------------------------

MIN_FINDINGS = 100_000
SEARCH_ROUNDS = 5
# Queries as search_findings takes them, already cut into words: themes every report touches.
QUERIES = ("民主集中制", "党风 廉政", "选人用人", "财务 管理", "扫黑 除恶", "意识形态", "三会一课",
           "形式主义", "公务 接待", "津补贴", "主体 责任", "谈心 谈话", "问题 线索", "警示 教育",
           "巡察 整改", "干部 选拔", "信访", "网格", "专项 资金", "学习 心得")
# Words most findings or their measures contain: latency must not follow the number of matches.
COMMON_QUERIES = ("落实", "问题", "整改", "加强", "工作", "制度", "责任", "落实 -形式主义",
                  "整改 or 落实", "管理")


def _latencies(conn: psycopg.Connection, query: str, params: Iterable[tuple[Any, ...]]) -> list[float]:
    out = []
    for p in params:
        start = time.perf_counter()
        conn.execute(query, p).fetchall()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _percentiles(ms: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(ms, n=100)
    return cuts[49], cuts[94]


def _grow_findings(conn: psycopg.Connection, at_least: int) -> int:
    """Copies of the loaded findings (as top-level findings) until there are `at_least`."""
    total = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    copies = math.ceil(at_least / total) - 1
    if copies > 0:
        columns = _columns(conn, "findings", skip=("id", "parent_id"))
        copy = "INSERT INTO findings ({c}) SELECT {c} FROM findings, generate_series(1, %s)"
        conn.execute(sql.SQL(copy).format(c=columns), (copies,))
        conn.execute("ANALYZE findings")
        conn.commit()
    return total * (copies + 1)


def _gin_counts(conn: psycopg.Connection, rounds: list[tuple[str]]) -> list[float]:
    """The anchor: counting the matches through the GIN index alone, no ranking, no text."""
    return _latencies(conn, "SELECT count(*) FROM findings WHERE search_vector @@ "
                      "websearch_to_tsquery('simple', lower(%s))", rounds)


def _common_words(conn: psycopg.Connection) -> Result:
    """search_findings p50/p95 for words nearly every finding has, beside the GIN count."""
    rounds = [(q,) for _ in range(SEARCH_ROUNDS) for q in COMMON_QUERIES]
    _latencies(conn, "SELECT * FROM search_findings(%s, 20)", rounds[: len(COMMON_QUERIES)])
    ms = _latencies(conn, "SELECT * FROM search_findings(%s, 20)", rounds)
    gin = _gin_counts(conn, rounds)
    matches = [conn.execute("SELECT count(*) FROM findings WHERE search_vector @@ "
                            "websearch_to_tsquery('simple', lower(%s))", (q,)).fetchone()[0]
               for q in COMMON_QUERIES]
    p50, p95 = _percentiles(ms)
    gin50, gin95 = _percentiles(gin)
    return {"queries": len(ms), "mean_matches": statistics.mean(matches), "p50_ms": p50,
            "p95_ms": p95, "baseline": "GIN @@ count of the same queries",
            "baseline_p50_ms": gin50, "baseline_p95_ms": gin95, "ratio": p95 / gin95}


def search(url: str) -> Result:
    """search_findings p50/p95 over ≥ 100,000 findings, against a LIKE scan of the same text
    and a GIN `@@` count; then the same for common words with many matches."""
    with psycopg.connect(url) as conn:
        if not conn.execute("SELECT 1 FROM pg_proc WHERE proname = 'search_findings'").fetchone():
            return not_available("no search_findings function in the database")
        if not conn.execute("SELECT count(search_vector) FROM findings").fetchone()[0]:
            return not_available("the loader wrote no search vectors")
        findings = _grow_findings(conn, MIN_FINDINGS)
        rounds = [(q,) for _ in range(SEARCH_ROUNDS) for q in QUERIES]
        _latencies(conn, "SELECT * FROM search_findings(%s, 20)", rounds[: len(QUERIES)])  # warm
        ms = _latencies(conn, "SELECT * FROM search_findings(%s, 20)", rounds)
        like = [("%" + q.replace(" ", "%") + "%",) for (q,) in rounds]
        base = _latencies(conn, "SELECT id FROM findings WHERE concat_ws(' ', title, description, "
                          "recommendation) LIKE %s LIMIT 20", like)
        gin50, gin95 = _percentiles(_gin_counts(conn, rounds))
        common = _common_words(conn)
    p50, p95 = _percentiles(ms)
    base50, base95 = _percentiles(base)
    return {"status": "measured", "findings": findings, "queries": len(ms), "p50_ms": p50,
            "p95_ms": p95, "baseline": "LIKE '%…%' over title, description, recommendation",
            "baseline_p50_ms": base50, "baseline_p95_ms": base95, "ratio": p95 / base95,
            "gin_count_p50_ms": gin50, "gin_count_p95_ms": gin95, "common": common}
