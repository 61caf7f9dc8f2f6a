"""A text box the change takes from one page and puts on another is no new box to the semantic diff (the app's count
of text areas did not rise), yet where the page it left never posted what it wrote (a stub whose submit did nothing)
and the page it lands on posts it, the text is published now: ``upload.user_text`` and ``category.ugc`` at that post
(analyzers/old_boxes.py). A composer moved as it was, its old page already posting its text, stays silent.

A one-line comment box posted by a request whose HTTP method is ``GET`` still posts where its endpoint names a
post: the method says how the request goes, not what it does (analyzers/comment_boxes.py)."""

from __future__ import annotations

from conftest import minimal_app
from helpers import places, register_pages, run

STUB_MARKUP = '<view class="box">\n  <textarea placeholder="写下你的心愿" maxlength="200"></textarea>\n' \
              '  <text class="go">发送</text>\n</view>\n'
STUB_SCRIPT = "Page({\n  data: { wish: '' },\n  onShow() {},\n})\n"
POSTING_SCRIPT = """Page({
  data: { wish: '' },
  onShow() {},
  keepWish(e) { this.setData({ wish: e.detail.value }) },
  sendWish() {
    wx.request({ url: 'https://api.example.com/wall/create_wish', method: 'POST', data: { wish: this.data.wish } })
  },
})
"""
WALL_MARKUP = """<form bindsubmit="castWish">
<div class="cells">
  <div class="cell">
    <textarea class="area" placeholder="写下你的心愿" maxlength="200" bindblur="holdText"></textarea>
  </div>
</div>
<button formType="submit">投放</button>
</form>
"""
WALL_SCRIPT = """Page({
  data: { words: '' },
  holdText: function (e) {
    this.setData({ words: e.detail.value })
  },
  castWish: function () {
    var $self = this
    wx.request({
      url: 'https://api.example.com/wall/create_wish',
      data: { words: $self.data.words, who: wx.getStorageSync('who') },
      method: 'GET',
    })
  },
})
"""
LIST_MARKUP = '<view>\n<view wx:for="{{wishes}}">{{item.words}}</view>\n</view>\n'


def _moved(repo, base_markup: str, base_script: str) -> set[tuple[str, str, int]]:
    """UGC findings of a change that takes the text area off ``pages/wishes/list`` (its markup and script at base
    ``base_markup``, ``base_script``) and puts it on a new ``pages/wishes/cast`` page that posts it."""
    repo.write_files({"pages/wishes/list.wxml": base_markup, "pages/wishes/list.js": base_script})
    register_pages(repo)
    base = repo.commit("a wish list with a text area")
    repo.write_files({"pages/wishes/list.wxml": LIST_MARKUP, "pages/wishes/cast.wxml": WALL_MARKUP,
                      "pages/wishes/cast.js": WALL_SCRIPT})
    register_pages(repo)
    repo.commit("the text area gets a page of its own")
    report = run(repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_text_area_moved_off_a_page_that_never_posted_it_is_published_where_its_new_page_posts_it(tmp_path):
    post = next(n for n, text in enumerate(WALL_SCRIPT.splitlines(), 1) if "wx.request(" in text)
    assert _moved(minimal_app(tmp_path / "stub")[0], STUB_MARKUP, STUB_SCRIPT) == {
        ("upload.user_text", "pages/wishes/cast.js", post), ("category.ugc", "pages/wishes/cast.js", post)}
    # a composer moved as it was: the page it left already posted what it wrote
    posting = STUB_MARKUP.replace("maxlength", 'bindinput="keepWish" maxlength')
    assert _moved(minimal_app(tmp_path / "posted")[0], posting, POSTING_SCRIPT) == set()


BAR = '<view>\n<view wx:for="{{notes}}">{{item.body}}</view>\n' \
      '<input class="bar" value="{{said}}" placeholder="说点什么" bindchange="keepSaid"/>\n' \
      '<button bindtap="sendSaid">发送</button>\n</view>\n'
BAR_BASE = "Page({\n  data: { said: '', notes: [] },\n})\n"
BAR_HEAD = """Page({
  data: { said: '', notes: [] },
  keepSaid(e) { this.setData({ said: e.detail.value }) },
  sendSaid() {
    var $self = this
    wx.request({
      url: 'https://api.example.com/board/ENDPOINT',
      data: { body: $self.data.said },
      method: 'GET',
    })
  },
})
"""


def test_a_comment_box_posted_by_a_get_request_to_an_endpoint_naming_a_post_is_a_post(app_repo):
    app_repo.write_files({"pages/board/detail.wxml": BAR, "pages/board/detail.js": BAR_BASE})
    register_pages(app_repo)
    base = app_repo.commit("a board's detail page")
    post = next(n for n, text in enumerate(BAR_HEAD.splitlines(), 1) if "wx.request(" in text)
    for endpoint, told in (("add_comment", True), ("comment_list", False)):  # a read by its name: no post
        app_repo.write("pages/board/detail.js", BAR_HEAD.replace("ENDPOINT", endpoint))
        app_repo.commit("the box is sent")
        report = run(app_repo.path, base)
        assert places(report, "category") | places(report, "upload") == ({
            ("upload.user_text", "pages/board/detail.js", post),
            ("category.ugc", "pages/board/detail.js", post)} if told else set())


def test_two_boxes_lost_one_from_a_page_that_posted_it_keep_every_gained_box_silent(tmp_path):
    # which lost box went where is not known: a gained box may be the composer that was already posting
    repo = minimal_app(tmp_path / "two")[0]
    posting = STUB_MARKUP.replace("maxlength", 'bindinput="keepWish" maxlength')
    repo.write_files({"pages/wishes/list.wxml": STUB_MARKUP, "pages/wishes/list.js": STUB_SCRIPT,
                      "pages/zeta/old.wxml": posting, "pages/zeta/old.js": POSTING_SCRIPT})
    register_pages(repo)
    base = repo.commit("a stub and a composer")
    repo.write_files({"pages/wishes/list.wxml": LIST_MARKUP, "pages/zeta/old.wxml": LIST_MARKUP,
                      "pages/wishes/cast.wxml": WALL_MARKUP, "pages/wishes/cast.js": WALL_SCRIPT})
    register_pages(repo)
    repo.commit("both text areas leave their pages; one lands on a page that posts it")
    report = run(repo.path, base)
    assert places(report, "upload") == set()
