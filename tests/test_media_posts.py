"""A page that uploads the video or photos its user picks and hands them to an API method named as a post
(``socialApi.dynamicAdd``) publishes user content with no text box (analyzers/media_posts.py). Each on a small
real repository, with the look-alikes that must stay silent."""

from __future__ import annotations

from helpers import places, run

APP_JSON = '{"pages": ["pages/index/index", "pages/video/video"]}\n'
# an API client whose transport no reader follows (a library instance): only the method's name tells
SOCIAL = """import client from 'some-http-client'
export const socialApi = {
  dynamicAdd(data) { return client.post('/social/dynamic/add', data) },
  dynamicList(data) { return client.get('/social/dynamic/list', data) },
  likePost(id) { return client.post('/social/like', { id }) },
}
"""
PAGE = """import { socialApi } from '../../api/social'
Page({
  pick() {
    wx.chooseVideo({ success: (res) => {
      wx.uploadFile({ url: 'https://up.example.com/v', filePath: res.tempFilePath, name: 'f',
        success: (r) => this.post(r.data) })
    } })
  },
  async post(url) {
    await socialApi.CALL({ videoUrl: url, type: 3 })
  },
})
"""


def _video_page(app_repo, call: str, *, page_in_base: bool = False):
    app_repo.write_files({"app.json": APP_JSON, "api/social.js": SOCIAL})
    if page_in_base:  # the page posted the picked file's path as it was, before any upload
        app_repo.write("pages/video/video.js", "import { socialApi } from '../../api/social'\nPage({\n"
                                               f"  pick() {{ wx.chooseVideo({{ success: (r) => socialApi.{call}(r) }}) }},\n}})\n")
    base = app_repo.commit("an API client")
    app_repo.write_files({"pages/video/video.wxml": '<view bindtap="pick">拍摄视频</view>\n',
                          "pages/video/video.js": PAGE.replace("CALL", call)})
    app_repo.commit("users post short videos")
    return places(run(app_repo.path, base), "category")


def test_an_uploaded_video_handed_to_a_method_named_as_a_post_is_ugc_at_that_call(app_repo):
    assert _video_page(app_repo, "dynamicAdd") == {("category.ugc", "pages/video/video.js", 10)}


def test_an_upload_followed_by_a_read_or_a_like_is_no_post(app_repo):
    assert _video_page(app_repo, "dynamicList") == set()


def test_a_like_is_no_post(app_repo):
    assert _video_page(app_repo, "likePost") == set()


def test_a_post_call_the_page_already_made_is_not_new(app_repo):
    # the page posted before; the change only uploads the video first (the call is rewritten, its name is old)
    assert _video_page(app_repo, "dynamicAdd", page_in_base=True) == set()
