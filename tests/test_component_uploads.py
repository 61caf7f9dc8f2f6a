"""A page that starts rendering one of the project's own uploader components is reported at that use (a new
call site of the upload); a page that already rendered it, or whose own upload code moved into it, is not."""

from __future__ import annotations

from helpers import found, run
from test_frameworks import TARO_BASE, UNI_BASE

UPLOADER = """<template>
  <view class="up" @click="pick">+</view>
</template>
<script>
export default {
  methods: {
    pick() {
      uni.chooseImage({ success: (r) => uni.uploadFile({ url: '/upload', filePath: r.tempFilePaths[0], name: 'f' }) })
    }
  }
}
</script>
"""
PAGE = """<template>
  <view>
    <text>评价</text>
    <photo-uploader :limit="9"></photo-uploader>
  </view>
</template>
<script>
import PhotoUploader from '@/components/photo-uploader/photo-uploader.vue'
export default { components: { PhotoUploader } }
</script>
"""


def _uploads(report):
    return {f for f in found(report) if f[0].startswith("upload.")}


def test_a_page_that_starts_using_an_uploader_component_is_reported_at_its_tag(repo):
    repo.write_files({**UNI_BASE, "src/components/photo-uploader/photo-uploader.vue": UPLOADER,
                      "src/pages/index/index.vue": PAGE})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", PAGE.replace("<text>评价</text>", "<text>头像</text>\n    <text>上传</text>"))
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me/me.vue", 5, "file")}


def test_a_page_that_already_rendered_the_component_is_nothing_new(repo):
    repo.write_files({**UNI_BASE, "src/components/photo-uploader/photo-uploader.vue": UPLOADER,
                      "src/pages/index/index.vue": PAGE})
    base = repo.commit()
    repo.write("src/pages/index/index.vue", PAGE.replace('<photo-uploader :limit="9"></photo-uploader>',
                                                         '<text>晒图</text>\n    <PhotoUploader :limit="3" />'))
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_component_that_does_not_upload_is_no_upload(repo):
    repo.write_files({**UNI_BASE, "src/components/photo-uploader/photo-uploader.vue":
                      UPLOADER.replace("uni.uploadFile", "console.log")})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


SYNC_API = ("import { post } from '../utils/http.js'\n"
            "export function upload(settings) {\n  return post('/backup/save', { settings })\n}\n")
HTTP = ("import client from 'some-http-client'\n"
        "export async function post(url, body) {\n  return (await client.post({ url, body })).data\n}\n")


def test_a_component_whose_upload_function_posts_a_form_is_no_upload(repo):
    # upload(settings) resolves to the project's own function, which posts through the request helper
    backup = UPLOADER.replace("uni.chooseImage({ success: (r) => uni.uploadFile({ url: '/upload', filePath: "
                              "r.tempFilePaths[0], name: 'f' }) })", "upload(this.settings)") \
        .replace("export default {", "import { upload } from '@/api/backup.js'\nexport default {")
    repo.write_files({**UNI_BASE, "src/components/photo-uploader/photo-uploader.vue": backup,
                      "src/api/backup.js": SYNC_API, "src/utils/http.js": HTTP})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_pages_upload_moved_into_a_new_component_is_reported_nowhere(repo):
    own_upload = """<template>
  <view @click="pick">+</view>
</template>
<script>
import api from '@/utils/api'
export default { methods: { pick() { uni.chooseImage({ success: (r) => api.uploadPhoto(r.tempFilePaths[0]) }) } } }
</script>
"""
    repo.write_files({**UNI_BASE, "src/utils/api.js": "export function uploadPhoto(p) {\n"
                                                      "  return new Upyun().upload({ localPath: p })\n}\n"
                                                      "export default { uploadPhoto }\n",
                      "src/pages/index/index.vue": own_upload})
    base = repo.commit()
    repo.write_files({"src/components/photo-uploader/photo-uploader.vue": own_upload,
                      "src/pages/index/index.vue": PAGE})
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()
    repo.write("src/pages/me/me.vue", PAGE)  # a second page with the component: that one is new
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me/me.vue", 4, "file")}


AVATAR = """<template><view @click="pick">头像</view></template>
<script>
export default { methods: { pick() { uni.uploadFile({ url: '/avatar', filePath: 'a', name: 'f' }) } } }
</script>
"""


def test_a_globally_registered_uploader_rewritten_on_a_kit_is_reported_at_the_page_not_inside(repo):
    kit_uploader = '<template>\n  <uni-file-picker v-model="files" :limit="limit" />\n</template>\n' \
                   "<script>\nexport default { props: ['limit'] }\n</script>\n"
    main = "import { createSSRApp } from 'vue'\nimport App from './App.vue'\n" \
           "import tigUpload from '@/components/tigUpload/index.vue'\n" \
           "export function createApp() {\n  const app = createSSRApp(App)\n" \
           "  app.component('tigUpload', tigUpload)\n  return { app }\n}\n"
    repo.write_files({**UNI_BASE, "src/main.ts": main, "src/components/tigUpload/index.vue": AVATAR,
                      "src/pages/index/index.vue": '<template>\n  <uni-file-picker v-model="f" />\n</template>\n'})
    base = repo.commit()
    repo.write_files({"src/components/tigUpload/index.vue": kit_uploader,
                      "src/pages/me/me.vue": '<template>\n  <view>\n    <tigUpload :limit="9"></tigUpload>\n'
                                             '  </view>\n</template>\n'})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.third_party_upload", "src/pages/me/me.vue", 3, "file")}


def test_a_taro_page_rendering_an_imported_uploader(repo):
    repo.write_files({**TARO_BASE, "src/components/uploader/index.tsx":
                      "import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\n"
                      "export default function Uploader() {\n"
                      "  const pick = () => Taro.chooseImage({ success: (r) => Taro.uploadFile({ url: '/u', "
                      "filePath: r.tempFilePaths[0], name: 'f' }) })\n  return <View onClick={pick}>+</View>\n}\n",
                      "src/pages/index/index.tsx": "import { View } from '@tarojs/components'\n"
                                                   "export default () => <View>首页</View>\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", "import { View } from '@tarojs/components'\n"
                                         "import Uploader from '@/components/uploader'\n"
                                         "export default () => (\n  <View>\n    <Uploader />\n  </View>\n)\n")
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me/index.tsx", 5, "file")}


_ME_USES_THE_UPLOADER = {"pages/me/me.json": '{"usingComponents": {"my-up": "/components/up/up"}}\n',
                         "pages/me/me.wxml": "<view>me</view>\n<view>\n  <my-up />\n</view>\n"}


def _native_app_with_an_uploader(app_repo):
    """A native app whose index page already renders ``<my-up>``, a component that uploads; the base commit."""
    app_repo.write_files({"components/up/up.js": "Component({ methods: { pick() {\n"
                                                  "  wx.uploadFile({ url: 'https://api.example.com/u', filePath: 'a', name: 'f' })\n"
                                                  "} } })\n",
                          "components/up/up.json": '{"component": true}\n',
                          "components/up/up.wxml": '<view bindtap="pick">+</view>\n',
                          "pages/index/index.json": '{"usingComponents": {"my-up": "/components/up/up"}}\n',
                          "pages/index/index.wxml": "<view>home</view>\n<my-up/>\n"})
    return app_repo.commit()


def test_a_native_page_using_an_uploader_through_using_components(app_repo):
    base = _native_app_with_an_uploader(app_repo)
    app_repo.write_files(_ME_USES_THE_UPLOADER)
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.wxml", 3, "file")}


def test_a_new_component_with_new_upload_code_is_reported_there_and_at_a_new_page_rendering_it(repo):
    # as a new helper and its callers are: the code where it is written, the upload where the user meets it
    repo.write_files({**UNI_BASE, "src/pages/index/index.vue": "<template><view/></template>\n"})
    base = repo.commit()
    repo.write_files({"src/components/photo-uploader/photo-uploader.vue": UPLOADER, "src/pages/refund/refund.vue": PAGE,
                      "src/pages.json": UNI_BASE["src/pages.json"].replace("]", ', {"path": "pages/refund/refund"}]')})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {
        ("upload.upload_file", "src/components/photo-uploader/photo-uploader.vue", 8, "app"),
        ("upload.upload_file", "src/pages/refund/refund.vue", 4, "file")}


def test_a_new_component_with_new_upload_code_on_an_existing_page_is_reported_once_at_the_component(repo):
    repo.write_files({**UNI_BASE, "src/pages/index/index.vue": "<template><view/></template>\n"})
    base = repo.commit()
    repo.write_files({"src/components/photo-uploader/photo-uploader.vue": UPLOADER, "src/pages/index/index.vue": PAGE})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {
        ("upload.upload_file", "src/components/photo-uploader/photo-uploader.vue", 8, "app")}


def test_a_new_component_that_uploads_on_the_way_to_something_else_is_reported_where_its_code_is(repo):
    popup = UPLOADER.replace('class="up" @click="pick">+', 'class="profile" @click="pick">完善头像昵称')
    repo.write_files({**UNI_BASE, "src/pages/index/index.vue": "<template><view/></template>\n"})
    base = repo.commit()
    repo.write_files({"src/components/user-base/user-base.vue": popup,
                      "src/pages/index/index.vue": PAGE.replace("photo-uploader", "user-base")
                      .replace("PhotoUploader", "UserBase")})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/components/user-base/user-base.vue", 8, "app")}


def test_an_existing_component_given_upload_code_keeps_the_report_where_the_code_is(repo):
    repo.write_files({**UNI_BASE, "src/pages/index/index.vue": "<template><view/></template>\n",
                      "src/components/photo-uploader/photo-uploader.vue": UPLOADER.replace("uni.uploadFile",
                                                                                           "console.log")})
    base = repo.commit()
    repo.write_files({"src/components/photo-uploader/photo-uploader.vue": UPLOADER, "src/pages/index/index.vue": PAGE})
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file",
                                               "src/components/photo-uploader/photo-uploader.vue", 8, "app")}


BARREL_PAGE = """import { View } from '@tarojs/components'
import { Price, ImageUpload } from '@/components'
export default () => (
  <View>
    <Price />
    <ImageUpload onUpload={() => {}} />
  </View>
)
"""


def test_a_taro_uploader_passed_on_by_a_barrel_module_is_followed_past_a_nearer_components_folder(repo):
    uploader = ("import Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\n"
                "export default ({ onUpload }) => {\n  const pick = () => Taro.chooseImage({ success: (r) =>\n"
                "    Taro.uploadFile({ url: '/u', filePath: r.tempFilePaths[0], name: 'f', success: onUpload }) })\n"
                "  return <View onClick={pick}>+</View>\n}\n")
    repo.write_files({**TARO_BASE, "src/components/ImageUpload/index.tsx": uploader,
                      "src/components/Price/index.tsx": "export default () => null\n",
                      "src/components/index.ts": "export { default as Price } from './Price'\n"
                                                 "export { default as ImageUpload } from './ImageUpload'\n",
                      "src/pages/me/components/index.ts": "export { default as Menu } from './Menu'\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", BARREL_PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me/index.tsx", 6, "file")}


def test_a_barrel_component_that_does_not_upload_is_no_upload(repo):
    repo.write_files({**TARO_BASE, "src/components/ImageUpload/index.tsx": "export default () => null\n",
                      "src/components/Price/index.tsx": "export default () => null\n",
                      "src/components/index.ts": "export { default as Price } from './Price'\n"
                                                 "export { default as ImageUpload } from './ImageUpload'\n",
                      "src/pages/index/index.tsx": "import Taro from '@tarojs/taro'\n"
                                                   "export default () => Taro.uploadFile({ url: '/a' })\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", BARREL_PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_use_moved_into_a_new_child_component_or_a_copy_nothing_loads_is_nothing_new(repo):
    form = PAGE.replace("<text>评价</text>", "<text>凭证</text>")
    repo.write_files({**UNI_BASE, "src/components/photo-uploader/photo-uploader.vue": UPLOADER,
                      "src/pages/index/index.vue": PAGE})
    base = repo.commit()
    repo.write_files({"src/pages/index/proof-form.vue": form, "src/pages/index/index-old.vue": PAGE,
                      "src/pages/index/index.vue": "<template>\n  <proof-form />\n</template>\n<script>\n"
                                                   "import ProofForm from './proof-form.vue'\n"
                                                   "export default { components: { ProofForm } }\n</script>\n"})
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_page_whose_own_code_reports_an_upload_is_not_reported_again_at_its_component(app_repo):
    # one report per page: the reviewer tests the page's upload once, whichever control starts it
    base = _native_app_with_an_uploader(app_repo)
    app_repo.write_files({**_ME_USES_THE_UPLOADER,
                          "pages/me/me.js": "Page({ avatar(p) {\n"
                                            "  wx.uploadFile({ url: 'https://api.example.com/a', filePath: p, name: 'f' })\n"
                                            "} })\n"})
    app_repo.commit()
    assert _uploads(run(app_repo.path, base)) == {("upload.upload_file", "pages/me/me.js", 2, "file")}


PLUGIN_VUE = """<template>
  <view class="picker" @click="open"><slot>附件</slot></view>
</template>
<script>
import { FilePicker } from './FilePicker.js'
export default {
  props: { option: { type: Object, default: () => ({}) } },
  mounted() { this.picker = new FilePicker({ option: this.option }) },
  methods: { open() { this.picker.choose() } }
}
</script>
"""
PLUGIN_JS = """export class FilePicker {
  constructor(data) { this.option = data.option }
  choose() { wx.chooseMessageFile({ count: 1, success: (r) => this.send(r.tempFiles[0]) }) }
  send(file) { return uni.uploadFile({ url: this.option.url, filePath: file.path, name: 'file' }) }
}
"""
EASYCOM_PAGE = """<template>
  <view>
    <text>附件</text>
    <file-pick :option="option"></file-pick>
  </view>
</template>
<script>
export default { data() { return { option: { url: '/chatfiles' } } } }
</script>
"""


def test_an_easycom_plugin_component_whose_own_helper_uploads_is_reported_at_the_page(repo):
    # uni_modules/<plugin>/components/<tag>/<tag>.vue is registered by easycom: no import names it
    repo.write_files({**UNI_BASE, "src/uni_modules/file-pick/components/file-pick/file-pick.vue": PLUGIN_VUE,
                      "src/uni_modules/file-pick/components/file-pick/FilePicker.js": PLUGIN_JS,
                      "src/pages/index/index.vue": EASYCOM_PAGE})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", EASYCOM_PAGE.replace("<text>附件</text>", "<text>文件</text>\n    <text>发送</text>"))
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me/me.vue", 5, "file")}


def test_an_easycom_component_whose_helper_does_not_upload_is_no_upload(repo):
    repo.write_files({**UNI_BASE, "src/uni_modules/file-pick/components/file-pick/file-pick.vue": PLUGIN_VUE,
                      "src/uni_modules/file-pick/components/file-pick/FilePicker.js":
                      PLUGIN_JS.replace("uni.uploadFile", "console.log"),
                      "src/pages/index/index.vue": EASYCOM_PAGE})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", EASYCOM_PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_tag_with_no_easycom_file_is_no_component(repo):
    # the plugin's component lies under another tag's folder: easycom does not register <file-pick>
    repo.write_files({**UNI_BASE, "src/uni_modules/file-pick/components/other/other.vue": PLUGIN_VUE,
                      "src/uni_modules/file-pick/components/other/FilePicker.js": PLUGIN_JS,
                      "src/pages/index/index.vue": EASYCOM_PAGE})
    base = repo.commit()
    repo.write("src/pages/me/me.vue", EASYCOM_PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


MPX_APP = ('<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
           '<script type="application/json">\n{\n  "pages": ["./pages/index", "./pages/me"]\n}\n</script>\n')
MPX_UPLOADER = ('<template><view bindtap="pick">+</view></template>\n<script>\nimport mpx, { createComponent } from '
                '"@mpxjs/core"\ncreateComponent({ methods: { pick() {\n  mpx.chooseImage({ success: (r) => mpx.uploadFile('
                "{ url: '/u', filePath: r.tempFilePaths[0], name: 'f' }) })\n} } })\n</script>\n"
                '<script type="application/json">\n{ "component": true }\n</script>\n')


def _mpx_page(using: str) -> str:
    return ('<template>\n  <view>\n    <photo-up max-count="1" />\n  </view>\n</template>\n<script>\n'
            'import { createPage } from "@mpxjs/core"\ncreatePage({})\n</script>\n'
            f'<script name="json">\nmodule.exports = {{\n  usingComponents: {{\n    "photo-up": "{using}"\n  }}\n}}\n'
            '</script>\n')


def test_an_mpx_page_using_an_uploader_through_its_json_block_is_reported_at_its_tag(repo):
    repo.write_files({"src/app.mpx": MPX_APP, "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/components/photo-up/index.mpx": MPX_UPLOADER})
    base = repo.commit()
    repo.write("src/pages/me.mpx", _mpx_page("@/components/photo-up"))
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.upload_file", "src/pages/me.mpx", 3, "file")}


def test_an_mpx_page_using_an_npm_component_of_the_same_tag_is_no_upload(repo):
    repo.write_files({"src/app.mpx": MPX_APP, "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/components/photo-up/index.mpx": MPX_UPLOADER})
    base = repo.commit()
    repo.write("src/pages/me.mpx", _mpx_page("@kit/weapp/photo-up"))
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


REF_UPLOADER = """<template>
  <view @click="pick">+</view>
</template>
<script>
export default {
  name: 'PhotoBox',
  methods: {
    pick() { Taro.chooseImage({ success: (r) => { this.paths = r.tempFilePaths } }) },
    async upload() { return Taro.cloud.uploadFile({ cloudPath: 'a.png', filePath: this.paths[0] }) },
    check() { return this.paths.length > 0 },
  },
}
</script>
"""
TARO_VUE = {**{k: v for k, v in TARO_BASE.items() if not k.endswith((".tsx", "app.ts"))},
            "src/app.ts": "import { createApp } from 'vue'\nimport { setupApp } from './setup'\n"
                          "const App = createApp({})\nsetupApp(App)\nexport default App\n",
            "src/setup.ts": "import { registerAll } from '@/components'\nexport const setupApp = (app) => registerAll(app)\n",
            "src/components/index.ts": "import PhotoBox from './photo-box/index.vue'\n"
                                       "export const registerAll = (app) => {\n  app.component(PhotoBox.name, PhotoBox)\n}\n",
            "src/components/photo-box/index.vue": REF_UPLOADER,
            "src/pages/index/index.vue": "<template>\n  <photo-box />\n</template>\n"}
REF_PAGE = """<template>
  <view>
    <textarea v-model="text" />
    <photo-box ref="boxRef" />
    <button @click="submit">发布</button>
  </view>
</template>
<script setup>
import { ref } from 'vue'
const boxRef = ref(null)
const submit = async () => {
  if (!boxRef.value.check()) return
  await boxRef.value.upload()
}
</script>
"""


def test_a_globally_registered_component_is_reported_at_the_pages_call_of_its_upload_method(repo):
    repo.write_files(TARO_VUE)
    base = repo.commit()
    repo.write("src/pages/me/index.vue", REF_PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.cloud_upload_file", "src/pages/me/index.vue", 13, "file")}


def test_a_page_calling_no_upload_method_through_the_ref_is_reported_at_the_tag(repo):
    repo.write_files(TARO_VUE)
    base = repo.commit()
    repo.write("src/pages/me/index.vue", REF_PAGE.replace("  await boxRef.value.upload()\n", ""))
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("upload.cloud_upload_file", "src/pages/me/index.vue", 4, "file")}
