"""What is not a new call site of a privacy API the app already has: the same call copied into the branches of
a permission check on its own page, a ``wx.authorize`` gate in front of a call of the same data (new to the app
too: the call is told, naming its API), an unchanged call of a wrapper the change edits (the wrapper's own finding
tells it), a file reading again data that is one value per user (the profile, the position) and a file making
again a call that only writes (a copy to the clipboard, a photo saved to the album)."""

from __future__ import annotations

import pytest

from helpers import found, run

PICK_ADDRESS = "  wx.chooseAddress({ success: (res) => this.setData({ address: res }) })\n"


def test_a_call_copied_into_the_branches_of_a_permission_check_is_not_a_new_call_site(app_repo):
    app_repo.write_files({"pages/index/index.js": "Page({ pick() { wx.chooseAddress({}) } })\n",
                          "pages/me/me.js": "Page({ pick() {\n" + PICK_ADDRESS + "} })\n"})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ pick() {\n  wx.getSetting({ success: (s) => {\n"
                   "    if (s.authSetting['scope.address'] === false) {\n      wx.openSetting({ success: () => {\n"
                   "  " + PICK_ADDRESS + "      } })\n    } else {\n  " + PICK_ADDRESS + "    }\n  } })\n} })\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.address"]


def test_the_same_call_on_another_page_is_still_a_new_call_site(app_repo):
    app_repo.write("pages/index/index.js", "Page({ pick() { wx.chooseAddress({}) } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ pick() {\n" + PICK_ADDRESS + "} })\n")
    app_repo.commit()
    assert ("privacy.address", "pages/me/me.js", 2, "file") in found(run(app_repo.path, base))


PROFILE = "  wx.getUserProfile({ desc: '展示头像', success: (r) => cb(r.userInfo) })\n"
GATED = ("  wx.getSetting({ success: (s) => {\n    if (!s.authSetting['scope.userInfo']) {\n"
         "      wx.authorize({ scope: 'scope.userInfo' })\n    }\n" + PROFILE + "  } })\n")


def test_an_authorize_gate_in_front_of_a_moved_user_info_call_is_not_new(app_repo):
    app_repo.write("pages/me/me.js", "Page({ login(cb) {\n" + PROFILE + "} })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({})\n")
    app_repo.write("components/profile/profile.js", "Component({ methods: { login(cb) {\n" + GATED + "} } })\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"]


def test_an_authorize_alone_on_a_new_page_is_still_reported(app_repo):
    app_repo.write("pages/index/index.js", "Page({ login(cb) {\n" + PROFILE + "} })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ ask() {\n  wx.authorize({ scope: 'scope.userInfo' })\n} })\n")
    app_repo.commit()
    assert ("privacy.user_info_reclaimed", "pages/me/me.js", 2, "file") in found(run(app_repo.path, base))


AUTH_BEFORE = "function userLogin(page) {\n  wx.getUserInfo({ success: (r) => page.setData(r) })\n}\n" \
              "module.exports = { userLogin }\n"
AUTH_AFTER = ("function userLogin(page) {\n  if (wx.getUserProfile) {\n"
              "    wx.getUserProfile({ desc: '展示用户信息', success: (r) => page.setData(r) })\n"
              "  } else {\n    wx.getUserInfo({ success: (r) => page.setData(r) })\n  }\n}\n"
              "module.exports = { userLogin }\n")
PAGE = ("const AUTH = require('../../utils/auth.js')\nPage({\n  data: {%s},\n  processLogin() {\n"
        "    AUTH.userLogin(this)\n  }\n})\n")


def test_an_unchanged_wrapper_call_is_not_reported_when_the_wrapper_changes(app_repo):
    app_repo.write_files({"utils/auth.js": AUTH_BEFORE, "pages/me/me.js": PAGE % ""})
    base = app_repo.commit()
    app_repo.write_files({"utils/auth.js": AUTH_AFTER, "pages/me/me.js": PAGE % " canIUseGetUserProfile: true "})
    app_repo.commit()
    profile = {f[1:] for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"}
    assert profile == {("utils/auth.js", 3, "file")}


def test_a_new_wrapper_call_on_a_page_is_reported_at_the_page(app_repo):
    app_repo.write_files({"utils/auth.js": AUTH_AFTER, "pages/index/index.js": PAGE % ""})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", PAGE % "")
    app_repo.commit()
    profile = {f[1:] for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"}
    assert ("pages/me/me.js", 5, "file") in profile


VANT = '{"usingComponents": {"van-uploader": "@vant/weapp/uploader/index"}}\n'
HELPER = ("function pickAndSend(page) {\n  wx.chooseImage({ count: 9, success: (r) => page.setData({ photos: r.tempFilePaths }) })\n"
          "}\nmodule.exports = { pickAndSend }\n")


def test_a_page_that_picked_photos_with_a_kit_uploader_gains_no_call_site_through_a_helper(app_repo):
    app_repo.write_files({"pages/me/me.json": VANT,
                          "pages/me/me.wxml": '<van-uploader file-list="{{ photos }}" bind:after-read="read"/>\n',
                          "pages/index/index.js": "Page({ pick() { wx.chooseImage({}) } })\n"})
    base = app_repo.commit()
    app_repo.write_files({"utils/pick.js": HELPER,
                          "pages/me/me.wxml": '<van-uploader file-list="{{ photos }}" bind:after-read="read" max-count="9"/>\n',
                          "pages/me/me.js": "const { pickAndSend } = require('../../utils/pick.js')\n"
                                            "Page({ read() {\n  pickAndSend(this)\n} })\n"})
    app_repo.commit()
    album = {f[1:] for f in found(run(app_repo.path, base)) if f[0] == "privacy.album"}
    assert album == {("utils/pick.js", 2, "file")}


def test_a_second_picker_added_beside_one_that_stays_is_a_new_call_site(app_repo):
    front = "  front() {\n    wx.chooseImage({ count: 1 })\n  },\n"
    app_repo.write("pages/me/me.js", "Page({\n" + front + "})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n" + front + "  handheld() {\n    wx.chooseImage({ count: 1 })\n  },\n})\n")
    app_repo.commit()
    assert ("privacy.album", "pages/me/me.js", 6, "file") in found(run(app_repo.path, base))


UPLOADER_VUE = ("<template>\n  <view>\n{picker}  </view>\n</template>\n<script>\nexport default {{\n"
                "  methods: {{\n{method}  }},\n}}\n</script>\n")
CHOOSE = "    pick() { uni.chooseImage({ count: 9, success: (r) => this.$emit('change', r.tempFilePaths) }) },\n"


def _uni_app_with_a_photos_component(repo) -> str:
    """A uni-app whose photos component picks with uni.chooseImage; returns the base commit."""
    repo.write_files({"src/pages.json": '{"pages": [{"path": "pages/index/index"}]}',
                      "src/manifest.json": '{"mp-weixin": {"appid": "wx1"}}', "src/App.vue": "<script>\n</script>\n",
                      "src/pages/index/index.vue": "<template><view>首页</view></template>\n",
                      "src/components/photos/photos.vue": UPLOADER_VUE.format(
                          picker='    <view @tap="pick">+</view>\n', method=CHOOSE)})
    base = repo.commit("base")
    return base


def test_a_kit_picker_taking_the_place_of_the_components_chooseimage_is_no_new_call_site(repo):
    base = _uni_app_with_a_photos_component(repo)
    repo.write("src/components/photos/photos.vue", UPLOADER_VUE.format(
        picker='    <uni-file-picker v-model="files" limit="9"></uni-file-picker>\n', method="    // " + CHOOSE))
    repo.commit("the photos component picks with uni-file-picker")
    assert not [f for f in found(run(repo.path, base)) if f[0] == "privacy.album"]


def test_a_kit_picker_added_beside_a_chooseimage_that_stays_is_a_new_call_site(repo):
    base = _uni_app_with_a_photos_component(repo)
    repo.write("src/components/photos/photos.vue", UPLOADER_VUE.format(
        picker='    <view @tap="pick">+</view>\n    <uni-file-picker v-model="files" limit="9"></uni-file-picker>\n',
        method=CHOOSE))
    repo.commit("a second picker beside the first")
    assert ("privacy.album", "src/components/photos/photos.vue", 4, "file") in found(run(repo.path, base))


def test_one_picker_api_taking_anothers_place_is_still_a_new_call_site(app_repo):
    app_repo.write("pages/me/me.js", "Page({\n  pick() {\n    wx.chooseImage({ count: 9 })\n  },\n})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n  pick() {\n    wx.chooseMedia({ count: 9, mediaType: ['image'] })\n"
                                     "  },\n})\n")
    app_repo.commit()
    assert ("privacy.album", "pages/me/me.js", 3, "file") in found(run(app_repo.path, base))


USER_INFO = "    wx.getUserInfo({ success: (r) => this.setData(r) })\n"


def test_the_profile_read_again_where_the_file_already_read_it_is_no_new_call_site(app_repo):
    # One value per user (checks/privacy_types.yml one_value): App reading the profile again to send it to the
    # server at login reads what it already read; a second photo picker collects other photos (above).
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  }\n})\n")
    base = app_repo.commit()
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  },\n  login() {\n"
                   "    wx.login({ success: () => {\n  " + USER_INFO + "    } })\n  }\n})\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"]


def test_the_position_read_again_on_its_page_is_no_new_call_site(app_repo):
    app_repo.write_files({"pages/index/index.js": "Page({ onShow() { wx.getLocation({}) } })\n",
                          "pages/me/me.js": "Page({ onLoad() {\n  wx.getLocation({})\n} })\n"})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ onLoad() {\n  wx.getLocation({})\n},\n  refresh() {\n"
                   "  wx.getLocation({ type: 'gcj02' })\n} })\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.location"]


def test_the_profile_read_on_a_page_that_did_not_read_it_is_still_a_new_call_site(app_repo):
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  }\n})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n  login() {\n" + USER_INFO + "  }\n})\n")
    app_repo.commit()
    assert ("privacy.user_info_reclaimed", "pages/me/me.js", 3, "file") in found(run(app_repo.path, base))


BUTTON = '<button open-type="getUserInfo" bindgetuserinfo="login">微信授权</button>\n'


def test_the_profile_read_on_a_page_whose_button_asks_for_it_is_the_buttons_one_use(app_repo):
    # The page asks with the button; the script call in its handler reads what the tap granted: one finding.
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  }\n})\n")
    base = app_repo.commit()
    app_repo.write_files({"pages/me/me.wxml": "<view>\n" + BUTTON + "</view>\n",
                          "pages/me/me.js": "Page({\n  login() {\n" + USER_INFO + "  }\n})\n"})
    app_repo.commit()
    reported = [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"]
    assert reported == [("privacy.user_info_reclaimed", "pages/me/me.wxml", 2, "file")]


@pytest.mark.parametrize("hook", ["onLoad", "onShow"])
def test_the_profile_read_as_the_page_opens_is_its_own_use_beside_the_button(app_repo, hook):
    # The load hook reads before any tap (a page opened from a shared card logs in with it); the button is the
    # fallback when that read fails: two uses, the hook's and the button's.
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  }\n})\n")
    base = app_repo.commit()
    app_repo.write_files({"pages/me/me.wxml": "<view>\n" + BUTTON + "</view>\n",
                          "pages/me/me.js": "Page({\n  " + hook + "() {\n    wx.login({ success: () => {\n  "
                                            + USER_INFO + "    } })\n  },\n  login(e) {}\n})\n"})
    app_repo.commit()
    reported = {f for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"}
    assert reported == {("privacy.user_info_reclaimed", "pages/me/me.wxml", 2, "file"),
                        ("privacy.user_info_reclaimed", "pages/me/me.js", 4, "file")}


def test_the_profile_read_beside_another_pages_button_is_still_its_own_use(app_repo):
    app_repo.write("app.js", "App({\n  onLaunch() {\n" + USER_INFO + "  }\n})\n")
    base = app_repo.commit()
    app_repo.write_files({"pages/index/index.wxml": "<view>\n" + BUTTON + "</view>\n",
                          "pages/me/me.js": "Page({\n  login() {\n" + USER_INFO + "  }\n})\n"})
    app_repo.commit()
    reported = {f for f in found(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"}
    assert reported == {("privacy.user_info_reclaimed", "pages/index/index.wxml", 2, "file"),
                        ("privacy.user_info_reclaimed", "pages/me/me.js", 3, "file")}



SENDER = "export function sendPhoto(path) {\n  return wx.uploadFile({ url: '/photos', filePath: path, name: 'f' })\n}\n"
PICK_AND_SEND = ("export function sendPhoto() {\n  wx.chooseImage({ count: 1, success: (r) => {\n"
                 "    wx.uploadFile({ url: '/photos', filePath: r.tempFilePaths[0], name: 'f' })\n  } })\n}\n")
CALLER = "import { sendPhoto } from '../../utils/send'\nPage({\n  send(path) {\n    sendPhoto(path)\n  },\n})\n"


def test_a_new_helper_that_picks_and_uploads_and_its_only_call_are_one_use_at_the_helper(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/send.js": PICK_AND_SEND, "pages/me/me.js": CALLER})
    app_repo.commit()
    report = found(run(app_repo.path, base))
    assert {f[1:3] for f in report if f[0] == "upload.upload_file"} == {("utils/send.js", 3)}
    assert {f[1:3] for f in report if f[0] == "privacy.album"} == {("utils/send.js", 2)}


def test_a_new_helper_that_uploads_what_its_caller_picked_is_an_upload_at_the_call_too(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/send.js": SENDER, "pages/me/me.js": CALLER})
    app_repo.commit()
    uploads = {f[1:3] for f in found(run(app_repo.path, base)) if f[0] == "upload.upload_file"}
    assert uploads == {("utils/send.js", 2), ("pages/me/me.js", 4)}


def test_a_new_helper_that_picks_called_from_two_pages_is_a_new_use_on_each(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/send.js": PICK_AND_SEND, "pages/me/me.js": CALLER, "pages/index/index.js": CALLER})
    app_repo.commit()
    uploads = {f[1:3] for f in found(run(app_repo.path, base)) if f[0] == "upload.upload_file"}
    assert {("pages/me/me.js", 4), ("pages/index/index.js", 4)} <= uploads


MEDIA = ("export function pickPhotos(count = 1) {\n  return new Promise((ok) => wx.chooseImage({ count, success: (r) => ok(r.tempFilePaths) }))\n}\n"
         "export function post(url, data) {\n  return new Promise((ok) => wx.request({ url: '/api/' + url, data, success: ok }))\n}\n")
MEDIA_EDITED = MEDIA.replace("'/api/' + url", "'/api/v2/' + url")
AVATAR_PAGE = "import { post, pickPhotos } from '../../utils/media'\nPage({\n%s})\n"


def test_a_kept_page_first_calling_an_uncalled_helper_is_a_new_call_site_when_the_helper_changes_too(app_repo):
    app_repo.write_files({"utils/media.js": MEDIA, "pages/me/me.js": AVATAR_PAGE.replace(", pickPhotos", "")
                          % "  save() { post('me', {}) },\n"})
    base = app_repo.commit()
    app_repo.write_files({"utils/media.js": MEDIA_EDITED,
                          "pages/me/me.js": AVATAR_PAGE % "  change() {\n    pickPhotos(1).then((p) => post('me', p))\n  },\n"})
    app_repo.commit()
    assert ("privacy.album", "pages/me/me.js", 4, "file") in found(run(app_repo.path, base))


def test_a_page_calling_the_helper_it_called_before_from_another_method_is_no_new_call_site(app_repo):
    app_repo.write_files({"utils/media.js": MEDIA,
                          "pages/me/me.js": AVATAR_PAGE % "  change() {\n    pickPhotos(1)\n  },\n"})
    base = app_repo.commit()
    app_repo.write_files({"utils/media.js": MEDIA_EDITED,
                          "pages/me/me.js": AVATAR_PAGE % "  avatar() {\n    pickPhotos(1).then((p) => post('me', p))\n  },\n"})
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.album"]


COPY = "  %s() {\n    wx.setClipboardData({ data: this.data.%s })\n  },\n"


def test_another_copy_on_a_page_that_already_copied_is_no_new_call_site(app_repo):
    # setClipboardData writes what the app hands it and collects nothing from the user: a page that already
    # copied adds nothing by copying something else (checks/privacy_types.yml writes).
    app_repo.write("pages/me/me.js", "Page({\n" + COPY % ("copyCode", "code") + COPY % ("copyId", "id") + "})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n" + COPY % ("copyCode", "code") + COPY % ("copyId", "id")
                   + COPY % ("copyLink", "link") + "})\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.clipboard"]


def test_a_second_photo_saved_where_the_page_already_saved_one_is_no_new_call_site(app_repo):
    save = "  %s() {\n    wx.saveImageToPhotosAlbum({ filePath: this.data.%s })\n  },\n"
    app_repo.write("pages/me/me.js", "Page({\n" + save % ("savePoster", "poster") + "})\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({\n" + save % ("savePoster", "poster") + save % ("saveCode", "qr") + "})\n")
    app_repo.commit()
    assert not [f for f in found(run(app_repo.path, base)) if f[0] == "privacy.album_write"]


def test_a_copy_on_a_page_that_never_copied_and_a_clipboard_read_are_still_new_call_sites(app_repo):
    app_repo.write("pages/index/index.js", "Page({\n" + COPY % ("copyCode", "code") + "})\n")
    base = app_repo.commit()
    app_repo.write_files({
        "pages/me/me.js": "Page({\n" + COPY % ("copyLink", "link") + "})\n",
        "pages/index/index.js": "Page({\n" + COPY % ("copyCode", "code")
                                + "  paste() {\n    wx.getClipboardData({ success: (r) => this.setData(r) })\n  },\n})\n"})
    app_repo.commit()
    clipboard = {f[1:] for f in found(run(app_repo.path, base)) if f[0] == "privacy.clipboard"}
    assert clipboard == {("pages/me/me.js", 3, "file"), ("pages/index/index.js", 6, "file")}


RECORDER_PAGE = ("Page({\n  init() {\n    const rec = wx.getRecorderManager()\n    rec.onStop((r) => this.send(r))\n"
                 "    this.recorder = rec\n  },\n  talk() {\n    wx.authorize({\n      scope: 'scope.record',\n"
                 "      success: () => {\n        this.recorder.start({ format: 'mp3' })\n      },\n    })\n  },\n"
                 "  send(r) {},\n})\n")


def test_a_recorder_kept_on_the_page_and_started_after_authorize_is_told_at_its_start(app_repo):
    # The recorder made in one method and started through this.recorder in another is the microphone's use; the
    # wx.authorize in front of it asks for nothing more, new to the app as well.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", RECORDER_PAGE)
    app_repo.commit()
    record = [f for f in run(app_repo.path, base).findings if f.rule == "privacy.record"]
    assert [(f.subject, f.path, f.line, f.scope, f.value) for f in record] == [
        ("RecorderManager.start", "pages/me/me.js", 11, "app", "wx.getRecorderManager")]


def test_an_authorize_alone_on_a_page_new_to_the_app_is_still_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", RECORDER_PAGE.replace("wx.getRecorderManager()", "createVoice()"))
    app_repo.commit()
    record = [(f.subject, f.line) for f in run(app_repo.path, base).findings if f.rule == "privacy.record"]
    assert record == [("wx.authorize:scope.record", 9)]


CAMERA_PAGE_JS = ("Page({\n  onLoad() {\n    wx.authorize({ scope: 'scope.camera' })\n  },\n"
                  "  shoot() {\n    wx.createCameraContext().takePhoto({ success: (r) => this.setData(r) })\n  },\n})\n")


def test_an_authorize_for_the_camera_of_the_page_beside_it_is_told_once_at_the_camera(app_repo):
    # the scope asked in the script is the one the page's <camera> uses: one privacy item, told at the component
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": CAMERA_PAGE_JS,
                          "pages/me/me.wxml": "<view>\n  <camera device-position=\"front\"></camera>\n</view>\n"})
    app_repo.commit()
    camera = [(f.subject, f.path, f.line) for f in run(app_repo.path, base).findings if f.rule == "privacy.camera"]
    assert camera == [("<camera>", "pages/me/me.wxml", 2)]


def test_an_authorize_for_a_camera_on_another_page_is_still_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": CAMERA_PAGE_JS,
                          "pages/index/index.wxml": "<view>\n  <camera device-position=\"front\"></camera>\n</view>\n"})
    app_repo.commit()
    camera = {(f.subject, f.path, f.line) for f in run(app_repo.path, base).findings if f.rule == "privacy.camera"}
    assert ("wx.authorize:scope.camera", "pages/me/me.js", 3) in camera
