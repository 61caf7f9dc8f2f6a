"""The readers of a granted user's way on (readers/grantedpath.py) and of an ID-card field's words
(readers/idfield.py) read what a file's bytes hold however they are encoded — UTF-8 with a BOM, GBK — and never raise
on a file cut short: the facts are the same as for clean UTF-8, or what the part that parses holds."""

from __future__ import annotations

import pytest

from mp_precheck.facts.extract import extract

HOOK = ("Page({\n  onLoad() {\n    if (wx.getStorageSync('token')) {\n      wx.reLaunch({ url: '/pages/auth/welcome' })\n"
        "    }\n    if (!wx.getStorageSync('token')) {\n      wx.reLaunch({ url: '/pages/login/login' })\n    }\n  }\n})\n")
FORM = ('<view class="row">\n  <text>学号</text>\n  <input type="idcard" name="stuNo"/>\n</view>\n'
        '<view class="row">\n  <text>身份证号</text>\n  <input type="idcard"/>\n</view>\n')


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gbk")]


@pytest.mark.parametrize("data", _encodings(HOOK), ids=["utf-8", "bom", "gbk"])
def test_a_granted_users_way_on_reads_alike_in_every_encoding(data):
    # the returning user's page opened (line 4) is no wall; the guest's redirect (line 6) is
    facts = extract("pages/index/index.js", data).facts
    assert [(f.subject, f.line) for f in facts if f.subject.startswith("login:")] == [
        ("login:page-hook:pages/login/login", 6)]


@pytest.mark.parametrize("data", _encodings(FORM), ids=["utf-8", "bom", "gbk"])
def test_an_id_fields_words_read_alike_in_every_encoding(data):
    facts = extract("pages/index/index.wxml", data).facts
    assert [f.line for f in facts if f.subject == "input[type=idcard]"] == [7]


def test_files_cut_short_raise_nothing_and_keep_what_parses():
    hook = extract("pages/index/index.js", HOOK[:150].encode()).facts
    assert not [f for f in hook if f.subject.startswith("login:")]
    form = extract("pages/index/index.wxml", FORM.rsplit("</view>", 1)[0].encode()).facts  # the last row left open
    assert [f.line for f in form if f.subject == "input[type=idcard]"] == [7]
