"""Alembic migrations; installed as the `xunshi.migrations` package (see pyproject.toml)."""
