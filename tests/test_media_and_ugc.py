"""Uploads and pickers behind UI kits and SDKs, recorders in components, ads and user posting (UGC):
each on a small real repository, with the look-alike that must stay silent."""

from __future__ import annotations

import pytest

from helpers import register_pages, run


def test_each_new_ad_placement_in_a_file_is_reported_but_not_an_existing_one(app_repo):
    app_repo.write("pages/index/index.wxml", '<view>home</view>\n<ad unit-id="adunit-home1"></ad>\n')
    base = app_repo.commit("an ad on the home page")
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<ad unit-id="adunit-me1"></ad>\n<view>orders</view>\n'
                                       '<ad-custom unit-id="adunit-me2"></ad-custom>\n<ad unit-id="adunit-me3"></ad>\n')
    app_repo.write("pages/index/index.wxml", '<view>home page</view>\n<ad unit-id="adunit-home1"></ad>\n')
    app_repo.commit("ads on the profile page")
    ads = {(f.subject, f.path, f.line, f.scope) for f in run(app_repo.path, base).findings if f.rule == "category.ad"}
    assert ads == {("<ad>", "pages/me/me.wxml", 2, "file"), ("<ad>", "pages/me/me.wxml", 5, "file"),
                   ("<ad-custom>", "pages/me/me.wxml", 4, "file")}


def _hits(report, rule):
    return {(f.path, f.line, f.scope) for f in report.findings if f.rule == rule}


# -- UI-kit pickers and uploaders -----------------------------------------------------------------
def test_vant_uploader_registered_from_the_kit_picks_photos(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"van-uploader": "@vant/weapp/uploader/index"}}\n')
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<van-uploader file-list="{{ photos }}" '
                                       'bind:after-read="keepPhoto"/>\n')
    app_repo.commit("photo wall")
    report = run(app_repo.path, base)
    assert _hits(report, "privacy.album") == {("pages/me/me.wxml", 2, "app")}
    [album] = [f for f in report.findings if f.rule == "privacy.album"]
    assert album.value == "<van-uploader> (Vant Weapp)"
    assert "upload.third_party_upload" not in {f.rule for f in report.findings}  # Vant only picks


def test_a_project_component_under_a_kit_name_is_not_the_kit(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"van-uploader": "/components/avatar-frame/index"}}\n')
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<van-uploader src="{{ avatar }}"/>\n')
    app_repo.commit("avatar frame")
    assert _hits(run(app_repo.path, base), "privacy.album") == set()


def test_vendored_copy_of_the_kit_still_counts(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"van-uploader": "/libs/vant/uploader/index"}}\n')
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<van-uploader bind:after-read="keepPhoto"/>\n')
    app_repo.commit("photo wall")
    assert _hits(run(app_repo.path, base), "privacy.album") == {("pages/me/me.wxml", 2, "app")}


def test_a_disabled_or_zero_count_uploader_only_shows_files(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"van-uploader": "@vant/weapp/uploader/index"}}\n')
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<van-uploader file-list="{{ photos }}" disabled/>\n'
                                        '<van-uploader file-list="{{ proofs }}" max-count="0"/>\n'
                                        '<van-uploader disabled="{{ busy }}" bind:after-read="keepPhoto"/>\n')
    app_repo.commit("after-sale detail shows the photos; one picker while not busy")
    assert _hits(run(app_repo.path, base), "privacy.album") == {("pages/me/me.wxml", 4, "app")}


UNI = {
    "src/pages.json": '{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/post/post"}],\n}\n',
    "src/manifest.json": '{\n  "name": "club",\n  "mp-weixin": { "appid": "wx1" }\n}\n',
    "src/App.vue": "<script>\nexport default { onLaunch() { uni.onNeedPrivacyAuthorization(() => {}) } }\n</script>\n",
    "src/pages/index/index.vue": "<template><view>首页</view></template>\n",
    "src/pages/post/post.vue": "<template><view>发布</view></template>\n",
}


def test_easycom_uview_upload_picks_and_uploads_without_an_import(repo):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/post/post.vue", '<template>\n  <view>\n    <u-upload :action="uploadUrl" :max-count="9">'
                                          '</u-upload>\n  </view>\n</template>\n')
    repo.commit("pictures on a post")
    report = run(repo.path, base)
    assert _hits(report, "privacy.album") == {("src/pages/post/post.vue", 3, "app")}
    assert _hits(report, "upload.third_party_upload") == {("src/pages/post/post.vue", 3, "app")}


@pytest.mark.parametrize(("tag", "uploads"), [
    ("up-upload", False),        # uview-plus: after-read hands the files to the page
    ("uv-upload", False),        # uv-ui
    ("wd-upload", True),         # Wot Design Uni: auto-upload to `action`
    ("tn-image-upload", True),   # TuniaoUI
    ("tui-upload", True),        # ThorUI: `serverUrl`
    ("fui-upload", True),        # FirstUI: `url`
])
def test_uni_app_kit_uploaders_by_easycom_tag(repo, tag, uploads):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/post/post.vue", f'<template>\n  <view>\n    <{tag} :file-list="files" :max-count="9">'
                                          f'</{tag}>\n  </view>\n</template>\n')
    repo.commit("pictures on a post")
    report = run(repo.path, base)
    assert _hits(report, "privacy.album") == {("src/pages/post/post.vue", 3, "app")}
    assert _hits(report, "upload.third_party_upload") == ({("src/pages/post/post.vue", 3, "app")} if uploads else set())


def test_taro_ui_image_picker_from_the_kit_but_not_from_a_project_file(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index', 'pages/me/index'],\n})\n",
        "src/app.ts": "export default function App({ children }) { return children }\n",
        "src/pages/index/index.tsx": "export default () => null\n",
        "src/pages/me/index.tsx": "export default () => null\n",
    })
    base = repo.commit("base")
    repo.write("src/pages/me/index.tsx", "import { AtImagePicker } from 'taro-ui'\n"
                                          "export default () => <AtImagePicker files={[]} onChange={() => {}} />\n")
    repo.write("src/pages/index/index.tsx", "import { AtImagePicker } from '../../components/banner'\n"
                                             "export default () => <AtImagePicker slides={[]} />\n")
    repo.commit("pickers")
    assert _hits(run(repo.path, base), "privacy.album") == {("src/pages/me/index.tsx", 2, "app")}


# -- upload SDKs and recorders in components -------------------------------------------------------
VOICE_COMPONENT = """<template>
  <view @tap="record">录音</view>
</template>
<script>
// #ifdef MP-WEIXIN
import VodUploader from '@/libs/vod-wx-sdk-v2';
// #endif
// #ifdef H5
import TcVod from 'vod-js-sdk-v6';
// #endif
export default {
  created() { this.recorder = uni.getRecorderManager(); },
  methods: {
    record() { this.recorder.start({ format: 'mp3' }); },
    send(file) {
      // #ifdef MP-WEIXIN
      VodUploader.start({ mediaFile: file, getSignature: this.sign });
      // #endif
      // #ifdef H5
      new TcVod({}).upload({ mediaFile: file });
      // #endif
    },
  },
};
</script>
"""


def test_recorder_and_vod_upload_inside_a_uni_app_component(repo):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/components/voice-note/voice-note.vue", VOICE_COMPONENT)
    repo.write("src/pages/post/post.vue", "<template><view><voice-note /></view></template>\n")  # easycom: its tag
    repo.commit("voice notes")
    report = run(repo.path, base)
    path = "src/components/voice-note/voice-note.vue"
    assert _hits(report, "privacy.record") == {(path, 14, "app")}
    [record] = [f for f in report.findings if f.rule == "privacy.record"]
    assert record.value == "wx.getRecorderManager"
    assert _hits(report, "upload.third_party_upload") == {(path, 17, "app")}
    [upload] = [f for f in report.findings if f.rule == "upload.third_party_upload"]
    assert upload.value is not None and upload.value.startswith("VodUploader.start")


def test_api_client_sdk_upload_but_not_its_other_methods(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "const WXAPI = require('apifm-wxapi')\nPage({\n"
                                     "  async load() { this.setData({ goods: await WXAPI.goodsList() }) },\n"
                                     "  async avatar(path) { await WXAPI.uploadFile(wx.getStorageSync('token'), path) },\n"
                                     "})\n")
    app_repo.commit("avatar upload")
    assert _hits(run(app_repo.path, base), "upload.third_party_upload") == {("pages/me/me.js", 4, "app")}


def test_cos_instance_upload_counts_and_a_look_alike_object_does_not(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "const COS = require('../../libs/cos-wx-sdk-v5.min.js')\n"
                                     "const cos = new COS({ getAuthorization: (o, cb) => cb({}) })\n"
                                     "const drafts = new Map()\n"
                                     "Page({ save(k, f) { drafts.put(k, f) },\n"
                                     "  send(f) { cos.postObject({ Bucket: 'b', Key: 'k', FilePath: f }) } })\n")
    app_repo.commit("cos upload")
    assert _hits(run(app_repo.path, base), "upload.third_party_upload") == {("pages/me/me.js", 5, "app")}


# -- API-client objects that wrap wx.uploadFile ---------------------------------------------------
def test_upload_method_of_an_exported_api_client_object_is_followed(app_repo):
    app_repo.write("utils/api.js", "const api = {\n  goods(id) { return wx.request({ url: '/goods/' + id }) },\n"
                                   "  uploadFile(path) { return wx.uploadFile({ url: '/files', filePath: path, name: 'f' }) },\n"
                                   "}\nexport default api\n")
    app_repo.write("utils/client.js", "module.exports = {\n  send: (path) => wx.uploadFile({ filePath: path }),\n}\n")
    base = app_repo.commit("api clients")
    app_repo.write("pages/me/me.js", "import api from '../../utils/api'\nPage({\n  load() { api.goods(1) },\n"
                                     "  avatar(p) { api.uploadFile(p) },\n})\n")
    app_repo.write("pages/index/index.js", "const client = require('../../utils/client')\nPage({\n"
                                           "  share(p) { client.send(p) },\n})\n")
    app_repo.commit("avatar and share uploads")
    assert _hits(run(app_repo.path, base), "upload.upload_file") == {("pages/me/me.js", 4, "file"),
                                                                     ("pages/index/index.js", 3, "file")}


def test_method_of_an_exported_class_instance_is_followed(app_repo):
    """``export default new MapService()`` / ``const s = new S(); export default s``: its methods are helpers."""
    app_repo.write("utils/map.js", "class MapService {\n  async pick() {\n    const res = await wx.chooseLocation()\n"
                                   "    return res.address\n  }\n}\nconst mapService = new MapService()\n"
                                   "export default mapService\n")
    base = app_repo.commit("map helper")
    caller = "import mapService from '../../utils/map'\nPage({\n  async where() { this.at = await mapService.pick() },\n})\n"
    app_repo.write("pages/index/index.js", caller)
    app_repo.commit("first caller")
    assert _hits(run(app_repo.path, base), "privacy.choose_location") == {("pages/index/index.js", 3, "file")}


# -- user posting (UGC): content security once per page, and the category -------------------------
POST_JS = """Page({
  data: { text: '', pictures: [] },
  pick() { wx.chooseImage({ count: 3, success: (res) => this.send(res.tempFilePaths[0]) }) },
  send(path) {
    wx.uploadFile({ url: 'https://files.example.com/up', filePath: path, name: 'file' })
  },
  publish() { wx.request({ url: 'https://api.example.com/threads', method: 'POST', data: this.data }) },
})
"""


def test_post_page_with_pictures_checks_the_pictures_at_the_upload_and_the_text_at_its_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="分享新鲜事"/>\n'
                                       '<button bindtap="publish">发布</button>\n</view>\n')
    app_repo.write("pages/me/me.js", POST_JS)
    app_repo.commit("post a thread")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 5, "app")}
    assert _hits(report, "upload.upload_file") == {("pages/me/me.js", 5, "app")}
    # the text does not go up with the pictures but by its own request: its check belongs at that post
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 7, "app")}


def test_a_page_whose_text_goes_up_with_its_pictures_is_one_upload_finding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="写点什么"/>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({\n  send(path) {\n    wx.uploadFile({ url: 'https://files.example.com/up',"
                                     " filePath: path, name: 'file', formData: { text: this.text } })\n  },\n})\n")
    app_repo.commit("a caption with its picture")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.upload_file") == {("pages/me/me.js", 3, "app")}
    assert _hits(report, "upload.user_text") == set()  # the upload finding of the page covers its text


def test_comment_page_without_pictures_keeps_the_text_finding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="写评论"/>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({\n  onText(e) { this.text = e.detail.value },\n"
                                     "  send() { wx.request({ url: '/comments', method: 'POST', data: { text: this.text } }) },\n})\n")
    app_repo.commit("comments")
    report = run(app_repo.path, base)
    # told where the text is posted (where the check belongs), naming the box it comes from
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 3, "app")}
    [text] = [f for f in report.findings if f.rule == "upload.user_text"]
    assert text.value == "<textarea> pages/me/me.wxml:2 → wx.request"
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 3, "app")}
    [ugc] = [f for f in report.findings if f.rule == "category.ugc"]
    assert ugc.severity == "medium" and ugc.value == "<textarea> pages/me/me.wxml:2 → wx.request"


def test_a_form_that_already_posted_its_text_box_gains_another_is_no_new_post(app_repo):
    """A client form that gains a 家庭成员 box: the page published text before; nothing new to declare."""
    form = '<view>\n<textarea bindinput="onIntro" placeholder="自我介绍"/>\nMORE</view>\n'
    app_repo.write("pages/me/me.wxml", form.replace("MORE", ""))
    app_repo.write("pages/me/me.js", "Page({\n  onIntro(e) { this.intro = e.detail.value },\n"
                                     "  save() { wx.request({ url: '/clients', method: 'POST', data: this.data }) },\n})\n")
    base = app_repo.commit("client form")
    app_repo.write("pages/me/me.wxml", form.replace("MORE", '<textarea bindinput="onFamily" placeholder="家庭成员"/>\n'))
    app_repo.commit("family field")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == set() and _hits(report, "category.ugc") == set()


def test_lone_textarea_that_nothing_sends_is_neither_upload_nor_ugc(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="备忘"/>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({ onText(e) { wx.setStorageSync('memo', e.detail.value) } })\n")
    app_repo.commit("local memo")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == set() and _hits(report, "category.ugc") == set()


@pytest.mark.parametrize("box", ["textarea", "up-textarea", "uv-textarea", "wd-textarea"])
def test_uni_app_post_page_in_one_file(repo, box):
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/post/post.vue", f"<template>\n  <view>\n    <{box} v-model=\"content\"></{box}>"
                                          "<button @tap=\"submit\">发布</button>\n"
                                          "  </view>\n</template>\n<script>\nexport default {\n"
                                          "  methods: { submit() { uni.request({ url: '/topics', method: 'POST', "
                                          "data: { content: this.content } }) } },\n};\n</script>\n")
    repo.commit("topic posts")
    report = run(repo.path, base)
    assert _hits(report, "category.ugc") == {("src/pages/post/post.vue", 8, "app")}
    assert _hits(report, "upload.user_text") == {("src/pages/post/post.vue", 8, "app")}  # at the post


def test_nickname_input_is_privacy_but_not_unchecked_user_text(app_repo):
    """WeChat checks a nickname input itself from base library 2.24.4 (userProfile.html): no content check
    to add and no post; only the privacy type remains."""
    app_repo.write("pages/me/me.js", "Page({ save(e) { wx.request({ url: '/profile', data: e.detail.value }) } })\n")
    app_repo.write("pages/me/me.wxml", "<view>me</view>\n")
    base = app_repo.commit("profile page")
    app_repo.write("pages/me/me.wxml", '<view>me</view>\n<input type="nickname" name="nickname" placeholder="昵称"/>\n')
    app_repo.commit("nickname")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == set()
    assert _hits(report, "category.ugc") == set()
    assert _hits(report, "privacy.user_info") == {("pages/me/me.wxml", 2, "app")}


def test_taro_ad_component_and_ad_apis_are_ads(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index'],\n})\n",
        "src/app.ts": "export default function App({ children }) { return children }\n",
        "src/pages/index/index.tsx": "export default () => null\n",
    })
    base = repo.commit("base")
    repo.write("src/pages/index/index.tsx", "import Taro, { createRewardedVideoAd } from '@tarojs/taro'\n"
                                             "import { Ad, View } from '@tarojs/components'\n"
                                             "const gate = createRewardedVideoAd({ adUnitId: 'adunit-1' })\n"
                                             "const pop = Taro.createInterstitialAd({ adUnitId: 'adunit-2' })\n"
                                             "export default () => <View><Ad unitId='adunit-3' /></View>\n")
    repo.commit("ads")
    ads = {(f.subject, f.line) for f in run(repo.path, base).findings if f.rule == "category.ad"}
    assert ads == {("wx.createRewardedVideoAd", 3), ("wx.createInterstitialAd", 4), ("<ad>", 5)}


def test_diary_page_that_only_uploads_media_to_storage_is_not_a_posting_category(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="今天的心情"/>\n'
                                       '<button bindtap="keep">保存</button>\n</view>\n')
    app_repo.write("pages/me/me.js", """Page({
  keep() {
    wx.chooseMedia({ success: (res) => {
      wx.uploadFile({ url: this.data.ossUrl, filePath: res.tempFiles[0].tempFilePath, name: 'file' })
    } })
  },
})
""")
    app_repo.commit("private diary with photos")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set()
    assert _hits(report, "upload.upload_file") == {("pages/me/me.js", 4, "app")}


CHAT_JS = """Page({
  onLoad() { wx.connectSocket({ url: 'wss://chat.example.com/ws' }) },
  hello() { wx.request({ url: 'https://chat.example.com/session', method: 'POST', data: { shop: this.data.shop } }) },
  send() { wx.sendSocketMessage({ data: this.data.message }) },
})
"""


def test_customer_service_chat_over_a_socket_is_not_a_posting_category(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="请描述您的问题"/>\n'
                                       '<button bindtap="send">发送</button>\n</view>\n')
    app_repo.write("pages/me/me.js", CHAT_JS)
    app_repo.commit("chat with the shop")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set()
    assert _hits(report, "external_link.domain") == {("pages/me/me.js", 2, "app")}  # the socket's host
    assert _hits(report, "upload.user_text") == {("pages/me/me.wxml", 2, "app")}  # messages still need checks


def test_post_sent_through_a_request_helper_is_a_posting_category(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/request.js", "export default function request(options) {\n"
                                       "  return new Promise((ok) => wx.request({ ...options, success: ok }))\n}\n")
    app_repo.write("api/topic.js", "import request from '../utils/request'\n"
                                   "export const saveTopic = (data) => request({ url: '/topic', method: 'POST', data })\n")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText"/>\n'
                                       '<button bindtap="publish">发布</button>\n</view>\n')
    app_repo.write("pages/me/me.js", "import { saveTopic } from '../../api/topic'\n"
                                     "Page({\n  publish() {\n    saveTopic({ content: this.data.text })\n  },\n})\n")
    app_repo.commit("topics")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 4, "app")}


def test_kit_textarea_post_is_anchored_at_the_wrapper_that_saves_not_the_one_that_loads(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("api/club.js", "export const getClubTypes = () => wx.request({ url: '/club/types' })\n"
                                  "export const saveClub = (data) => wx.request({ url: '/club', method: 'POST', data })\n")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"t-textarea": "tdesign-miniprogram/textarea/textarea"}}\n')
    app_repo.write("pages/me/me.wxml", '<view>\n<t-textarea value="{{ intro }}" bind:change="onInput"/>\n'
                                       '<button bindtap="submit">发布</button>\n</view>\n')
    app_repo.write("pages/me/me.js", "import { getClubTypes, saveClub } from '../../api/club'\nPage({\n"
                                     "  onLoad() { getClubTypes() },\n  submit() {\n    saveClub({ intro: this.data.intro })\n"
                                     "  },\n})\n")
    app_repo.commit("clubs")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 5, "app")}
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 5, "app")}  # the save, not the load


def test_kit_text_field_that_is_not_a_textarea_is_not_a_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<t-input value="{{ q }}" bind:change="onInput"/>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({\n  search() { wx.request({ url: '/search', data: this.data }) },\n})\n")
    app_repo.commit("search box")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set() and _hits(report, "upload.user_text") == set()


COMPOSER = ('<view>\n<van-field model:value="{{ value }}" type="textarea" placeholder="分享新鲜事"/>\n'
            '<van-uploader file-list="{{ fileList }}" bind:after-read="afterRead"/>\n<van-button>发布</van-button>\n'
            '</view>\n')
AFTER_READ = ("Page({\n  afterRead(event) {\n    const { file } = event.detail\n"
              "    wx.uploadFile({ url: 'https://files.example.com/up', filePath: file.url, name: 'file' })\n"
              "  },\n})\n")


def test_vant_field_of_type_textarea_is_a_text_box_and_a_publish_page_that_uploads_is_ugc(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/publish/index.wxml", COMPOSER)
    app_repo.write("pages/publish/index.js", AFTER_READ)
    register_pages(app_repo)
    app_repo.commit("composer")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/publish/index.js", 4, "app")}  # at the upload that sends it
    assert _hits(report, "upload.upload_file") == {("pages/publish/index.js", 4, "app")}
    assert _hits(report, "upload.user_text") == set()  # the page's upload finding covers its text


def test_an_upload_only_page_whose_words_name_no_public_scene_is_no_ugc(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/profile/edit.wxml", COMPOSER)
    app_repo.write("pages/profile/edit.js", AFTER_READ)
    register_pages(app_repo)
    app_repo.commit("profile photo with a caption")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set()
    assert _hits(report, "upload.upload_file") == {("pages/profile/edit.js", 4, "app")}


def test_a_single_line_vant_field_is_no_text_box(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/post/index.wxml", '<view>\n<van-field value="{{ age }}" label="年龄"/>\n</view>\n')
    app_repo.write("pages/post/index.js", "Page({\n  save() { wx.request({ url: '/posts', data: this.data }) },\n})\n")
    app_repo.commit("a form")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set() and _hits(report, "upload.user_text") == set()


@pytest.mark.parametrize("field", ['<van-field type="nickname" label="昵称" value="{{ nickname }}"/>',
                                   '<t-input type="nickname" label="昵称" value="{{ nickname }}"/>'])
def test_a_kit_field_of_type_nickname_is_the_nickname_input(app_repo, field):
    # Vant Weapp's field and TDesign's input render WeChat's own <input type="nickname"> for type="nickname".
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/register/index.wxml", f"<view>\n{field}\n</view>\n")
    app_repo.commit("register form")
    assert _hits(run(app_repo.path, base), "privacy.user_info") == {("pages/register/index.wxml", 2, "app")}


def test_a_kit_field_of_another_type_asks_for_no_nickname(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/register/index.wxml", '<view>\n<van-field type="text" label="姓名"/>\n'
                                                '<t-input type="number" label="年龄"/>\n</view>\n')
    app_repo.commit("register form")
    assert _hits(run(app_repo.path, base), "privacy.user_info") == set()


def test_uni_ad_rewarded_video_and_interstitial_components_are_ads(repo):
    repo.write_files({"pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/ad/ad"}]}',
                      "manifest.json": "{}", "pages/index/index.vue": "<template><view>home</view></template>\n"})
    base = repo.commit("uni-app")
    repo.write("pages/ad/ad.vue", '<template>\n  <view>\n    <ad-rewarded-video adpid="1507000689">\n'
                                  '      <button>watch</button>\n    </ad-rewarded-video>\n'
                                  '    <ad-interstitial adpid="1111111113"></ad-interstitial>\n'
                                  '    <ad-rewarded-videos></ad-rewarded-videos>\n  </view>\n</template>\n')
    repo.commit("a rewarded ad page")
    ads = {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "category.ad"}
    assert ads == {("<ad-rewarded-video>", "pages/ad/ad.vue", 3), ("<ad-interstitial>", "pages/ad/ad.vue", 6)}


API_CLIENT = """const root = () => 'https://api.example.com'
const API = {
  post: (path, data = {}) => {
    return wx.request({ url: root() + path, data: data, method: 'POST' })
  },
  get: (path) => {
    return wx.request({ url: root() + path, method: 'GET' })
  },
}

export {
  API
}
"""
REVIEW_JS = """import { API } from '../../utils/api'
import { uploadImage } from '../../utils/uploader'
Page({
  onLoad() { API.get('/products/1') },
  pick() { wx.chooseImage({ success: (res) => uploadImage(res.tempFilePaths[0]) }) },
  submit() {
    API.post('/customers/review/', { content: this.data.content })
  },
})
"""


def test_the_text_posted_through_a_method_of_an_exported_api_client_object_is_checked_at_that_call(app_repo):
    app_repo.write("utils/api.js", API_CLIENT)
    app_repo.write("utils/uploader.js", "export function uploadImage(path) {\n"
                                        "  return wx.uploadFile({ url: 'https://up.example.com', filePath: path, "
                                        "name: 'file' })\n}\n")
    base = app_repo.commit("the API client and an uploader nothing calls yet")
    app_repo.write("pages/me/me.wxml", '<view>\n<textarea bindinput="onText" placeholder="我要评论"/>\n'
                                       '<button bindtap="submit">发布</button>\n</view>\n')
    app_repo.write("pages/me/me.js", REVIEW_JS)
    app_repo.commit("a review page")
    report = run(app_repo.path, base)
    [text] = [f for f in report.findings if f.rule == "upload.user_text"]
    assert (text.path, text.line, text.value) == ("pages/me/me.js", 7, "<textarea> pages/me/me.wxml:2 → wx.request")
    assert _hits(report, "upload.upload_file") == {("pages/me/me.js", 5, "file")}
    # the read through the same client (API.get on load) is no post
    assert not any(f.line == 4 for f in report.findings if f.family == "upload")
