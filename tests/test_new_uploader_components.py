"""A component the change adds that uploads by itself is told once, at its own upload, when an existing page starts
rendering it; a page the change adds is told too, and a component that uploaded before is told at each new page.
The same in every framework: WePY's ``components``, native ``usingComponents``, Taro's JSX imports, mpx."""

from __future__ import annotations

from helpers import found, run
from test_component_uploads import MPX_APP, MPX_UPLOADER, _mpx_page
from test_frameworks import TARO_BASE

WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
            "  config = { pages: ['pages/home', 'pages/shop'] }\n}\n</script>\n")
WEPY_UPLOADER = """<template>
  <image src="{{src}}" @tap="pick"/>
</template>
<script>
import wepy from 'wepy'
export default class AvatarUpload extends wepy.component {
  props = { src: {} }
  methods = {
    pick () {
      wx.chooseImage({ count: 1, success: (r) => {
        wx.uploadFile({ url: 'https://files.example.org/put', filePath: r.tempFilePaths[0], name: 'f',
          success: (res) => this.$emit('done', res) })
      } })
    }
  }
}
</script>
"""
WEPY_SHOP = """<template>
  <view>
    <text>店铺</text>%s
  </view>
</template>
<script>
import wepy from 'wepy'%s
export default class Shop extends wepy.page {
  components = {%s}
}
</script>
"""
WEPY_USES = ("\n    <AvatarUpload :src.sync=\"logo\"/>", "\nimport AvatarUpload from '@/components/avatar-upload'",
             " AvatarUpload ")


def _uploads(report):
    return {f for f in found(report) if f[0].startswith("upload.")}


def _wepy_base(repo):
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "src/app.wpy": WEPY_APP,
                      "src/pages/home.wpy": "<template><view>home</view></template>\n",
                      "src/pages/shop.wpy": WEPY_SHOP % ("", "", "")})
    return repo.commit()


def test_wepy_an_existing_page_rendering_a_new_uploader_is_told_at_the_components_upload_only(repo):
    base = _wepy_base(repo)
    repo.write_files({"src/components/avatar-upload.wpy": WEPY_UPLOADER, "src/pages/shop.wpy": WEPY_SHOP % WEPY_USES})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/components/avatar-upload.wpy", 11, "app")}


def test_wepy_an_uploader_that_uploaded_before_is_told_at_the_existing_page_that_starts_rendering_it(repo):
    _wepy_base(repo)
    repo.write("src/components/avatar-upload.wpy", WEPY_UPLOADER)
    base = repo.commit()
    repo.write("src/pages/shop.wpy", WEPY_SHOP % WEPY_USES)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/shop.wpy", 4, "file")}


NATIVE_UPLOADER = {
    "components/photo-upload/photo-upload.js": "Component({ methods: { pick() {\n"
                                               "  wx.chooseMedia({ success: (r) => {\n"
                                               "    wx.uploadFile({ url: 'https://files.example.org/put', "
                                               "filePath: r.tempFiles[0].tempFilePath, name: 'f' })\n"
                                               "  } })\n} } })\n",
    "components/photo-upload/photo-upload.json": '{"component": true}\n',
    "components/photo-upload/photo-upload.wxml": '<view bindtap="pick">+</view>\n',
}
USING = '{"usingComponents": {"photo-upload": "/components/photo-upload/photo-upload"}}\n'


def test_native_a_new_uploader_is_told_at_its_upload_and_at_a_new_page_not_at_an_existing_one(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**NATIVE_UPLOADER, "pages/me/me.json": USING,
                          "pages/me/me.wxml": "<view>me</view>\n<photo-upload />\n"})
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {
        ("upload.upload_file", "components/photo-upload/photo-upload.js", 3, "app")}
    app_repo.write_files({"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/proof/proof"]\n}\n',
                          "pages/proof/proof.js": "Page({})\n", "pages/proof/proof.json": USING,
                          "pages/proof/proof.wxml": "<view>凭证</view>\n<photo-upload />\n"})
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {
        ("upload.upload_file", "components/photo-upload/photo-upload.js", 3, "app"),
        ("upload.upload_file", "pages/proof/proof.wxml", 2, "file")}


def test_native_a_pages_own_upload_moved_into_an_old_component_is_nothing_new(app_repo):
    app_repo.write_files({**NATIVE_UPLOADER,
                          "pages/me/me.js": "Page({ pick() {\n  wx.uploadFile({ url: 'https://files.example.org/put', "
                                            "filePath: 'a', name: 'f' })\n} })\n",
                          "pages/me/me.wxml": '<view bindtap="pick">me</view>\n'})
    base = app_repo.commit()
    app_repo.write_files({"pages/me/me.js": "Page({})\n", "pages/me/me.json": USING,
                          "pages/me/me.wxml": "<view>me</view>\n<photo-upload />\n"})
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == set()


TARO_UPLOADER = ("import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\n"
                 "export default function PhotoUpload({ onDone }) {\n"
                 "  const pick = () => Taro.chooseImage({ success: (r) =>\n"
                 "    Taro.uploadFile({ url: '/u', filePath: r.tempFilePaths[0], name: 'f', success: onDone }) })\n"
                 "  return <View onClick={pick}>+</View>\n}\n")
TARO_ME = ("import { View } from '@tarojs/components'\nimport PhotoUpload from '@/components/PhotoUpload'\n"
           "export default () => (\n  <View>\n    <PhotoUpload onDone={() => {}} />\n  </View>\n)\n")


def test_taro_an_existing_page_rendering_a_new_uploader_is_told_at_the_components_upload_only(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write_files({"src/components/PhotoUpload/index.tsx": TARO_UPLOADER, "src/pages/me/index.tsx": TARO_ME})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/components/PhotoUpload/index.tsx", 5, "app")}


def test_taro_a_new_page_rendering_a_new_uploader_is_told_there_too(repo):
    repo.write_files({**TARO_BASE, "src/app.config.ts": "export default defineAppConfig({\n  pages: "
                      "['pages/index/index', 'pages/me/index', 'pages/refund/index'],\n})\n"})
    base = repo.commit()
    repo.write_files({"src/components/PhotoUpload/index.tsx": TARO_UPLOADER, "src/pages/refund/index.tsx": TARO_ME})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/components/PhotoUpload/index.tsx", 5, "app"),
                                              ("upload.upload_file", "src/pages/refund/index.tsx", 5, "file")}


def test_mpx_an_existing_page_rendering_a_new_uploader_is_told_at_the_components_upload_only(repo):
    repo.write_files({"src/app.mpx": MPX_APP, "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/pages/me.mpx": "<template><view>me</view></template>\n"})
    base = repo.commit()
    repo.write_files({"src/components/photo-uploader/index.mpx": MPX_UPLOADER,
                      "src/pages/me.mpx": _mpx_page("@/components/X").replace("photo-up", "photo-uploader")
                      .replace("@/components/X", "@/components/photo-uploader")})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {
        ("upload.upload_file", "src/components/photo-uploader/index.mpx", 5, "app")}
