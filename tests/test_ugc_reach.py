"""Posts the UGC reading did not reach: a board post on a page whose code calls it feedback but whose title publishes,
a post made in an upload's callback from what the submit handler read, a higher-order request helper handed the
API function, and pictures that went up as they were picked (the post is where the page publishes)."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run

APP = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/board/add"]\n}\n'
BOX = '<view>\n<textarea bindinput="onText"/>\n<button bindtap="save">提交</button>\n</view>\n'


def _told(app_repo, files: dict[str, str]) -> set[tuple[str, str, int]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(files)
    app_repo.commit()
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload", without=frozenset({"upload.upload_file"}))


def _titled(title: str) -> dict[str, str]:
    return {
        "app.json": APP,
        "pages/board/add.json": f'{{ "navigationBarTitleText": "{title}" }}\n',
        "pages/board/add.wxml": BOX,
        "pages/board/add.js": "Page({\n  onText(e) { this.setData({ text: e.detail.value }) },\n  save() {\n"
                              "    wx.request({ url: 'https://api.example.com/user/feedback', method: 'POST',\n"
                              "      data: { body: this.data.text } })\n  }\n})\n",
    }


def test_a_page_titled_as_publishing_posts_on_a_board_whatever_its_endpoint_is_called(app_repo):
    assert _told(app_repo, _titled("发表留言")) == {
        ("upload.user_text", "pages/board/add.js", 4), ("category.ugc", "pages/board/add.js", 4)}


@pytest.mark.parametrize("title", ["发表意见", "留言给我们"])
def test_a_title_naming_the_operator_or_no_publishing_keeps_feedback_for_the_operator(app_repo, title):
    assert _told(app_repo, _titled(title)) == set()  # the operator's staff alone read it: no user's content


FORM = ('<form bindsubmit="onSubmit">\n<input name="name"/>\n<textarea name="intro"/>\n'
        '<button form-type="submit">发起</button>\n</form>\n')


def _callback_post(app_repo, sent: str) -> set[tuple[str, str, int]]:
    """A form page that had its text box and posted nothing; the change uploads a photo and, in the upload's
    success callback, posts ``sent`` (the data object's text) to the server."""
    app_repo.write_files({"app.json": APP, "pages/board/add.wxml": FORM,
                          "pages/board/add.js": "Page({\n  onSubmit(e) {}\n})\n"})
    app_repo.commit()
    return _told(app_repo, {"pages/board/add.js": (
        "Page({\n  onSubmit(e) {\n    const words = e.detail.value.intro\n    const who = e.detail.value.name\n"
        "    wx.uploadFile({ url: 'https://api.example.com/pic', filePath: this.data.pic, name: 'f',\n"
        "      success(res) {\n        wx.request({ url: 'https://api.example.com/event/create', method: 'POST',\n"
        f"          data: {{ {sent} }} }})\n      }}\n    }})\n  }}\n}})\n")})


def test_a_post_in_an_upload_callback_sends_what_the_submit_handler_read(app_repo):
    assert _callback_post(app_repo, "text: words, pic: res.data") == {
        ("upload.user_text", "pages/board/add.js", 7), ("category.ugc", "pages/board/add.js", 7)}


def test_a_callback_post_of_other_fields_publishes_no_text(app_repo):
    assert _callback_post(app_repo, "who: who, pic: res.data") == set()


def _handed(tmp_path, page: str, api: str) -> set[tuple[str, str, int]]:
    """A new Taro page whose submit runs ``withApi(api.<api>)(payload)``: a helper that shows a toast on error and
    calls the function it is handed, from a generated client the repository leaves out."""
    app_repo = Repo(tmp_path / "taro")
    app_repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3", "react": "18"}}\n',
        "src/app.config.ts": "export default { pages: ['pages/home/index'] }\n",
        "src/pages/home/index.tsx": "export default () => null\n",
        "src/utils/wrap.ts": (
            "import Taro from '@tarojs/taro'\nexport function withApi(fn) {\n  return async (body) => {\n"
            "    try { return [null, await fn(body)] }\n"
            "    catch (e) { Taro.showToast({ title: '失败' }); return [e, null] }\n  }\n}\n")})
    app_repo.commit()
    return _told(app_repo, {
        "src/app.config.ts": f"export default {{ pages: ['pages/home/index', '{page}'] }}\n",
        f"src/{page}.tsx": (
            "import { Component } from 'react'\nimport { Textarea } from '@tarojs/components'\n"
            "import { withApi } from '../../utils/wrap'\nimport { api } from '../../client'\n"
            "export default class Add extends Component {\n  state = { words: '' }\n"
            "  onSubmit = async () => {\n    const { words } = this.state\n"
            f"    const [err] = await withApi(api.{api})({{ words }})\n  }}\n"
            "  render() {\n    return (\n      <Textarea value={this.state.words}\n"
            "        onInput={e => this.setState({ words: e.detail.value })} />\n    )\n  }\n}\n")})


def test_a_request_helper_handed_the_api_function_posts_on_a_wall(tmp_path):
    assert _handed(tmp_path, "pages/wall/add", "createBrick") == {
        ("upload.user_text", "src/pages/wall/add.tsx", 9), ("category.ugc", "src/pages/wall/add.tsx", 9)}


def test_a_request_helper_on_a_private_record_page_publishes_nothing(tmp_path):
    assert _handed(tmp_path, "pages/memo/add", "saveMemo") == set()


def _pictures(app_repo, apart: bool, data: str = "text: this.data.text") -> set[tuple[str, str, int]]:
    """A new moments page whose pictures go up as they are picked (``apart``) or in the submit with the post."""
    pick = ("  pick() {\n    wx.chooseImage({ success: (r) => {\n      wx.uploadFile({ url: 'https://cdn.example.com/u',"
            " filePath: r.tempFilePaths[0], name: 'f' })\n    } })\n  },\n") if apart else (
        "  pick() {\n    wx.chooseImage({ success: (r) => {\n      this.setData({ pic: r.tempFilePaths[0] })\n"
        "    } })\n  },\n")
    upload = "" if apart else ("    wx.uploadFile({ url: 'https://cdn.example.com/u', filePath: this.data.pic,"
                               " name: 'f' })\n")
    return _told(app_repo, {
        "app.json": '{\n  "pages": ["pages/index/index", "pages/moment/add"]\n}\n',
        "pages/moment/add.wxml": BOX.replace("<textarea ", '<textarea value="{{text}}" '),
        "pages/moment/add.js": (
            "Page({\n  onText(e) { this.setData({ text: e.detail.value }) },\n" + pick + "  save() {\n" + upload +
            "    wx.request({ url: 'https://api.example.com/v1/save', method: 'POST',"
            f" data: {{ {data} }} }})\n  }}\n}})\n")})


def test_pictures_sent_as_they_are_picked_leave_the_category_at_the_post(app_repo):
    told = _pictures(app_repo, apart=True)
    assert ("category.ugc", "pages/moment/add.js", 9) in told
    assert ("category.ugc", "pages/moment/add.js", 5) not in told


def test_pictures_sent_in_the_submit_keep_the_category_in_the_submit(app_repo):
    told = {t for t in _pictures(app_repo, apart=False) if t[0] == "category.ugc"}
    assert len(told) == 1 and told <= {("category.ugc", "pages/moment/add.js", 9), ("category.ugc", "pages/moment/add.js", 10)}


def test_pictures_sent_as_they_are_picked_stay_told_at_their_upload_when_the_post_carries_no_text(app_repo):
    told = _pictures(app_repo, apart=True, data="n: 1")
    assert ("category.ugc", "pages/moment/add.js", 9) not in told
