"""Who reads what a page sends: a message for the operator alone (customer service) needs no UGC category, a form only
the staff read (feedback, a suggestion) is no user's content at all, while a review composer of a public scene is
UGC even before its publish button is wired."""

from __future__ import annotations

import pytest

from helpers import places, run

APP = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/help/help"]\n}\n'
FORM = '<view>\n<textarea bindinput="onText" placeholder="请输入"/>\n<button bindtap="save">确定提交</button>\n</view>\n'


def _help_page(app_repo, title: str, url: str):
    """Category and upload findings of a new page ``pages/help/help`` titled ``title`` posting its box to ``url``."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "app.json": APP,
        "pages/help/help.json": f'{{ "navigationBarTitleText": "{title}" }}\n',
        "pages/help/help.wxml": FORM,
        "pages/help/help.js": "Page({\n  onText(e) { this.setData({ text: e.detail.value }) },\n  save() {\n"
                              f"    wx.request({{ url: '{url}', method: 'POST', data: {{ content: this.data.text }} }})\n"
                              "  }\n})\n",
    })
    app_repo.commit()
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


@pytest.mark.parametrize(("title", "url"), [
    ("联系客服", "https://api.example.com/user/save"),  # the title names customer service
    ("在线咨询", "https://api.example.com/v1/items"),
])
def test_a_message_for_the_operator_is_no_ugc_but_its_text_is_still_told(app_repo, title, url):
    assert _help_page(app_repo, title, url) == {("upload.user_text", "pages/help/help.js", 4)}


@pytest.mark.parametrize(("title", "url"), [
    ("联系我们", "https://api.example.com/user/feedback"),  # the endpoint names feedback
    ("服务中心", "https://api.example.com/v1/suggest"),  # a suggestion the staff handle
    ("联系我们", "https://api.example.com/v1/opinion"),
])
def test_a_form_only_the_operators_staff_read_is_no_users_content(app_repo, title, url):
    # nobody but the staff reads it: no text others see to check, no scene to declare
    assert _help_page(app_repo, title, url) == set()


def test_a_review_posted_to_an_endpoint_named_after_customers_is_ugc(app_repo):
    assert _help_page(app_repo, "联系我们", "https://api.example.com/customers/ratings/review") == {
        ("upload.user_text", "pages/help/help.js", 4), ("category.ugc", "pages/help/help.js", 4)}


def test_a_page_titled_as_a_complaint_is_a_private_record(app_repo):
    assert _help_page(app_repo, "投诉建议", "https://api.example.com/v1/items") == set()


def test_a_post_others_read_on_the_same_page_is_ugc(app_repo):
    assert _help_page(app_repo, "联系我们", "https://api.example.com/posts/create") == {
        ("upload.user_text", "pages/help/help.js", 4), ("category.ugc", "pages/help/help.js", 4)}


REVIEW = ('<view>\n<text>请对本次服务提供评价</text>\n<textarea bindinput="onText"/>\n'
          '<view class="btn" bindtap="submit">{label}</view>\n</view>\n')
REVIEW_JS = ("Page({\n  onText(e) { this.setData({ text: e.detail.value }) },\n"
             "  submit() { wx.navigateTo({ url: './done/done' }) }\n})\n")


def _review_page(app_repo, page: str, title: str, label: str, registered: bool = True):
    base = app_repo.git("rev-parse", "HEAD")
    listed = f', "{page}"' if registered else ""
    app_repo.write_files({
        "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"' + listed + ']\n}\n',
        f"{page}.json": f'{{ "navigationBarTitleText": "{title}" }}\n',
        f"{page}.wxml": REVIEW.format(label=label),
        f"{page}.js": REVIEW_JS,
    })
    app_repo.commit()
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_review_composer_whose_publish_button_is_not_wired_yet_is_ugc_at_its_text_box(app_repo):
    assert _review_page(app_repo, "pages/goods/rate", "商品评价", "发布") == {
        ("category.ugc", "pages/goods/rate.wxml", 3)}


@pytest.mark.parametrize(("page", "title", "label"), [
    ("pages/goods/rate", "商品评价", "保存"),  # no control that publishes
    ("pages/goods/note", "备忘", "发布"),  # no public scene
    ("pages/goods/rate", "意见反馈", "发布"),  # a message for the operator
])
def test_a_text_box_nothing_sends_is_silent_without_a_public_composer(app_repo, page, title, label):
    assert _review_page(app_repo, page, title, label) == set()


def test_a_components_composer_is_left_to_the_page_it_hands_its_text_to(app_repo):
    assert _review_page(app_repo, "components/rate/rate", "商品评价", "发布", registered=False) == set()


def test_a_record_the_user_keeps_about_themself_is_no_ugc(app_repo):
    # a health file saved through a wrapper whose name says nothing: its title names a record of the user's own
    assert _help_page(app_repo, "健康档案", "https://api.example.com/v1/items") == set()


def test_a_profile_page_posting_its_text_is_no_ugc(app_repo):
    assert _help_page(app_repo, "个人资料", "https://api.example.com/user/profile/update") == set()


def test_a_recording_others_play_is_still_ugc(app_repo):
    # `record` alone is no private word: a recording posted for others is published content
    assert _help_page(app_repo, "朗读", "https://api.example.com/record/add") == {
        ("upload.user_text", "pages/help/help.js", 4), ("category.ugc", "pages/help/help.js", 4)}


BOARD_JS = ("Page({{\n  onLoad() {{ {load} }},\n"
            "  send(e) {{ wx.request({{ url: 'https://api.example.com/{send}', method: 'POST',"
            " data: {{ text: e.detail.value }} }}) }}\n}})\n")


@pytest.mark.parametrize(("load", "send", "told"), [
    # a message board: the page lists the messages it posts — everyone's, a comment's kin
    ("wx.request({ url: 'https://api.example.com/message/list' })", "message/send", True),
    ("wx.request({ url: 'https://api.example.com/v2/board/messageList' })", "v2/board/sendMessage", True),
    ("wx.request({ url: 'https://api.example.com/banner' })", "message/send", False),  # no list: a message form
    ("wx.request({ url: 'https://api.example.com/message/list' })", "kefu/message/send", False),  # to the operator
])
def test_a_message_posted_onto_the_board_the_page_lists_is_ugc(app_repo, load, send, told):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"app.json": APP, "pages/help/help.wxml": '<view>\n<input bindconfirm="send"/>\n</view>\n',
                          "pages/help/help.js": BOARD_JS.format(load=load, send=send)})
    app_repo.commit()
    found = places(run(app_repo.path, base), "category")
    assert (("category.ugc", "pages/help/help.js", 3) in found) is told
