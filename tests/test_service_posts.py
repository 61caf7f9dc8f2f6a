"""A service the app offered is told once (core/semantic_diff.py), but a new page where users post in it is a new
service surface (analyzers/service_posts.py); a clause of an agreement or a like caption offers no service
(readers/textsignals.py). Each on a small real repository, with the look-alikes that must stay silent."""

from __future__ import annotations

from helpers import found, run

APP_JSON = ('{"pages": ["pages/index/index", "pages/me/me", "pages/post/post", "pages/guide/guide", '
            '"pages/terms/terms", "pages/book/book"]}\n')
POST_WXML = ("<view>\n<view>上传照片</view>\n<view>理想型</view>\n<input bindinput=\"onAge\"/>\n"
             "<button bindtap=\"send\">发布</button>\n</view>\n")
POST_JS = """Page({
  pick() { wx.chooseImage({ success: (r) => { this.photos = r.tempFilePaths } }) },
  send() { wx.uploadFile({ url: 'https://api.example.com/profile', filePath: this.photos[0], name: 'photo' }) },
})
"""


def _category(report):
    return {(rule, path, line, scope) for rule, path, line, scope in found(report) if rule.startswith("category.")}


def _matchmaking_app(app_repo):
    app_repo.write_files({"pages/index/index.wxml": "<view>相亲</view>\n<view>查看理想型</view>\n"})
    return app_repo.commit("a matchmaking list")


def test_a_new_page_where_users_post_in_a_service_the_app_offered_is_told_at_its_words(app_repo):
    base = _matchmaking_app(app_repo)
    app_repo.write_files({"app.json": APP_JSON, "pages/post/post.wxml": POST_WXML, "pages/post/post.js": POST_JS})
    app_repo.commit("users post their matchmaking profile")
    assert _category(run(app_repo.path, base)) == {("category.dating", "pages/post/post.wxml", 3, "file")}


def test_a_new_page_that_only_names_the_service_stays_silent(app_repo):
    base = _matchmaking_app(app_repo)
    app_repo.write_files({"app.json": APP_JSON, "pages/guide/guide.wxml": "<view>\n<view>真实交友</view>\n</view>\n",
                          "pages/post/post.wxml": "<view>\n<view>上传头像</view>\n</view>\n",
                          "pages/post/post.js": POST_JS})
    app_repo.commit("a guide, and an avatar upload with no matchmaking words")
    assert _category(run(app_repo.path, base)) == set()


def test_an_old_page_that_starts_uploading_beside_the_services_words_stays_silent(app_repo):
    app_repo.write_files({"pages/index/index.wxml": "<view>相亲</view>\n<view>理想型</view>\n"})
    base = app_repo.commit("a matchmaking list")
    app_repo.write_files({"pages/index/index.js": POST_JS})
    app_repo.commit("the list uploads")
    assert _category(run(app_repo.path, base)) == set()


def test_an_agreement_clause_naming_a_draw_is_no_draw_but_a_draw_page_is(app_repo):
    base = app_repo.commit("no draws")
    clause = "<view>\n<text>3.2.5.用户应当按照本平台发布的规则参加抽奖等活动，遵守活动秩序。</text>\n</view>\n"
    app_repo.write_files({"app.json": APP_JSON, "pages/terms/terms.wxml": clause})
    terms = app_repo.commit("the service agreement")
    assert _category(run(app_repo.path, base)) == set()
    app_repo.write_files({"pages/book/book.wxml": "<view>\n<button>立即抽奖</button>\n</view>\n"})
    app_repo.commit("a draw")
    assert _category(run(app_repo.path, terms)) == {("category.lottery", "pages/book/book.wxml", 2, "app")}


def test_a_like_caption_is_no_tipping_but_a_tip_button_is(app_repo):
    base = app_repo.commit("no tips")
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/book/book.wxml": "<view>\n<view bindtap=\"like\">\n<icon type=\"like\"/>\n赞赏\n</view>\n"
                                                  "</view>\n"})
    caption = app_repo.commit("a like toggle captioned 赞赏")
    assert _category(run(app_repo.path, base)) == set()
    app_repo.write_files({"pages/me/me.wxml": "<view>\n<button bindtap=\"tip\">确认打赏</button>\n</view>\n"})
    app_repo.commit("tips")
    assert _category(run(app_repo.path, caption)) == {("category.tipping", "pages/me/me.wxml", 2, "app")}


def test_fortune_content_is_told_once_where_it_first_appears_and_not_again_in_an_app_that_had_it(app_repo):
    base = app_repo.commit("a notes app")
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/book/book.wxml": "<view>\n<text>今日运势</text>\n</view>\n",
                          "pages/guide/guide.wxml": "<view>\n<text>求签问事</text>\n</view>\n"})
    readings = app_repo.commit("daily readings on two pages")
    assert _category(run(app_repo.path, base)) == {("category.fortune", "pages/book/book.wxml", 2, "app")}
    app_repo.write_files({"pages/post/post.wxml": "<view>\n<text>塔罗占卜</text>\n</view>\n"})
    app_repo.commit("one more reading page")
    assert _category(run(app_repo.path, readings)) == set()
