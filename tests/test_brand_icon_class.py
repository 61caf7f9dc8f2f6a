"""branding.brand_image through a style sheet: a preprocessor helper that prefixes the image folder
(``image-url("icons/x.png")``) names the logo file by its written path, and a page that puts the sheet's icon
class on an element is where the logo shows (readers/iconclasses.py)."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run
from images import green_tick, two_bubble_mark
from mp_precheck.readers.iconclasses import class_lines

SHEET = ('$image-base: "https://cdn.example.com/img/";\n'
         '@function image-url($path) {\n  @return url($image-base + $path);\n}\n'
         '.c-icon {\n  background-size: 100% 100%;\n'
         '  &--wx-login {\n    background-image: image-url("icons/wx-login.png");\n  }\n}\n')  # the url on line 8


def _hits(tmp_path, image: bytes, page: str) -> set[tuple[str, int]]:
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"static/images/icons/wx-login.png": image, "styles/icon.scss": SHEET,
                      "pages/me/me.wxml": page})
    repo.commit("login icon")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_image"}


def test_a_helper_path_to_the_logo_fires_where_a_page_puts_its_icon_class(tmp_path):
    page = '<view class="login">\n  <view class="c-icon c-icon--wx-login">\n    <button>登录</button>\n  </view>\n</view>\n'
    assert _hits(tmp_path, two_bubble_mark(), page) == {("pages/me/me.wxml", 2)}


def test_a_helper_path_to_the_logo_no_page_class_names_fires_at_the_sheet(tmp_path):
    page = '<view class="login">\n  <button class="btn-primary">登录</button>\n</view>\n'
    assert _hits(tmp_path, two_bubble_mark(), page) == {("styles/icon.scss", 8)}


def test_a_helper_path_to_a_look_alike_stays_silent(tmp_path):
    page = '<view class="c-icon c-icon--wx-login">登录</view>\n'
    assert _hits(tmp_path, green_tick(), page) == set()


def test_a_class_token_names_a_stem_whole_or_after_a_separator():
    text = '<view class="a">\n<view class="icon icon-wechat">\n<view class="notwechat">\n<view class=\'wechat\'>\n'
    assert class_lines(text, "wechat") == [2, 4]
    assert class_lines(text, "wx") == []
