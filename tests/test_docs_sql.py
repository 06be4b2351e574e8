"""Every ```sql example in the README and docs/ runs against the loaded example reports.

Documentation that shows SQL is a promise to analysts; a renamed column must break a test,
not a reader's query. A block preceded by `<!-- test data: DIR -->` asks a question the
examples cannot answer (a unit inspected twice); it runs with the invented reports in DIR
loaded beside them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.conftest import SEEDS, engine_on, fresh_database
from xunshi.store import schema
from xunshi.store.load import load_paths

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_SQL_BLOCK = re.compile(r"(?:<!-- test data: (\S+) -->\n)?```sql\n(.*?)```", re.DOTALL)

EXAMPLES = [(doc, n, data, sql) for doc in DOCS
            for n, (data, sql) in enumerate(_SQL_BLOCK.findall(doc.read_text("utf-8")))]


@pytest.fixture(scope="module")
def with_test_data(server_url: str) -> Iterator[Callable[[str], Engine]]:
    """The example reports plus a folder of invented ones, loaded once per folder."""
    loaded: dict[str, Engine] = {}
    with ExitStack() as stack:
        def engine(data: str) -> Engine:
            if data not in loaded:
                url = stack.enter_context(fresh_database(server_url))
                loaded[data] = stack.enter_context(engine_on(url))
                schema.upgrade(loaded[data])
                load_paths(loaded[data], [SEEDS, ROOT / data])
            return loaded[data]
        yield engine


def test_the_docs_have_sql_examples() -> None:
    assert any(doc.name == "README.md" for doc, _, _, _ in EXAMPLES)


@pytest.mark.parametrize("doc,n,data,sql", EXAMPLES, ids=[f"{d.name}#{n}" for d, n, _, _ in EXAMPLES])
def test_sql_example_runs(seeded_engine: Engine, with_test_data: Callable[[str], Engine],
                          doc: Path, n: int, data: str, sql: str) -> None:
    with (with_test_data(data) if data else seeded_engine).connect() as conn:
        rows = conn.execute(text(sql)).all()
    if doc.name == "README.md":  # the first query a new user runs must show the examples
        assert len(rows) == 5
    elif doc.name == "queries.md":  # an analyst trying a question should see an answer
        assert rows
