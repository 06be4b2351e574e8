"""What "the database is consistent" means, checked the same way by the crash, concurrency and
fuzz tests; and the `xunshi` command as a separate process, the way those tests kill and race it.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine, text

from tests.conftest import SEEDS
from xunshi.parse import Document, parse

SEED_FILES = sorted(SEEDS.glob("*.txt"))
TABLES = ("reports", "inspections", "findings", "measures", "handled_clues", "contacts",
          "organizations", "organization_aliases", "inspection_rounds", "xunshi_internal.load_errors")
CHILDREN = ("inspections", "findings", "measures", "handled_clues", "contacts")
PATIENCE = 300
"""Seconds a command may take to write, to finish or to go away: past it, a hang or a
deadlock, not slowness."""

# Each rule is a query counting the rows that break it; `x` is a report's row (report rules) or
# a row extracted from one (child rules), and {scope} narrows the query to some reports.
CHILD_RULES = {
    **{f"{t} without their report": f"""
        SELECT count(*) FROM {t} x LEFT JOIN reports r ON r.id = x.report_id
        WHERE r.id IS NULL {{scope}}""" for t in CHILDREN},
    **{f"{t} spans outside their report's text": f"""
        SELECT count(*) FROM {t} x JOIN reports r ON r.id = x.report_id
        WHERE NOT (0 <= x.span_start AND x.span_start <= x.span_end
                   AND x.span_end <= length(r.text)) {{scope}}""" for t in CHILDREN},
    "measures of another report's finding": """
        SELECT count(*) FROM measures x JOIN findings f ON f.id = x.finding_id
        WHERE f.report_id <> x.report_id {scope}""",
    "findings under another report's finding": """
        SELECT count(*) FROM findings x JOIN findings p ON p.id = x.parent_id
        WHERE p.report_id <> x.report_id {scope}""",
}
REPORT_RULES = {
    "report field spans outside the text": """
        SELECT count(*) FROM reports x, jsonb_each(x.spans) s(field, span)
        WHERE NOT (0 <= (span->>0)::int AND (span->>0)::int <= (span->>1)::int
                   AND (span->>1)::int <= length(x.text)) {scope}""",
    "names with other than one current version": """
        SELECT count(*) FROM (SELECT x.source_name FROM reports x WHERE true {scope}
                              GROUP BY x.source_name
                              HAVING count(*) FILTER (WHERE x.superseded_by IS NULL) <> 1) n""",
    "versions superseded by another name's or an older report": """
        SELECT count(*) FROM reports x JOIN reports s ON s.id = x.superseded_by
        WHERE (s.source_name <> x.source_name OR s.version <= x.version) {scope}""",
}
SCOPES = {
    "child": "AND x.report_id = ANY(:ids)",
    # every version of the reports' names, so that "one current version" sees them all
    "report": "AND x.source_name IN (SELECT source_name FROM reports WHERE id = ANY(:ids))",
}


def broken_rules(engine: Engine, report_ids: Sequence[int] | None = None) -> dict[str, int]:
    """Each rule the stored rows break, with how many rows break it; {} when consistent.
    Without report ids the whole database is checked."""
    params = {} if report_ids is None else {"ids": list(report_ids)}
    broken = {}
    with engine.connect() as conn:
        for kind, rules in (("child", CHILD_RULES), ("report", REPORT_RULES)):
            scope = "" if report_ids is None else SCOPES[kind]
            for rule, query in rules.items():
                if n := conn.execute(text(query.format(scope=scope)), params).scalar_one():
                    broken[rule] = n
    return broken


def derived_counts(engine: Engine, report_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """How many rows of each kind each of the reports has in the database."""
    counts: dict[int, dict[str, int]] = {rid: dict.fromkeys(CHILDREN, 0) for rid in report_ids}
    with engine.connect() as conn:
        for t in CHILDREN:
            for rid, n in conn.execute(text(f"SELECT report_id, count(*) FROM {t} "
                                            "WHERE report_id = ANY(:ids) GROUP BY report_id"),
                                       {"ids": list(report_ids)}):
                counts[rid][t] = n
    return counts


def parsed_counts(doc: Document) -> dict[str, int]:
    """How many rows of each kind the parsed document gives: what a whole report stores."""
    every = doc.all_findings()
    return {"inspections": len(doc.inspections), "findings": len(every),
            "measures": sum(len(f.measures) for f in every), "handled_clues": len(doc.clues),
            "contacts": len(doc.contacts)}


def half_written(engine: Engine, report_ids: Sequence[int] | None = None) -> dict[int, str]:
    """Reports whose stored rows are not exactly what parsing their raw text gives."""
    query = "SELECT id, raw_text, text FROM reports"
    params = {} if report_ids is None else {"ids": list(report_ids)}
    with engine.connect() as conn:
        reports = conn.execute(text(query + (" WHERE id = ANY(:ids)" if params else "")),
                               params).all()
    derived = derived_counts(engine, [r.id for r in reports])
    wrong = {}
    for report_id, raw_text, stored_text in reports:
        doc = parse(raw_text)
        expected, stored = parsed_counts(doc), derived[report_id]
        if stored != expected or stored_text != doc.text:
            wrong[report_id] = f"stored {stored}, parsed {expected}"
    return wrong


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def fingerprint(engine: Engine) -> dict[str, tuple]:
    """Each stored file by its bytes: name, version, whether current, and its rows' counts;
    equal for two databases that hold the same reports whatever their ids."""
    query = text(f"""
        SELECT r.sha256, r.source_name, r.version, r.superseded_by IS NULL,
               {", ".join(f"(SELECT count(*) FROM {t} c WHERE c.report_id = r.id)"
                          for t in CHILDREN)}
        FROM reports r""")
    with engine.connect() as conn:
        return {row[0]: tuple(row[1:]) for row in conn.execute(query)}


def corpus(folder: Path, size: int, tag: str = "", names: str = "{n:04d}_{seed}") -> Path:
    """`size` report files made from the seeds, each with a line of its own appended, so that
    every file has different bytes (and, by default, a different name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        seed = SEED_FILES[n % len(SEED_FILES)]
        name = names.format(n=n, seed=seed.stem)
        (folder / f"{name}.txt").write_bytes(seed.read_bytes() + f"\n（副本{tag}{n}）\n".encode())
    return folder


def xunshi(database_url: str, *args: str, log: Path, cwd: Path | None = None
           ) -> subprocess.Popen[bytes]:
    """`python -m xunshi --database-url URL ARGS` started in a process of its own; its output
    goes to the file `log` (a pipe that nobody reads could fill up and stall it)."""
    env = {k: v for k, v in os.environ.items() if k != "XUNSHI_DATABASE_URL"}
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "xunshi", "--database-url", database_url,
                                 *args], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)


def summary_line(log: Path) -> str:
    """A load's summary (`5 loaded, 0 unchanged, 0 failed`) in the log of `xunshi`, which
    ends with the closing lines the command writes on stderr."""
    return next(line for line in reversed(log.read_text().splitlines())
                if re.match(r"\d+ loaded, ", line))


def wait_for_others_to_leave(engine: Engine, timeout: float = 60) -> None:
    """Wait until no other session is connected to the database: a killed client's server
    process ends (rolling back its transaction and freeing its locks) once it notices."""
    query = text("SELECT count(*) FROM pg_stat_activity "
                 "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                 "AND backend_type = 'client backend'")
    deadline = time.monotonic() + timeout
    with engine.connect() as conn:
        while conn.execute(query).scalar_one():
            assert time.monotonic() < deadline, f"sessions still connected after {timeout}s"
            conn.rollback()  # a fresh snapshot of pg_stat_activity
            time.sleep(0.05)
