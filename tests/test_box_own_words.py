"""What a text box says it is for in its own words (readers/boxlabel.py): the label its cell shows before it and the
names its value is bound to take part in deciding its scene (analyzers/ugc.py, checks/ugc_scenes.yml) — a remark on
a member's record is no post, a public word still wins —; an answer to a test question (作答) is a private record."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.boxlabel import box_label, own_words

CELL = """<view class="group">
  <view class="cell">
    <view class="head"><image src="/i.png"></image><view class="name"><text>{label}</text></view></view>
    <view class="body">
      <textarea placeholder="{hint}" value="{{{{{bound}}}}}" bindinput="on{handler}"></textarea>
    </view>
  </view>
</view>
"""
SCRIPT = """Page({{
  data: {{ {bound}: '' }},
  on{handler}(e) {{ this.setData({{ {bound}: e.detail.value }}) }},
  save() {{
    wx.request({{ url: 'https://api.example.com/members/' + this.data.id, method: 'PUT',
      data: {{ note: this.data.{bound} }} }})
  }},
}})
"""


def _text_box(app_repo, label: str, bound: str, handler: str, hint: str = "写点什么") -> set[tuple[str, str, int]]:
    base = app_repo.commit("start")
    page = "pages/members/detail/detail"
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/members/detail/detail"]}\n',
                          f"{page}.wxml": CELL.format(label=label, hint=hint, bound=bound, handler=handler),
                          f"{page}.js": SCRIPT.format(bound=bound, handler=handler)})
    app_repo.commit("a text box saved")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_box_whose_cell_is_labelled_as_a_remark_keeps_a_private_record(app_repo):
    assert _text_box(app_repo, "备注", "memberRemark", "MemberRemark") == set()


def test_a_public_word_in_the_box_label_still_wins(app_repo):
    assert _text_box(app_repo, "留言", "memberRemark", "MemberRemark") == {
        ("upload.user_text", "pages/members/detail/detail.js", 5), ("category.ugc", "pages/members/detail/detail.js", 5)}


def test_a_box_that_names_nothing_private_is_still_published(app_repo):
    assert _text_box(app_repo, "说说", "words", "Words") == {
        ("upload.user_text", "pages/members/detail/detail.js", 5), ("category.ugc", "pages/members/detail/detail.js", 5)}


def test_an_answer_to_a_test_question_is_a_private_record(app_repo):
    assert _text_box(app_repo, "", "words", "Words", hint="在此写下作答") == set()


def test_the_label_is_the_last_text_of_the_box_cell_not_the_page_heading():
    markup = CELL.format(label="备注", hint="", bound="x", handler="X")
    assert box_label(markup, 5) == "备注"
    assert own_words(markup, 5) == ("备注", "x", "onX")
    heading = '<view class="page">\n<text>发布动态</text>\n<view><view><view>\n<textarea value="{{t}}"/>\n'
    assert box_label(heading, 4) == ""
    assert box_label('<view><text>{{name}}</text>\n<textarea/>\n</view>\n', 2) == ""
    assert box_label('<u-form-item label="备注">\n  <u-textarea v-model="form.text" />\n</u-form-item>\n', 2) == "备注"
