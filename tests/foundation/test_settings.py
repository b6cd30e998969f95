"""Settings: one registry, every field documented, --home and GAODI_HOME pick the workspace."""

from __future__ import annotations

from pathlib import Path

from gaodi.settings import Settings, load_settings


def test_every_setting_is_documented_in_docs_settings_md():
    doc = (Path(__file__).parents[2] / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"| {name} | `GAODI_{name.upper()}` |" in doc, name


def test_environment_sets_the_home_and_an_explicit_home_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("GAODI_HOME", str(tmp_path / "from-env"))
    assert load_settings().home == tmp_path / "from-env"
    assert load_settings(home=tmp_path / "explicit").home == tmp_path / "explicit"
    assert load_settings(home=tmp_path).db_path == tmp_path / "gaodi.duckdb"
