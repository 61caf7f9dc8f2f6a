"""The two-bubble mark drawn in one colour (black on transparent, a theme colour, outlines) is known by its
shape; one-colour icons that are not the mark (a chat bubble, an avatar, a share icon, a penguin, a glyph in
a square, text) stay silent, whatever their file name."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from images import (
    black_smiley,
    black_text,
    chat_icon,
    cover_with_small_mark,
    glyph_in_square,
    green_rectangle,
    one_colour_mark,
    outline_mark,
    penguin_mark,
    share_icon,
    two_chat_bubbles,
    two_green_buttons,
    user_icon,
)
from mp_precheck.readers.logo import is_wechat_logo
from mp_precheck.readers.pixelshapes import components

WHITE = (255, 255, 255, 255)


@pytest.mark.parametrize("data", [
    one_colour_mark(), one_colour_mark(size=48), one_colour_mark(size=400), one_colour_mark(apart=False),
    one_colour_mark((60, 60, 60, 255)), one_colour_mark((30, 90, 200, 255)), one_colour_mark(ground=WHITE),
    one_colour_mark((255, 141, 68, 255), ground=WHITE), outline_mark(), outline_mark((80, 80, 80, 255)),
], ids=["black", "black-small", "black-large", "bubbles-touching", "dark-grey", "blue", "black-on-white",
        "orange-on-white", "outlines", "grey-outlines"])
@pytest.mark.parametrize("path", ["images/header.png", "images/wx_login.png"])
def test_the_mark_in_one_colour_is_the_logo_by_its_shape(data, path):
    assert is_wechat_logo(data, path) is True


@pytest.mark.parametrize("data", [
    chat_icon(), chat_icon(2), two_chat_bubbles(), user_icon(), share_icon(), penguin_mark(), glyph_in_square(),
    glyph_in_square((22, 119, 255, 255)), black_text(), black_smiley(), green_rectangle(), two_green_buttons(),
    cover_with_small_mark(),
], ids=["chat-bubble-three-dots", "chat-bubble-two-dots", "conversation-without-eyes", "user", "share",
        "penguin", "glyph-in-square", "glyph-in-blue-square", "text", "smiley", "green-button", "green-buttons",
        "a-cover-whose-lettering-holds-the-shape-small"])
@pytest.mark.parametrize("path", ["images/icon.png", "images/wechat_icon.png"])
def test_one_colour_icons_that_are_not_the_mark_stay_silent_whatever_their_name(data, path):
    assert is_wechat_logo(data, path) is False


def test_a_black_mark_heading_an_authorization_page_fires_on_its_line(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"static/img/auth_head.png": one_colour_mark(), "static/img/chat.png": chat_icon(2)})
    repo.write("pages/auth/auth.wxml", '<view class="header">\n  <image src="/static/img/auth_head.png"></image>\n'
                                       '</view>\n<image src="/static/img/chat.png"/>\n'
                                       '<button open-type="getUserInfo">授权登录</button>\n')
    repo.commit("auth page")
    assert _hits(repo, base) == {("pages/auth/auth.wxml", 2, "brand-image:static/img/auth_head.png")}


def test_one_colour_icons_on_a_page_stay_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"images/wx_share.png": share_icon(), "images/user.png": user_icon(),
                      "images/title.png": black_text()})
    repo.write("pages/me/me.wxml", '<image src="/images/wx_share.png"/>\n<image src="/images/user.png"/>\n'
                                   '<image src="/images/title.png"/>\n')
    repo.commit("icons")
    assert _hits(repo, base) == set()


@pytest.mark.parametrize(("rows", "expected"), [
    (["110", "011", "100"], [{0, 1, 4, 5}, {6}]),
    (["101", "010", "101"], [{0}, {2}, {4}, {6}, {8}]),
    (["111", "101", "111"], [{0, 1, 2, 3, 5, 6, 7, 8}]),
    (["1010", "1111"], [{0, 2, 4, 5, 6, 7}]),
    (["000"], []),
])
def test_components_are_four_connected_runs(rows, expected):
    mask = bytes(int(c) for row in rows for c in row)
    found = sorted((set(cells) for cells in components(mask, len(rows[0]), len(rows))), key=min)
    assert found == sorted(expected, key=min)


def _hits(repo: Repo, base: str) -> set[tuple[str, int, str | None]]:
    return {(f.path, f.line, f.subject) for f in run(repo.path, base).findings if f.rule == "branding.brand_image"}
