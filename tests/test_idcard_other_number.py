"""``<input type="idcard">`` is the ID-number keyboard; a field whose own words (its row's label, placeholder, name,
bound value) name another number — a student or staff number, an account — asks for no ID card number. A field named
as the ID card, or named by nothing, keeps ``privacy.id_number``."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.markup import markup_facts


def _id_numbers(repo, base):
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "privacy.id_number"}


FORM = ('<form bindsubmit="save">\n  <view class="row">\n    <view class="row__title">{label}</view>\n'
        '    <input type="idcard" {attrs}/>\n  </view>\n</form>\n')

OTHER = {
    "a staff number row": ("工号", 'name="code" value="{{code}}"'),
    "a student number row": ("学号", 'name="stuCode"'),
    "an account named by its field": ("", 'name="username" placeholder=""'),
    "a kit's member number": ("会员编号", ""),
}


KEPT = {
    "an ID card row": ("身份证号", 'name="code"'),
    "no label at all": ("", 'name="value"'),
    "an account label with an ID placeholder": ("账号", 'placeholder="请输入身份证号码"'),
    "an ID card named by its field": ("", 'name="idCard"'),
}


@pytest.mark.parametrize(("other", "kept"), list(zip(OTHER.values(), KEPT.values(), strict=True)),
                         ids=[f"{a} | {b}" for a, b in zip(OTHER, KEPT, strict=True)])
def test_an_idcard_keyboard_named_as_another_number_asks_for_no_id(app_repo, other, kept):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", FORM.format(label=other[0], attrs=other[1]))
    app_repo.commit("another number")
    assert _id_numbers(app_repo, base) == set()
    app_repo.write("pages/me/me.wxml", FORM.format(label=kept[0], attrs=kept[1]))
    app_repo.commit("the ID card")
    assert _id_numbers(app_repo, base) == {("pages/me/me.wxml", 4)}


def test_an_attribute_on_a_later_line_of_the_tag_reads_the_tags_words():
    text = ('<view class="cell">\n  <text>账号</text>\n  <input\n    name="login"\n    type="idcard"\n  />\n'
            '</view>\n<view>\n  <text>证件号</text>\n  <input\n    type="idcard"\n  />\n</view>\n')
    assert [f.line for f in markup_facts(text, 10) if f.subject == "input[type=idcard]"] == [21]


@pytest.mark.parametrize(("label", "attrs"), [
    ("", 'name="cardNo" placeholder="请输入18位公民身份号码"'),
    ("", 'name="memberIdNo"'),
    ("", 'placeholder="Account holder ID number"'),
])
def test_an_id_number_named_beside_another_word_keeps_its_finding(app_repo, label, attrs):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", FORM.format(label=label, attrs=attrs))
    app_repo.commit("an ID number field")
    assert _id_numbers(app_repo, base) == {("pages/me/me.wxml", 4)}
