"""The one rule for where the database is."""
from __future__ import annotations

from pathlib import Path

import pytest

from xunshi import config


def test_explicit_url_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.URL_ENV, "postgresql://env@h/envdb")
    assert config.database_url("postgresql://cli@h/clidb") == "postgresql+psycopg://cli@h/clidb"


def test_environment_beats_the_embedded_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.URL_ENV, "postgres://env:secret@h:5433/envdb")
    assert config.database_url() == "postgresql+psycopg://env:secret@h:5433/envdb"


def test_a_url_with_a_driver_is_kept() -> None:
    assert config.sqlalchemy_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_printed_urls_mask_the_password() -> None:
    url = "postgresql+psycopg://u:secret@h/d"
    assert config.display_url(url) == "postgresql+psycopg://u:***@h/d"
    assert config.display_url(url, show_password=True) == url
    assert config.display_url(url, show_password=True, libpq=True) == "postgresql://u:secret@h/d"


def test_home_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    assert config.xunshi_home() == tmp_path


def test_root_home_is_outside_roots_own_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    monkeypatch.setattr(config.os, "geteuid", lambda: 0)
    assert config.xunshi_home() == Path("/var/lib/xunshi")
