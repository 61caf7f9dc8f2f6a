"""Where a post is told, and how often its category is asked.

* a form whose page only uploaded its picture before (the picture's file, none of the form's text) and that the
  change wires to a post of its fields publishes now, though its boxes are old;
* a composer whose 发布 button binds nothing at all publishes nothing yet: no ``category.ugc`` at its box;
* a composer whose picture goes up as it is picked, and whose box stores its text through a named input handler
  (``bindinput="onIntro"``), publishes at the post that carries that text: the category goes there;
* two new comment bars posting to the same endpoint are one service: one ``category.ugc``.
"""

from __future__ import annotations

from helpers import places, run

PAGES = '"pages/home/home", "pages/notes/notes", "pages/talk/talk", "pages/reply/reply", "pages/article/article", ' \
    '"pages/comment/comment"'
APP = {"app.json": '{"pages": [' + PAGES + ']}\n',
       "app.js": "App({})\n",
       "pages/home/home.wxml": "<view>home</view>\n",
       "pages/home/home.js": "Page({})\n"}

FORM = """<form bindsubmit="onShare">
  <textarea name="headline" placeholder="一句话"></textarea>
  <textarea name="story" placeholder="经过"></textarea>
  <button form-type="submit">分享</button>
</form>
"""
UPLOAD_ONLY = """Page({
  onShare(ev) {
    wx.uploadFile({ url: 'https://files.example.org/up', filePath: this.data.shot, name: 'f',
      success(res) { console.log(res) } })
  }
})
"""
UPLOAD_THEN_POST = """Page({
  onShare(ev) {
    wx.uploadFile({ url: 'https://files.example.org/up', filePath: this.data.shot, name: 'f',
      success(res) {
        wx.request({ url: 'https://api.example.org/stories', method: 'POST',
          data: { headline: ev.detail.value.headline, story: ev.detail.value.story, shot: res.data } })
      } })
  }
})
"""
TAGS = '  <textarea name="tags"></textarea>\n</form>'


def _change(repo, files_before, files_after):
    repo.write_files({**APP, **files_before})
    base = repo.commit("base")
    repo.write_files(files_after)
    repo.commit("change")
    return run(repo.path, base)


def test_an_old_form_whose_page_only_uploaded_its_picture_publishes_when_wired_to_a_post(repo):
    files = {"pages/notes/notes.wxml": FORM, "pages/notes/notes.js": UPLOAD_ONLY}
    report = _change(repo, files, {"pages/notes/notes.wxml": FORM.replace("</form>", TAGS),
                                   "pages/notes/notes.js": UPLOAD_THEN_POST})
    assert ("upload.user_text", "pages/notes/notes.js", 5) in places(report, "upload")


def test_a_form_whose_page_already_posted_its_text_gains_a_field_and_publishes_nothing_new(repo):
    files = {"pages/notes/notes.wxml": FORM, "pages/notes/notes.js": UPLOAD_THEN_POST}
    report = _change(repo, files, {"pages/notes/notes.wxml": FORM.replace("</form>", TAGS),
                                   "pages/notes/notes.js": UPLOAD_THEN_POST.replace("story,", "story, tags: 1,")})
    assert not any(rule == "upload.user_text" for rule, _p, _l in places(report, "upload"))


COMPOSER = """<view class="compose">
  <textarea placeholder="说点什么"></textarea>
  <image wx:for="{{shots}}" src="{{item}}"></image>
  <van-button type="primary" BINDING>发布</van-button>
</view>
"""
COMPOSER_JS = """Page({
  data: { shots: [] },
  pick() { wx.chooseImage({ count: 3, success: (res) => this.setData({ shots: res.tempFilePaths }) }) },
  send() { wx.navigateTo({ url: '/pages/home/home' }) }
})
"""


def _composer(repo, binding: str):
    repo.write_files(APP)
    base = repo.commit("base")
    repo.write_files({"pages/talk/talk.wxml": COMPOSER.replace("BINDING", binding),
                      "pages/talk/talk.js": COMPOSER_JS,
                      "pages/talk/talk.json": '{"navigationBarTitleText": "发布动态"}\n'})
    repo.commit("a composer")
    return places(run(repo.path, base), "category")


def test_a_composer_whose_publish_button_binds_nothing_asks_no_category(repo):
    assert _composer(repo, 'size="large"') == set()


def test_a_composer_whose_publish_button_runs_a_handler_asks_its_category(repo):
    assert ("category.ugc", "pages/talk/talk.wxml", 2) in _composer(repo, 'bind:click="send"')


INTRO = """<view>
  <textarea placeholder="简介" bindinput="onIntro"></textarea>
  <button bindtap="pickCover">封面</button>
  <button bindtap="release">发布</button>
</view>
"""
INTRO_JS = """Page({
  data: { intro: '', cover: '' },
  onIntro(e) { this.setData({ intro: e.detail.value }) },
  pickCover() {
    wx.chooseImage({ count: 1, success: (res) => {
      wx.uploadFile({ url: 'https://img.example.org/put', filePath: res.tempFilePaths[0], name: 'file',
        success: (up) => this.setData({ cover: JSON.parse(up.data).url }) })
    } })
  },
  release() {
    const intro = this.data.intro
    const cover = this.data.cover
    wx.request({ url: 'https://api.example.org/essays', method: 'POST', data: { PAYLOAD } })
  }
})
"""


def _intro(repo, payload: str):
    repo.write_files(APP)
    base = repo.commit("base")
    repo.write_files({"pages/reply/reply.wxml": INTRO, "pages/reply/reply.js": INTRO_JS.replace("PAYLOAD", payload),
                      "pages/reply/reply.json": '{"navigationBarTitleText": "写文章"}\n'})
    repo.commit("an essay composer")
    return {(rule, line) for rule, path, line in places(run(repo.path, base), "category")
            if path == "pages/reply/reply.js"}


def test_a_post_carrying_what_a_named_input_handler_stores_holds_the_category(repo):
    assert _intro(repo, "intro: intro, cover: cover") == {("category.ugc", 13)}


def test_a_post_carrying_none_of_the_stored_text_leaves_the_category_at_the_upload(repo):
    assert _intro(repo, "cover: cover") == {("category.ugc", 6)}


BAR = """<view>
  <input value="{{comment}}" bindinput="onDraft" placeholder="写评论" />
  <button bindtap="comment">发送</button>
</view>
"""
BAR_JS = """Page({
  data: { comment: '' },
  onDraft(e) { this.setData({ comment: e.detail.value }) },
  comment() {
    const comment = this.data.comment
    wx.request({ url: 'ENDPOINT', method: 'POST', data: { content: comment } })
  }
})
"""
FIRST = "https://api.example.org/articles/1/comments"


def _two_bars(repo, second_endpoint: str):
    repo.write_files(APP)
    base = repo.commit("base")
    repo.write_files({"pages/article/article.wxml": BAR, "pages/article/article.js": BAR_JS.replace("ENDPOINT", FIRST),
                      "pages/comment/comment.wxml": BAR,
                      "pages/comment/comment.js": BAR_JS.replace("ENDPOINT", second_endpoint)})
    repo.commit("comments on two pages")
    return places(run(repo.path, base))


def test_two_comment_bars_posting_to_one_endpoint_ask_one_category(repo):
    found = _two_bars(repo, FIRST)
    assert {p for r, p, _l in found if r == "category.ugc"} == {"pages/article/article.js"}
    assert {p for r, p, _l in found if r == "upload.user_text"} == {"pages/article/article.js",
                                                                   "pages/comment/comment.js"}


def test_two_comment_bars_posting_to_two_endpoints_ask_two_categories(repo):
    found = _two_bars(repo, "https://api.example.org/posts/1/comments")
    assert {p for r, p, _l in found if r == "category.ugc"} == {"pages/article/article.js", "pages/comment/comment.js"}
