"""Where users read a page's name and where a web-view can go: a title the page config hides behind a custom
navigation style is no UI text; a web-view src whose scheme and host are
written out opens one known domain, not any page; every brand phrase a file adds is named."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import run

APP = {"pages": ["pages/index/index", "pages/mall/mall"]}


@pytest.fixture
def plain_app(repo: Repo) -> Repo:
    repo.write_files({"app.json": json.dumps(APP), "app.js": "App({})\n", "pages/index/index.js": "Page({})\n",
                      "pages/index/index.wxml": "<view>首页</view>\n", "pages/mall/mall.js": "Page({})\n",
                      "pages/mall/mall.wxml": "<view>商城</view>\n", "pages/mall/mall.json": "{}\n",
                      "components/top-bar/top-bar.json": '{"component": true}',
                      "components/top-bar/top-bar.js": "Component({ properties: { title: String } })\n",
                      "components/top-bar/top-bar.wxml": "<view>{{title}}</view>\n"})
    repo.commit("init")
    return repo


def _brand(repo: Repo, base: str) -> list[tuple[str, int, str | None]]:
    return [(f.path, f.line, f.value) for f in run(repo.path, base, language="zh-CN").findings
            if f.rule == "branding.brand_text"]


def test_a_title_under_a_custom_navigation_style_is_no_ui_text(plain_app: Repo) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.json", json.dumps({
        "navigationStyle": "custom", "navigationBarTitleText": "微信官方特卖",
        "usingComponents": {"top-nav-bar": "/components/top-bar/top-bar"}}, ensure_ascii=False))
    plain_app.write("pages/mall/mall.wxml", '<top-nav-bar title="特卖"></top-nav-bar>\n<view>微信官方合作店铺</view>\n')
    plain_app.commit()
    assert _brand(plain_app, base) == [("pages/mall/mall.wxml", 2, "微信官方合作店铺")]


def test_a_title_the_default_bar_shows_is_still_told_at_the_page_config(plain_app: Repo) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.json", json.dumps({"navigationBarTitleText": "微信官方特卖"}, ensure_ascii=False))
    plain_app.commit()
    assert _brand(plain_app, base) == [("pages/mall/mall.json", 1, "navigationBarTitleText: 微信官方特卖")]


def test_every_brand_phrase_a_file_adds_is_named_by_its_one_finding(plain_app: Repo) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.wxml", "<view>商城</view>\n<view>微信官方认证店铺</view>\n<view>腾讯官方合作伙伴</view>\n")
    plain_app.commit()
    assert _brand(plain_app, base) == [("pages/mall/mall.wxml", 2, "微信官方认证店铺；腾讯官方合作伙伴")]


def test_a_phrase_the_file_had_is_not_named_again(plain_app: Repo) -> None:
    plain_app.write("pages/mall/mall.wxml", "<view>商城</view>\n<view>腾讯官方合作伙伴</view>\n")
    base = plain_app.commit()
    plain_app.write("pages/mall/mall.wxml", "<view>商城</view>\n<view>腾讯官方合作伙伴</view>\n<view>微信官方认证店铺</view>\n")
    plain_app.commit()
    assert _brand(plain_app, base) == [("pages/mall/mall.wxml", 3, "微信官方认证店铺")]


def _links(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.rule, f.line) for f in run(repo.path, base).findings if f.family == "external_link"}


def test_a_web_view_with_a_written_out_host_and_a_bound_query_is_no_dynamic_target(plain_app: Repo) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.wxml", '<web-view src="https://h5.corner-shop.example.com/coupon?member={{memberId}}"/>\n')
    plain_app.commit()
    found = _links(plain_app, base)
    assert ("external_link.business_domain", 1) in found  # its host is still a business domain to configure
    assert not any(rule == "external_link.web_view_dynamic_src" for rule, _line in found)


@pytest.mark.parametrize("src", ["https://{{h5Host}}/coupon", "{{couponUrl}}", "https://h5.corner-shop.example.com{{rest}}"])
def test_a_web_view_whose_host_comes_from_data_stays_dynamic(plain_app: Repo, src: str) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.wxml", f'<web-view src="{src}"/>\n')
    plain_app.commit()
    assert ("external_link.web_view_dynamic_src", 1) in _links(plain_app, base)


def test_a_phrase_inside_another_named_phrase_is_named_once(plain_app: Repo) -> None:
    base = plain_app.git("rev-parse", "HEAD")
    plain_app.write("pages/mall/mall.wxml", "<view>微信官方认证店铺</view>\n<view>腾讯官方合作伙伴</view>\n"
                    "<view>腾讯官方合作伙伴，放心购买</view>\n")
    plain_app.commit()
    assert _brand(plain_app, base) == [("pages/mall/mall.wxml", 1, "微信官方认证店铺；腾讯官方合作伙伴，放心购买")]
