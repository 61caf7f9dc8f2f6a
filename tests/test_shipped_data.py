"""The shipped catalog and tables match their schemas, and plain commit subjects need no emoji table. A run
does not check the schemas (that would load the schema validator on every run); these tests do, and a
catalog from another folder is still checked."""

from __future__ import annotations

import shutil

import pytest

from mp_precheck.core.catalog import CatalogError, load_catalog
from mp_precheck.core.resources import data_dir
from mp_precheck.core.thirdparty import ThirdPartyDataError, check_tables
from mp_precheck.notes.commitsense import leading_gitmoji, plain_text


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
    with pytest.raises(CatalogError, match=r"^privacy\.yml: privacy\.x: rules/0"):
        load_catalog(tmp_path)


def test_no_emoji_is_made_of_plain_text_alone():
    """Subjects in plain text skip the emoji tables: no emoji (or shortcode) may be spelled with it alone."""
    import emoji

    assert not [e for e in emoji.EMOJI_DATA if plain_text(e)]
    assert plain_text("修复：订单列表（分页）") and not plain_text("修复 :bug: 分页") and not plain_text("〽️ 活动")


@pytest.mark.parametrize("subject", ["修复订单列表分页的问题", "Fix the order list", "feat: 新增积分商城",
                                     "🐛 修复登录", ":sparkles: 新增分享", "更新版本号 ©2024"])
def test_plain_subjects_read_as_the_emoji_library_reads_them(subject, monkeypatch):
    fast = leading_gitmoji(subject)
    monkeypatch.setattr("mp_precheck.notes.commitsense.plain_text", lambda text: False)
    assert leading_gitmoji(subject) == fast
