"""The WeChat-logo classifier decides by pixels: the two-bubble mark fires, look-alikes do not."""

from __future__ import annotations

import pytest

from images import (
    BRAND_GREEN,
    GREY,
    SMILEY_SVG,
    WECHAT_SVG,
    green_bubbles,
    green_rectangle,
    green_tick,
    grey_building_outline,
    grey_face_avatar,
    labelled_boxes_strip,
    line_drawing,
    login_button_strip,
    merged_mark,
    noise_photo,
    outline_person_with_speech_bubble,
    shaded_silhouette,
    silhouette_avatar,
    two_bubble_mark,
    two_green_buttons,
    white_bubbles,
    white_building_on_orange_disc,
    white_icons,
    white_outline_icon,
)
from mp_precheck.readers.logo import is_wechat_logo, named_like_logo


@pytest.mark.parametrize("data", [two_bubble_mark(), two_bubble_mark(GREY), two_bubble_mark(size=64),
                                  two_bubble_mark(size=600), green_bubbles(), white_bubbles()],
                         ids=["green-disc", "grey-disc", "small", "large", "bubbles-without-disc",
                              "white-cut-out-for-a-button"])
def test_the_two_bubble_mark_is_the_logo(data):
    assert is_wechat_logo(data, "images/brand.png") is True


@pytest.mark.parametrize("data", [green_rectangle(), green_tick(), noise_photo(), two_green_buttons(), line_drawing(),
                                  shaded_silhouette(), white_icons(), white_outline_icon(), grey_building_outline()],
                         ids=["green-rectangle", "green-tick", "photo", "two-buttons", "line-drawing", "shaded-drawing",
                              "white-icons", "white-outline-icon", "grey-building-outline"])
def test_look_alikes_are_not(data):
    assert is_wechat_logo(data, "images/other.png") is False


def test_a_wechat_name_alone_is_not_enough():
    assert is_wechat_logo(green_rectangle(), "images/wx.png") is False
    assert is_wechat_logo(green_tick(), "images/wechat-logo.png") is False


@pytest.mark.parametrize("data", [b"", b"not an image", b"\x89PNG\r\n\x1a\n broken", b"<svg><path d="])
def test_undecodable_images_give_no_answer(data):
    assert is_wechat_logo(data, "images/x.png") is None


def test_a_raster_named_svg_gives_no_answer():
    assert is_wechat_logo(two_bubble_mark(), "images/x.svg") is None


@pytest.mark.parametrize("path", ["images/icon/share.svg", "images/icon/微信.svg"])
def test_the_mark_drawn_as_svg_is_the_logo(path):
    # White bubbles on a transparent ground: a button's icon, read on the control's green.
    assert is_wechat_logo(WECHAT_SVG, path) is True


@pytest.mark.parametrize("data", [SMILEY_SVG, b'<svg xmlns="http://www.w3.org/2000/svg"><circle fill="#07C160"/></svg>'],
                         ids=["smiley", "empty-drawing"])
def test_other_svg_drawings_are_not_even_named_wechat(data):
    assert is_wechat_logo(data, "images/wechat.svg") is False


def test_an_svg_loads_no_entity_nor_outside_file(tmp_path):
    secret = tmp_path / "mark.png"
    secret.write_bytes(two_bubble_mark())
    entity = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file://' + str(secret).encode() + b'">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>')
    linked = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" '
              b'height="200"><image width="200" height="200" xlink:href="file://' + str(secret).encode() + b'"/></svg>')
    assert is_wechat_logo(entity, "a/wx.svg") is None
    assert is_wechat_logo(linked, "a/wx.svg") is False


def test_a_huge_svg_is_not_drawn():
    assert is_wechat_logo(WECHAT_SVG.replace(b"</svg>", b"<!--" + b"x" * 300_000 + b"--></svg>"), "a.svg") is None


@pytest.mark.parametrize("data", [merged_mark(), merged_mark(size=64), merged_mark(BRAND_GREEN)],
                         ids=["grey", "grey-small", "green"])
def test_the_mark_with_touching_bubbles_is_the_logo(data):
    # One white shape with the mark's four eyes: two level pairs, the second lower right.
    assert is_wechat_logo(data, "images/other.png") is True


@pytest.mark.parametrize("mouth", [True, False], ids=["eyes-cheeks-mouth", "eyes-above-cheeks"])
def test_a_grey_avatar_face_is_not_the_logo(mouth):
    # A white face in grey has four holes or more, but they are a face's: one above the other, or five.
    assert is_wechat_logo(grey_face_avatar(mouth), "images/boy.png") is False


@pytest.mark.parametrize(("path", "hint"), [("images/wx.png", True), ("a/wechat-login@2x.png", True),
                                            ("icon_weixin.jpg", True), ("images/wxyz.png", False),
                                            ("images/box.png", False), ("images/share.png", False)])
def test_file_name_hint(path, hint):
    assert named_like_logo(path) is hint


@pytest.mark.parametrize("data", [login_button_strip(), login_button_strip(scale=0.5)],
                         ids=["2x-asset", "1x-asset"])
def test_the_white_mark_on_a_login_button_of_another_colour_is_the_logo(data):
    # A wide button image: the mark is small beside the label, on the app's own colour.
    assert is_wechat_logo(data, "static/images/btn_login.png") is True


@pytest.mark.parametrize("data", [login_button_strip(mark=False), white_building_on_orange_disc(),
                                  labelled_boxes_strip(), outline_person_with_speech_bubble()],
                         ids=["label-only-button", "building-icon-with-windows", "diagram-strip", "outline-icon"])
def test_white_shapes_with_holes_on_a_coloured_control_are_not(data):
    assert is_wechat_logo(data, "static/images/wx_btn.png") is False


@pytest.mark.parametrize(("size", "disc"), [(200, (229, 229, 229)), (200, (220, 220, 220)), (120, (229, 229, 229)),
                                            (64, (229, 229, 229))])
@pytest.mark.parametrize("name", ["images/default.png", "images/wx-avatar.png"])
def test_a_default_avatar_silhouette_in_grey_and_white_is_not_the_logo(size, disc, name):
    # Grey and white as the mark's grey variant, one large flat shape, but its "eyes" are anti-aliasing specks
    # of a pixel along the person's outline, not dots in proportion to a bubble.
    assert is_wechat_logo(silhouette_avatar(size, disc), name) is False


@pytest.mark.parametrize("data", [two_bubble_mark(), two_bubble_mark(GREY), two_bubble_mark(size=64),
                                  merged_mark(), merged_mark(size=64)],
                         ids=["green", "grey", "green-small", "merged-grey", "merged-grey-small"])
def test_the_grey_and_white_variants_of_the_mark_still_are_the_logo(data):
    assert is_wechat_logo(data, "images/default.png") is True
