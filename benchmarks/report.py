"""Results on disk and as a table: one JSON record per run, the latest one in docs/performance.md."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .corpus import ROOT

RESULTS = ROOT / "benchmarks" / "results"
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- results: begin (written by python -m benchmarks) -->", "<!-- results: end -->"

Record = dict[str, Any]

# The targets for this 2-core class of machine.
PARSE_MB_PER_S_PER_CORE = 5.0
LOAD_SHARE_OF_COPY = 0.5
REPORTS_IN_60_S = 10_000
LOADER_RSS_MB = 500.0
SEARCH_P95_MS = 50.0
COLD_START_OF_RAW = 2.0  # the first load into an empty home, against initdb + start
HELP_SECONDS = 0.3
SEARCH_COMMAND_SECONDS = 0.4


def write(record: Record, results: Path = RESULTS) -> Path:
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{record['started_at'].replace(':', '')}-{record['commit']}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path


def latest(results: Path = RESULTS) -> Record:
    """The newest record: file names start with the run's UTC time, so they sort by it."""
    files = sorted(results.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no results in {results}: run `python -m benchmarks run` first")
    return json.loads(files[-1].read_text("utf-8"))


def _reached(ok: bool) -> str:
    return "**yes**" if ok else "no"


def _n(x: float) -> str:
    return f"{x:,.0f}"


def rows(r: Record) -> list[tuple[str, str, str, str, str, str]]:
    """(measure, this run, baseline, ratio, target, reached) for every figure of a record."""
    one, every, load, copy, rss = (r["parse_one_process"], r["parse_all_cores"], r["load"],
                                   r["copy_ceiling"], r["rss_baseline"])
    target_parse = f"≥ {PARSE_MB_PER_S_PER_CORE:g} MB/s per core"
    ten_k = REPORTS_IN_60_S / load["reports_per_s"]
    measured_10k = r["corpus"]["n"] >= REPORTS_IN_60_S
    copy_share = load["rows_per_s"] / copy["rows_per_s"]
    out = [
        ("Parse, 1 process", f"{one['mb_per_s']:.2f} MB/s",
         f"splitlines + regex: {one['baseline_mb_per_s']:.0f} MB/s", f"{one['ratio']:.1%}",
         target_parse, _reached(one["mb_per_s"] >= PARSE_MB_PER_S_PER_CORE)),
        (f"Parse, {every['processes']} processes", f"{every['mb_per_s']:.2f} MB/s "
         f"({every['per_core_mb_per_s']:.2f} per core)", f"1 process: {one['mb_per_s']:.2f} MB/s",
         f"{every['ratio']:.2f}×", target_parse,
         _reached(every["per_core_mb_per_s"] >= PARSE_MB_PER_S_PER_CORE)),
        ("`xunshi load`", f"{load['reports_per_s']:.1f} reports/s, {load['mb_per_s']:.2f} MB/s",
         f"parse, 1 process: {one['mb_per_s']:.2f} MB/s", f"{load['ratio']:.2f}×",
         f"{REPORTS_IN_60_S:,} reports ≤ 60 s",
         f"{_reached(ten_k <= 60)} ({_n(ten_k)} s{'' if measured_10k else ' projected'})"),
        ("Load, database rows/s", f"{_n(load['rows_per_s'])} rows/s",
         f"`COPY` of the same rows: {_n(copy['rows_per_s'])} rows/s", f"{copy_share:.1%}",
         f"≥ {LOAD_SHARE_OF_COPY:.0%} of `COPY`", _reached(copy_share >= LOAD_SHARE_OF_COPY)),
        _memory_row(load, rss),
    ]
    s = r["search"]
    target_search = f"p95 ≤ {SEARCH_P95_MS:g} ms at ≥ 100,000 findings"
    if s["status"] == "measured":
        out.append(("Search p50 / p95",
                    f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms ({_n(s['findings'])} findings)",
                    f"`LIKE` scan: {s['baseline_p50_ms']:.1f} / {s['baseline_p95_ms']:.1f} ms",
                    f"{s['ratio']:.2f}×", target_search,
                    _reached(s["p95_ms"] <= SEARCH_P95_MS and s["findings"] >= 100_000)))
        if "common" in s:  # records before the common-word set have none
            c = s["common"]
            out.append(("Search p50 / p95, common words",
                        f"{c['p50_ms']:.1f} / {c['p95_ms']:.1f} ms "
                        f"({_n(c['mean_matches'])} matches on average)",
                        f"GIN `@@` count: {c['baseline_p50_ms']:.1f} / "
                        f"{c['baseline_p95_ms']:.1f} ms", f"{c['ratio']:.2f}×", target_search,
                        _reached(c["p95_ms"] <= SEARCH_P95_MS)))
    else:
        out.append(("Search p50 / p95", "—", "—", "—", target_search,
                    f"not available yet: {s['detail']}"))
    rp = r["reparse"]
    if rp["status"] == "measured":
        out.append(("`xunshi reparse --all`", f"{rp['seconds']:.1f} s",
                    f"load: {rp['baseline_seconds']:.1f} s", f"{rp['ratio']:.2f}×", "—", "—"))
    else:
        out.append(("`xunshi reparse --all`", "—", "—", "—", "—", f"not available yet: {rp['detail']}"))
    return out + _startup_rows(r)


def _memory_row(load: Record, rss: Record) -> tuple[str, str, str, str, str, str]:
    """The whole process tree's peak (writer and workers at once); records before it was
    measured have the largest single process only."""
    largest = load["peak_rss_mb"]
    tree = load.get("peak_tree_rss_mb")
    shown = largest if tree is None else tree
    value = (f"{largest:.0f} MB (largest process)" if tree is None
             else f"{tree:.0f} MB, whole process tree (largest process {largest:.0f} MB)")
    return ("Peak RSS of the loader", value,
            f"`xunshi parse` of one report: {rss['peak_rss_mb']:.0f} MB",
            f"{shown / rss['peak_rss_mb']:.2f}×", f"≤ {LOADER_RSS_MB:.0f} MB",
            _reached(shown <= LOADER_RSS_MB))


def _startup_rows(r: Record) -> list[tuple[str, str, str, str, str, str]]:
    """Cold start and command start-up, in records that have them."""
    out = []
    if cold := r.get("cold_start"):
        out.append(("Cold start: first `xunshi load` of one report, empty home",
                    f"{cold['seconds']:.2f} s (median of {cold['runs']})",
                    f"initdb + `pg_ctl start`, same binaries: {cold['baseline_seconds']:.2f} s",
                    f"{cold['ratio']:.1f}×", f"≤ {COLD_START_OF_RAW:g}× raw",
                    _reached(cold["ratio"] <= COLD_START_OF_RAW)))
    if cli := r.get("cli_startup"):
        base = f"`python -c pass`: {cli['baseline_seconds']:.2f} s"
        for name, key, target in (("`xunshi --help`", "help_seconds", HELP_SECONDS),
                                  ("`xunshi search` (a word, loaded database)", "search_seconds",
                                   SEARCH_COMMAND_SECONDS)):
            out.append((name, f"{cli[key]:.2f} s (median of {cli['runs']})", base,
                        f"{cli[key] / cli['baseline_seconds']:.1f}×", f"≤ {target:g} s",
                        _reached(cli[key] <= target)))
    return out


def _table(header: tuple[str, ...], body: list[tuple[Any, ...]]) -> list[str]:
    return [f"| {' | '.join(header)} |", f"|{'---|' * len(header)}",
            *(f"| {' | '.join(map(str, row))} |" for row in body)]


def markdown(r: Record) -> str:
    """The latest run: what, where, the figures against their targets, the corpus check."""
    m, c = r["machine"], r["corpus"]
    dirty = " with uncommitted changes" if r["dirty"] else ""
    lines = [
        f"Run of {r['started_at']} on commit `{r['commit']}`{dirty}: N = {c['n']:,} reports "
        f"({c['mb']:.1f} MB, corpus generator v{c['generator_version']}); {m['cores']} cores, "
        f"{m['ram_gb']:.1f} GB RAM, {m['cpu']}; Python {m['python']}; PostgreSQL {m['postgresql']} "
        f"({r['database']}).",
        "",
        *_table(("Measure", "This run", "Baseline (same run)", "Ratio", "Target", "Reached"), rows(r)),
        "",
        f"Corpus check (per report, means; the parser's reading): {c['comparable']}.",
        "",
    ]
    keys = ("reports", "mean_kb", "inspections", "findings", "measures", "clues", "contacts", "feedback")
    lines += _table(("", "reports", "size kB", "inspections", "findings", "measures", "clues",
                     "contacts", "feedback share"),
                    [(name, *(c[name][k] for k in keys)) for name in ("seeds", "generated")])
    return "\n".join(lines)


def split_doc(doc: Path) -> tuple[str, str]:
    """The doc's text before and after its generated part; checked before a run starts too."""
    text = doc.read_text("utf-8")
    if BEGIN not in text or END not in text:
        raise ValueError(f"{doc}: the markers {BEGIN!r} and {END!r} are missing")
    head, rest = text.split(BEGIN, 1)
    return head, rest.split(END, 1)[1]


def rewrite_doc(record: Record, doc: Path = DOC) -> None:
    """Replace the generated part of the doc, between its markers, with this record's table."""
    head, tail = split_doc(doc)
    doc.write_text(f"{head}{BEGIN}\n{markdown(record)}\n{END}{tail}", "utf-8")
