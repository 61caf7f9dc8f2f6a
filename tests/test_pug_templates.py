"""Single-file components whose template is pug (``<template lang="pug">``, ``lang="jade"``) are read like
markup templates, every finding on the component's own line (readers/pugtemplate.py)."""

from __future__ import annotations

import sys

import pytest

from conftest import Repo
from helpers import found, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.pugtemplate import pug_markup
from mp_precheck.readers.sfc import split_blocks

PAGES = {
    "src/pages.json": '{\n  "pages": [{"path": "pages/home/home"}, {"path": "pages/account/account"}]\n}\n',
    "src/manifest.json": '{\n  "name": "demo",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "src/App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "src/pages/home/home.vue": '<template lang="pug">\n  view.home\n    text 欢迎\n</template>\n',
    "src/pages/account/account.vue": '<template lang="pug">\n  view 账户\n</template>\n',
}

SCRIPT = """
<script>
export default {
  methods: {
    bindMobile(e) {},
    signIn() { uni.login({}) },
  },
}
</script>
"""

PUG_PAGE = """<template lang="pug">
  view.account#top
    //- button(open-type="chooseAvatar") 换头像
    // web-view(src="https://retired.example.org/a")
    button.wide(
      type="primary"
      open-type="getPhoneNumber"
      @getphonenumber="bindMobile"
    ) 绑定手机
    button(@tap="signIn") 微信登录
    input(type="nickname" placeholder="昵称")
    image(src="https://pics.example.net/top.png" mode="widthFix")
    web-view(:src="'https://h5.example.org/page'")
    ad(unit-id="adunit-0001")
    view(@tap="openMissing")
      | 点击
</template>""" + SCRIPT

HTML_PAGE = """<template>
  <view class="account" id="top">
    <!-- <button open-type="chooseAvatar">换头像</button> -->
    <!-- <web-view src="https://retired.example.org/a"/> -->
    <button class="wide"
      type="primary"
      open-type="getPhoneNumber"
      @getphonenumber="bindMobile"
    >绑定手机</button>
    <button @tap="signIn">微信登录</button>
    <input type="nickname" placeholder="昵称"/>
    <image src="https://pics.example.net/top.png" mode="widthFix"/>
    <web-view :src="'https://h5.example.org/page'"/>
    <ad unit-id="adunit-0001"></ad>
    <view @tap="openMissing">
      点击</view>
  </view>
</template>""" + SCRIPT


def facts(text: str | bytes, path: str = "src/pages/account/account.vue") -> set[tuple[str, int]]:
    return {(f.subject, f.line) for f in extract(path, text.encode("utf-8") if isinstance(text, str) else text).facts}


def change(tmp_path, name: str, page: str):
    repo = Repo(tmp_path / name)
    repo.write_files(PAGES)
    base = repo.commit()
    repo.write("src/pages/account/account.vue", page)
    repo.commit()
    return run(repo.path, base)


def test_pug_template_gives_each_element_on_its_own_line():
    got = facts(PUG_PAGE)
    for expected in [("button[open-type=getPhoneNumber]", 7), ("input[type=nickname]", 11), ("<web-view>", 13),
                     ("<ad>", 14), ("web-view-host:h5.example.org", 13)]:
        assert expected in got
    assert any(subject.startswith("text:") and line == 10 for subject, line in got)  # the button's 微信登录 label


def test_a_pug_template_gives_the_findings_its_markup_twin_gives(tmp_path):
    pug = change(tmp_path, "pug", PUG_PAGE)
    html = change(tmp_path, "html", HTML_PAGE)
    assert found(pug) == found(html)
    assert {(rule, line) for rule, _path, line, _scope in found(pug)} >= {
        ("privacy.phone_number", 7), ("branding.brand_text", 10), ("privacy.user_info", 11),
        ("external_link.web_view", 13), ("category.ad", 14), ("completeness.dead_handler", 15)}
    assert pug.errors == ()


def test_commented_out_pug_lines_are_silent(tmp_path):
    page = ('<template lang="pug">\n  view\n    //- button(open-type="getPhoneNumber") 绑定\n'
            '    //\n      web-view(src="https://old.example.org/a")\n      ad(unit-id="adunit-1")\n'
            '    text 你好\n</template>\n')
    assert {subject for subject, _line in facts(page)} == {"<view>", "<text>"}
    report = change(tmp_path, "commented", page)
    assert (report.findings, report.errors) == ((), ())


def test_a_pug_template_with_nothing_risky_is_silent(tmp_path):
    page = ('<template lang="pug">\n  view.list\n    view.item(v-for="item in items" :key="item.id")\n'
            '      text.name {{ item.name }}\n      | 共 {{ item.count }} 件\n</template>\n'
            '<script>\nexport default { data() { return { items: [] } } }\n</script>\n')
    report = change(tmp_path, "plain", page)
    assert (report.findings, report.errors) == ((), ())


def test_shorthand_bindings_text_and_nesting_read_as_markup():
    source = ('<template lang="jade">\n'
              'view.card.wide#main(:class="{on: active}" v-if="shown")\n'
              '  text.title 标题\n'
              '  | 第二行 #[text.em 强调]\n'
              '  text.\n'
              '    多行\n'
              '    文字\n'
              '  .row\n'
              '    button(\n'
              '      disabled\n'
              '      @tap.stop="choose(item, \'a\')"\n'
              '    ) 选择\n'
              '</template>\n')
    block = split_blocks(source)[0]
    lines = block.text.split("\n")
    assert (block.note, block.line_offset, len(lines)) == ("", 0, source.count("\n", 0, source.rindex("</template>")) + 1)
    assert lines[1] == '<view class="card wide" id="main" :class="{on: active}" v-if="shown">'
    assert lines[2] == '<text class="title"> 标题</text>'
    assert "第二行" in lines[3] and '<text class="em">' in lines[3]
    assert [lines[5].strip(), lines[6].split("<")[0].strip()] == ["多行", "文字"]
    assert lines[7] == '<div class="row">'
    assert (lines[8], lines[9], lines[10]) == ("<button", " disabled", ' @tap.stop="choose(item, \'a\')">')
    assert lines[11].startswith(" 选择</button>")


def test_malformed_pug_is_one_note_and_the_script_is_still_read(tmp_path):
    page = ('<template lang="pug">\n  view\n    button(open-type="getPhoneNumber") 绑定\n  \t  web-view\n'
            '</template>\n<script>\nexport default { onLoad() { uni.getLocation({}) } }\n</script>\n')
    got = extract("src/pages/account/account.vue", page.encode("utf-8"))
    assert got.error is not None and got.error.startswith("read in part: its pug template could not be parsed near line 4")
    assert ("wx.getLocation", 7) in {(f.subject, f.line) for f in got.facts}
    assert not any(f.subject.startswith("button") for f in got.facts)
    report = change(tmp_path, "malformed", page)
    assert [e.path for e in report.errors] == ["src/pages/account/account.vue"]
    assert ("privacy.location", "src/pages/account/account.vue", 7) in {(f.rule, f.path, f.line) for f in report.findings}


def test_without_the_pug_library_the_file_says_so(monkeypatch):
    pug_markup.cache_clear()
    monkeypatch.setitem(sys.modules, "pypugjs.lexer", None)  # import fails as if the package were missing
    try:
        got = extract("src/pages/account/account.vue", PUG_PAGE.encode("utf-8"))
    finally:
        pug_markup.cache_clear()
    assert got.error == "read in part: its pug template was not read (the pypugjs package is missing)"
    assert not any(f.subject.startswith("button") for f in got.facts)


@pytest.mark.parametrize("data", [PUG_PAGE.encode("gbk"), b"\xef\xbb\xbf" + PUG_PAGE.encode("utf-8"),
                                  PUG_PAGE.replace("\n", "\r\n").encode("utf-8")], ids=["gbk", "bom", "crlf"])
def test_encodings_and_line_ends_keep_the_lines(data):
    got = facts(data)
    assert {("button[open-type=getPhoneNumber]", 7), ("<ad>", 14)} <= got
    assert any(subject.startswith("text:") and line == 10 for subject, line in got)


def test_every_line_is_kept_whatever_the_input():
    for source in ["", "\n\n", "view\n  \tbutton", "p #[b", "a(href='x'\n  view\n", "  view\n b\n"]:
        markup, _note = pug_markup(source)
        assert markup.count("\n") == source.count("\n")


SIGN_IN = ('<template lang="pug">\n  view.sign-in\n    button(@tap="enter") 微信登录\n</template>\n'
           '<script>\nexport default { methods: { enter() {} } }\n</script>\n')


def _renders_sign_in(page: str) -> str:
    return (f'<template lang="pug">\n  view\n    sign-in\n    text {page}\n</template>\n<script>\n'
            'import SignIn from "../../components/sign-in/sign-in.vue"\nexport default { components: { SignIn } }\n'
            '</script>\n')


@pytest.mark.parametrize("rendered_before", [False, True])
def test_a_component_an_unchanged_pug_page_renders_is_not_shown_for_the_first_time(tmp_path, rendered_before):
    repo = Repo(tmp_path / "repo")
    repo.write_files(PAGES)
    repo.write("src/components/sign-in/sign-in.vue", SIGN_IN)
    if rendered_before:
        repo.write("src/pages/home/home.vue", _renders_sign_in("欢迎"))
    base = repo.commit()
    repo.write("src/pages/account/account.vue", _renders_sign_in("账户"))
    repo.commit()
    told = {(f.rule, f.path, f.line) for f in run(repo.path, base).findings}
    first = ("branding.brand_text", "src/components/sign-in/sign-in.vue", 3)
    assert (first not in told) if rendered_before else (first in told)


def test_plain_html_lines_and_what_is_nested_under_them_are_read():
    markup, note = pug_markup('view\n  <!-- old: ad(unit-id="adunit-1") -->\n    text 说明\n  web-view(src="https://h5.example.org")\n')
    assert note is None
    assert markup.split("\n")[1:4] == ['<!-- old: ad(unit-id="adunit-1") -->', "<text> 说明</text>",
                                       '<web-view src="https://h5.example.org"></web-view></view>']


def test_a_comparison_in_a_pug_attribute_does_not_hide_the_script():
    # `i<list.length` is no tag: read as markup, it opened one that swallowed </template> and the script after it
    page = ('<template lang="pug">\n  view(v-for="(item, i) in list" :key="i")\n'
            '    view.line(v-if="i<list.length-1")\n    text(@tap="copy(item.no)") 复制\n</template>\n'
            '<script>\nexport default {\n  methods: {\n    copy(no) {\n      wx.setClipboardData({ data: no })\n'
            '    },\n  },\n}\n</script>\n')
    assert ("wx.setClipboardData", 10) in facts(page)
    assert [block.tag for block in split_blocks(page)] == ["template", "script"]
