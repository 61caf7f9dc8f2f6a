"""A tag the change uncomments unchanged was in the template already (core/revived.py): in a WePY ``.wpy``, a
uni-app ``.vue`` and a native ``.wxml``, taking ``<!-- -->`` away from a tag whose handlers the base script defined
adds nothing; a tag uncommented with other attributes, one no comment held, or one whose handler is written only now
is new."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run

WEPY_CONFIG = "module.exports = { wpyExt: '.wpy' }\n"
WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
            "  config = { pages: ['pages/scan', 'pages/home'] }\n}\n</script>\n")
WEPY_PAGE = """<template>
  <view class="wrap">
    <text>扫一扫</text>
    TAG
  </view>
</template>
<script>
import wepy from 'wepy'
export default class Scan extends wepy.page {
  methods = {
    onScan(e) {
      this.code = e.detail.result
    }
  }
}
</script>
"""
OLD = '<camera mode="scanCode" bindscancode="onScan" style="height: 300px"></camera>'


def _wepy(tmp_path, base_tag: str, head_tag: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "wepy.config.js": WEPY_CONFIG,
                      "src/app.wpy": WEPY_APP, "src/pages/home.wpy": "<template><view>home</view></template>\n",
                      "src/pages/scan.wpy": WEPY_PAGE.replace("TAG", base_tag)})
    base = repo.commit("a scan page whose camera is switched off")
    repo.write("src/pages/scan.wpy", WEPY_PAGE.replace("TAG", head_tag))
    repo.commit("the camera")
    return places(run(repo.path, base), "privacy")


def test_a_wepy_tag_uncommented_unchanged_adds_nothing(tmp_path):
    split = OLD.replace(' bindscancode', '\n      bindscancode')  # the comment spans lines, as the tag does
    assert _wepy(tmp_path, f"<!-- {split} -->", split) == set()
    assert _wepy(tmp_path / "one", f"<!--{OLD}-->", OLD) == set()


@pytest.mark.parametrize(("base", "head"), [
    (f"<!-- {OLD} -->", OLD.replace('mode="scanCode"', 'mode="normal" device-position="front"')),  # other attributes
    ('<!-- <image src="/img/scan.png" /> -->', OLD),  # the comment held another tag
    ("", OLD),  # no comment at all
])
def test_a_wepy_tag_changed_or_new_when_uncommented_is_reported(tmp_path, base, head):
    assert ("privacy.camera", "src/pages/scan.wpy", 4) in _wepy(tmp_path, base, head)


UNI_PAGE = """<template>
  <view>
    <text>绑定手机</text>
    TAG
  </view>
</template>
<script>
export default {
  methods: {
    HANDLER
  }
}
</script>
"""
BUTTON = '<button open-type="getPhoneNumber" @getphonenumber="takePhone($event)">一键绑定</button>'
HANDLER = "takePhone(e) {\n      uni.setStorageSync('phoneCode', e.detail.code)\n    }"


def _uni(tmp_path, base_tag: str, base_handler: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"pages.json": '{"pages": [{"path": "pages/bind/phone"}]}\n', "manifest.json": "{}\n",
                      "pages/bind/phone.vue": UNI_PAGE.replace("TAG", base_tag).replace("HANDLER", base_handler)})
    base = repo.commit("a bind page")
    repo.write("pages/bind/phone.vue", UNI_PAGE.replace("TAG", BUTTON).replace("HANDLER", HANDLER))
    repo.commit("the phone button")
    return places(run(repo.path, base), "privacy")


def test_a_uni_app_button_uncommented_unchanged_with_its_handler_live_adds_nothing(tmp_path):
    assert _uni(tmp_path, f"<!-- {BUTTON} -->", HANDLER) == set()


@pytest.mark.parametrize(("base_tag", "base_handler"), [
    (f"<!-- {BUTTON} -->", "// " + HANDLER.replace("\n", "\n    // ")),  # its handler commented out with it
    ('<!-- <button open-type="getPhoneNumber">一键绑定</button> -->', HANDLER),  # the tag binds nothing there
    ("", HANDLER),  # no comment held it
])
def test_a_uni_app_button_whose_handler_or_tag_is_new_when_uncommented_is_reported(tmp_path, base_tag, base_handler):
    assert ("privacy.phone_number", "pages/bind/phone.vue", 4) in _uni(tmp_path, base_tag, base_handler)


def test_a_wxml_tag_uncommented_unchanged_adds_nothing_unless_its_handler_is_new(app_repo):
    tag = '<camera device-position="back" binderror="onCameraError"/>'
    page = "Page({\n  onCameraError(e) {\n    console.warn(e.detail)\n  },\n})\n"
    app_repo.write_files({"pages/me/me.wxml": f"<view>\n  <!-- {tag} -->\n</view>\n", "pages/me/me.js": page})
    base = app_repo.commit("a camera kept commented")
    app_repo.write("pages/me/me.wxml", f"<view>\n  {tag}\n</view>\n")
    app_repo.commit("the camera shown")
    assert places(run(app_repo.path, base), "privacy") == set()
    app_repo.git("reset", "-q", "--hard", base)
    app_repo.write_files({"pages/me/me.js": "Page({})\n"})
    base = app_repo.commit("its handler gone too")
    app_repo.write_files({"pages/me/me.wxml": f"<view>\n  {tag}\n</view>\n", "pages/me/me.js": page})
    app_repo.commit("the camera and its handler")
    assert ("privacy.camera", "pages/me/me.wxml", 2) in places(run(app_repo.path, base), "privacy")
