"""Every ```sql example in the README and docs/ runs against the loaded example reports.

Documentation that shows SQL is a promise to analysts; a renamed column must break a test,
not a reader's query.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)

EXAMPLES = [(doc, n, sql) for doc in DOCS for n, sql in enumerate(_SQL_BLOCK.findall(doc.read_text("utf-8")))]


def test_the_docs_have_sql_examples() -> None:
    assert any(doc.name == "README.md" for doc, _, _ in EXAMPLES)


@pytest.mark.parametrize("doc,n,sql", EXAMPLES, ids=[f"{d.name}#{n}" for d, n, _ in EXAMPLES])
def test_sql_example_runs(seeded_engine: Engine, doc: Path, n: int, sql: str) -> None:
    with seeded_engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    if doc.name == "README.md":  # the first query a new user runs must show the examples
        assert len(rows) == 5
    elif doc.name == "queries.md":  # an analyst trying a question should see an answer
        assert rows
