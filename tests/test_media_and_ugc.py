"""Uploads and pickers behind UI kits and SDKs, recorders in components, ads and user posting (UGC):
each on a small real repository, with the look-alike that must stay silent."""

from __future__ import annotations

from helpers import found, run


def test_each_new_ad_placement_in_a_file_is_reported_but_not_an_existing_one(app_repo):
    app_repo.write("pages/index/index.wxml", '<view>home</view>\n<ad unit-id="adunit-home1"></ad>\n')
    base = app_repo.commit("an ad on the home page")
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<ad unit-id="adunit-me1"></ad>\n<view>orders</view>\n'
                                       '<ad-custom unit-id="adunit-me2"></ad-custom>\n<ad unit-id="adunit-me3"></ad>\n')
    app_repo.write("pages/index/index.wxml", '<view>home page</view>\n<ad unit-id="adunit-home1"></ad>\n')
    app_repo.commit("ads on the profile page")
    ads = {(f.subject, f.path, f.line, f.scope) for f in run(app_repo.path, base).findings if f.rule == "category.ad"}
    assert ads == {("<ad>", "pages/me/me.wxml", 2, "file"), ("<ad>", "pages/me/me.wxml", 5, "file"),
                   ("<ad-custom>", "pages/me/me.wxml", 4, "file")}
