"""The text an open-type button shows, in WXML, a Vue template and JSX (readers/asklabels.py)."""

from __future__ import annotations

from mp_precheck.readers.asklabels import AskLabel, ask_labels, label_at


def test_a_wxml_button_label_joins_its_children_and_leaves_bindings_out():
    wxml = ('<view>\n  <button class="b"\n    open-type="getPhoneNumber" bindgetphonenumber="p">\n'
            '    <text>绑定</text> {{ tail }} 手机号\n  </button>\n</view>\n')
    assert ask_labels(wxml, "pages/a/a.wxml") == [AskLabel("getphonenumber", 2, 3, "绑定 手机号")]
    assert label_at(ask_labels(wxml, "pages/a/a.wxml"), "getphonenumber", 3) == "绑定 手机号"
    assert label_at(ask_labels(wxml, "pages/a/a.wxml"), "getuserinfo", 3) is None


def test_a_vue_template_is_read_at_its_file_lines_and_a_bound_open_type_is_skipped():
    vue = ('<script>\nexport default {}\n</script>\n<template>\n  <div>\n'
           '    <button open-type="chooseAvatar" @chooseavatar="pick">换头像</button>\n'
           '    <button :open-type="kind">动态</button>\n  </div>\n</template>\n')
    assert ask_labels(vue, "src/pages/me/index.vue") == [AskLabel("chooseavatar", 6, 6, "换头像")]


def test_a_jsx_button_label_and_an_unlabelled_one():
    tsx = ('export default () => (\n  <View>\n    <Button openType="getUserInfo" onGetUserInfo={f}>授权 {name}</Button>\n'
           '    <Button openType={"share"}><Image src={icon} /></Button>\n  </View>\n)\n')
    assert ask_labels(tsx, "src/pages/me/index.tsx") == [AskLabel("getuserinfo", 3, 3, "授权"),
                                                         AskLabel("share", 4, 4, "")]


def test_a_file_of_another_kind_or_broken_markup_gives_nothing():
    assert ask_labels("<![\x01", "pages/a/a.wxml") == []
    assert ask_labels("const a = 1\n", "utils/a.js") == []
