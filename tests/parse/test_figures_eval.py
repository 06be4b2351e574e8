"""Figures scored against a hand-made list: every figure of the five example reports
(tests/data/figures/seeds.json) and of invented snippets in the shapes reports use
(snippets.json). Run as `python -m tests.parse.test_figures_eval` to see each mismatch."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from xunshi.parse import parse
from xunshi.parse.extract.figures import extract_figures
from xunshi.parse.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "figures"
PRECISION, RECALL = 0.95, 0.85


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def add(self, where: str, expected: Counter[tuple], predicted: Counter[tuple]) -> None:
        self.expected += sum(expected.values())
        self.predicted += sum(predicted.values())
        self.matched += sum((expected & predicted).values())
        self.missed += [f"{where}: {k}" for k in (expected - predicted).elements()]
        self.spurious += [f"{where}: {k}" for k in (predicted - expected).elements()]


def _key(metric: str, value: str | Decimal, text: str, *at: int) -> tuple:
    return (metric, Decimal(value), text, *at)


def score() -> Score:
    s = Score()
    seeds = json.loads((DATA / "seeds.json").read_text(encoding="utf-8"))["reports"]
    for name, figures in seeds.items():
        doc = parse((ROOT / "examples" / "reports" / name).read_text(encoding="utf-8"))
        s.add(name, Counter(_key(*f) for f in figures),
              Counter(_key(f.metric, f.value, f.text, f.span.start) for f in doc.figures))
    for n, snippet in enumerate(json.loads((DATA / "snippets.json").read_text(
            encoding="utf-8"))["snippets"]):
        found = extract_figures(normalize(snippet["text"]))
        s.add(f"snippet {n} {snippet['text']}", Counter(_key(*f) for f in snippet["figures"]),
              Counter(_key(f.metric, f.value, f.text) for f in found))
    return s


def test_precision_and_recall_against_the_hand_made_list() -> None:
    s = score()
    assert s.expected >= 100
    assert s.precision >= PRECISION, s.spurious
    assert s.recall >= RECALL, s.missed


def test_the_list_has_at_least_sixty_snippets() -> None:
    snippets = json.loads((DATA / "snippets.json").read_text(encoding="utf-8"))["snippets"]
    assert len(snippets) >= 60


if __name__ == "__main__":
    result = score()
    for line in result.missed:
        print("missed  ", line)
    for line in result.spurious:
        print("spurious", line)
    print(f"precision {result.precision:.3f} ({result.matched}/{result.predicted}), "
          f"recall {result.recall:.3f} ({result.matched}/{result.expected})")
