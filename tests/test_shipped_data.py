"""The shipped catalog and tables match their schemas. A run does not check them (that would load the
schema validator on every run); these tests do, and a catalog from another folder is still checked."""

from __future__ import annotations

import shutil

import pytest

from mp_precheck.core.catalog import CatalogError, load_catalog
from mp_precheck.core.resources import data_dir
from mp_precheck.core.thirdparty import ThirdPartyDataError, check_tables


def test_shipped_catalog_matches_its_schema():
    assert len(load_catalog(validate=True).rules) == len(load_catalog().rules) > 0


def test_shipped_tables_match_their_schemas():
    check_tables()


def test_tables_that_break_their_schema_are_named(monkeypatch, tmp_path):
    shutil.copytree(data_dir("checks"), tmp_path / "checks")
    (tmp_path / "checks" / "upload_sdks.yml").write_text("sdks:\n  - sdk: 1\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.core.thirdparty.data_dir", lambda name: tmp_path / name)
    with pytest.raises(ThirdPartyDataError, match=r"^upload_sdks\.yml: sdks/0"):
        check_tables()


def test_a_catalog_folder_given_is_checked(tmp_path):
    (tmp_path / "privacy.yml").write_text("family: privacy\nrules:\n  - id: privacy.x\n    severity: huge\n",
                                          encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^privacy\.yml: rules/0"):
        load_catalog(tmp_path)
