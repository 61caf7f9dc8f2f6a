"""What a composer publishes: on a page that composes a post (its path or title name a public scene, a control
publishes), a new call named as adding anything, carrying a one-line field's text, is its post
(analyzers/comment_boxes.py); a picture sent alone as it is picked, from a page with no publishing control and no
text sent with it, is an upload, not yet a publication (analyzers/ugc.py)."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.textflow import file_only

PAGES = '{\n  "pages": ["pages/index/index", "pages/me/me", "PAGE"]\n}\n'
FIELDS = ('<view>\n<t-input value="{{ form.title }}" placeholder="标题"/>\n<t-input value="{{ form.cost }}" type="digit"/>\n'
          '<button bindtap="submit">LABEL</button>\n</view>\n')
STUB = "Page({\n  data: { form: { title: '' } },\n  submit() {\n    console.log(this.data.form)\n  },\n})\n"
SEND = ("Page({\n  data: { form: { title: '' } },\n  submit() {\n    const form = this.data.form\n"
        "    wx.cloud.callFunction({ name: 'NAME', data: { item: form } })\n  },\n})\n")


def _composer(app_repo, page: str, label: str = "发布", name: str = "createGoods") -> set[tuple[str, str, int]]:
    app_repo.write_files({"app.json": PAGES.replace("PAGE", page), f"{page}.wxml": FIELDS.replace("LABEL", label),
                          f"{page}.js": STUB})
    base = app_repo.commit("a form that only logs")
    app_repo.write(f"{page}.js", SEND.replace("NAME", name))
    app_repo.commit("the form is sent")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_publishing_page_whose_new_cloud_call_adds_its_typed_field_is_a_post(app_repo):
    assert _composer(app_repo, "pages/publish/goods") == {
        ("category.ugc", "pages/publish/goods.js", 5), ("upload.user_text", "pages/publish/goods.js", 5)}


@pytest.mark.parametrize(("page", "label", "name"), [
    ("pages/goods/edit", "发布", "createGoods"),  # no public word in the page's path or title
    ("pages/publish/goods", "保存", "createGoods"),  # no control that publishes
    ("pages/publish/goods", "发布", "saveAddress"),  # the call names a private record
    ("pages/publish/goods", "发布", "checkGoods"),  # the call names no write
])
def test_a_one_line_field_sent_without_a_composer_or_a_write_stays_silent(app_repo, page, label, name):
    assert not any(rule == "category.ugc" for rule, *_ in _composer(app_repo, page, label, name))


REVIEW = ('<view>\n<textarea class="body" placeholder="说说你的看法"/>\n<view bindtap="pick">加照片</view>\nCONTROL</view>\n')
PICK = ("Page({\n  pick() {\n    wx.chooseMedia({ success: (res) => {\n"
        "      wx.uploadFile({ url: 'https://cdn.example.com/files', filePath: res.tempFiles[0].tempFilePath, "
        "name: 'img'FIELDS })\n    } })\n  },\n})\n")


@pytest.mark.parametrize(("control", "fields", "post"), [
    ("", "", False),  # a picture sent alone, no publishing control: an upload, no post yet
    ("", ", formData: { body: this.data.body }", True),  # the text goes up with the picture
    ("", ", formData: {\n      }", False),  # a stub with no field yet: the picture still goes alone
    ('<button bindtap="pick">发表</button>\n', "", True),  # a composer whose text is not wired yet
])
def test_a_picture_upload_on_a_review_page_is_a_post_only_with_its_text_or_a_publishing_control(
        app_repo, control, fields, post):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"app.json": PAGES.replace("PAGE", "pages/shop/rate"),
                          "pages/shop/rate.json": '{"navigationBarTitleText": "写评价"}\n',
                          "pages/shop/rate.wxml": REVIEW.replace("CONTROL", control),
                          "pages/shop/rate.js": PICK.replace("FIELDS", fields)})
    app_repo.commit("a review page")
    report = run(app_repo.path, base)
    assert places(report, "upload") >= {("upload.upload_file", "pages/shop/rate.js", 4)}
    assert (("category.ugc", "pages/shop/rate.js", 4) in places(report, "category")) is post
    assert not any(rule == "category.ugc" and line != 4 for rule, _path, line in places(report, "category"))


@pytest.mark.parametrize(("script", "alone"), [
    ("wx.uploadFile({ url: u, filePath: p, name: 'f' })", True),
    ("wx.uploadFile({ url: u, filePath: p, name: 'f', formData: { note } })", False),
    ("wx.uploadFile({ url: u, filePath: p, formData })", False),
    ("wx.uploadFile({ url: '', filePath: p, name: 'f', formData: {} })", True),  # an empty stub sends no field
    ("wx.uploadFile({ url: u, filePath: p, 'formData': { /* later */ } })", True),
    ("wx.uploadFile({ url: u, filePath: p, formData: { ...extra } })", False),
    ("wx.uploadFile({ ...options, filePath: p })", False),
    ("wx.uploadFile(options)", False),  # what the options hold is not seen
])
def test_an_upload_sends_its_file_alone_only_where_its_options_are_seen_without_form_data(script, alone):
    assert file_only(script, "a.js", 1) is alone


@pytest.mark.parametrize(("text", "writes"), [
    ("addGoods", True), ("'/item/create'", True), ("saveAddress", False), ("getGoods", False), ("httpPost", False),
])
def test_a_name_that_says_it_writes(text, writes):
    assert scenes().names_a_write(text) is writes
