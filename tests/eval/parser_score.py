"""Score the parser's document model against the gold files, without a database.

The rows handed to score.py mirror what the analyst views return for a loaded report, so the
parser can be measured in milliseconds while the database path is tested separately.

    python -m tests.eval.parser_score [-v] [GOLD_DIR] [REPORTS_DIR]
"""
from __future__ import annotations

import json
import pathlib
import sys

from xunshi.parse import Document, parse

from . import score

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
REPORTS = ROOT / "examples" / "reports"


def _date(d) -> str | None:
    return str(d) if d is not None else None


def view_rows(doc: Document) -> tuple[dict, list[dict], list[dict], list[dict], list[dict]]:
    """The rows v_reports, v_inspections, v_findings, v_clues and v_contacts would hold."""
    rep = {"doc_type": doc.doc_type, "title": doc.title, "issuer": doc.issuer,
           "published_on": _date(doc.published_on), "jurisdiction": doc.jurisdiction,
           "jurisdiction_code": doc.jurisdiction_code}
    insp = [{"target": i.target, "authority": i.authority, "group_name": i.group_name,
             "mode": i.mode, "term": i.term, "round_no": i.round_no, "batch_no": i.batch_no,
             "kind": i.kind, "started_on": _date(i.started_on), "ended_on": _date(i.ended_on),
             "feedback_on": _date(i.feedback_on)} for i in doc.inspections]
    finds = []
    for n, f in enumerate(doc.findings):
        fid = f"f{n}"
        finds.append({"finding_id": fid, "parent_id": None, "category": f.category, "seq": f.seq,
                      "title": f.title, "recommendation": f.recommendation,
                      "measure_count": len(f.measures)})
        for m, c in enumerate(f.children):
            finds.append({"finding_id": f"{fid}.{m}", "parent_id": fid, "category": c.category,
                          "seq": c.seq, "title": c.title, "recommendation": c.recommendation,
                          "measure_count": len(c.measures)})
    clues = [{"kind": c.kind, "disposition": c.disposition, "count": c.count, "total": c.total}
             for c in doc.clues]
    contacts = [{"kind": c.kind, "value": c.value} for c in doc.contacts]
    return rep, insp, finds, clues, contacts


def run(gold_dir: pathlib.Path = GOLD, reports_dir: pathlib.Path = REPORTS) -> score.Tally:
    t = score.Tally()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = parse((reports_dir / gold["source_name"]).read_text(encoding="utf-8"))
        score.score_report(t, gold, *view_rows(doc))
    return t


def f1(t: score.Tally, group: str | None = None) -> float:
    if group is None:
        return score.prf(sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values()))[2]
    return score.prf(t.tp[group], t.fp[group], t.fn[group])[2]


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    t = run(*(pathlib.Path(a) for a in args))
    if verbose:
        for note in t.notes:
            print("  " + note)
    for g in sorted(set(t.tp) | set(t.fp) | set(t.fn)):
        p, r, f = score.prf(t.tp[g], t.fp[g], t.fn[g])
        print(f"{g:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {t.tp[g]}, fp {t.fp[g]}, fn {t.fn[g]})")
    print(f"overall F1 {f1(t):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
