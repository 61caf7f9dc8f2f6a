"""What a page already sent by one route is no new sink when the change only gives it another route: an upload
wrapper moved to another module (core/placing.py ``routed_uploads``), a call re-pointed from an upload-named
function no module resolved to the wrapper now reached, a chat page's inline request of its text box's message now
a module's ``send({ content })`` (analyzers/chat.py). A wrapper with another destination, a call passing other
media and a page publishing its box for the first time are still new."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import UNI_BASE

UPLOADER = """export const {name} = (path) => {{
  return new Promise((resolve, reject) => {{
    uni.uploadFile({{ url: BASE + '{endpoint}', filePath: path, name: 'file', success: resolve, fail: reject }})
  }})
}}
"""
MODULE_HEAD = "import {{ BASE }} from './config'\n{body}"
PICKER = """<template><view @click="pick">选图</view></template>
<script>
import {{ {name} }} from '{spec}'
export default {{
  methods: {{
    pick() {{
      uni.chooseImage({{ success: (res) => {{
        {name}({args})
      }} }})
    }}
  }}
}}
</script>
"""
CONFIG = "export const BASE = 'https://api.shop-example.cn'\n"


def _uploads(repo, base_files: dict[str, str], head_files: dict[str, str]) -> set[tuple[str, str, int]]:
    repo.write_files({**UNI_BASE, "src/api/config.js": CONFIG, **base_files})
    base = repo.commit()
    for path, text in head_files.items():
        if text:
            repo.write(path, text)
        else:
            repo.remove(path)
    repo.commit()
    return {p for p in places(run(repo.path, base), "upload") if p[0] == "upload.upload_file"}


def _module(*uploaders: tuple[str, str]) -> str:
    return MODULE_HEAD.format(body="".join(UPLOADER.format(name=n, endpoint=e) for n, e in uploaders))


@pytest.mark.parametrize(("moved_endpoint", "expected"), [
    ("/upload/photo", {("upload.upload_file", "src/api/file.js", 9)}),  # moved as it was: only the new one
    ("/upload/elsewhere", {("upload.upload_file", "src/api/file.js", 4),  # its destination changed: new too
                           ("upload.upload_file", "src/api/file.js", 9)}),
])
def test_an_upload_wrapper_moved_to_another_module_is_no_new_upload(repo, moved_endpoint, expected):
    page = "src/pages/me/me.vue"
    found = _uploads(repo, {
        "src/api/chat.js": _module(("uploadPhoto", "/upload/photo")) + "export const ping = () => 1\n",
        page: PICKER.format(name="uploadPhoto", spec="../../api/chat.js", args="res.tempFilePaths[0]"),
    }, {
        "src/api/chat.js": "export const ping = () => 1\n",
        "src/api/file.js": _module(("uploadPhoto", moved_endpoint), ("uploadVideo", "/upload/video")),
        page: PICKER.format(name="uploadPhoto", spec="../../api/file.js", args="res.tempFilePaths[0]"),
    })
    assert found == expected


NEW = ("upload.upload_file", "src/pages/index/index.vue", 9)  # an upload the change adds besides: the count rises
AVATAR = """<template><view @click="pick">选图</view></template>
<script>
import { storeFileApi } from '../../api/file.js'
export default {
  methods: {
    pick() {
      uni.chooseImage({ success: (res) => { storeFileApi(res.tempFilePaths[0]) } })
      uni.chooseMessageFile({ success: (res) => {
        uni.uploadFile({ url: 'https://api.shop-example.cn/doc', filePath: res.tempFiles[0].path, name: 'doc' })
      } })
    }
  }
}
</script>
"""


@pytest.mark.parametrize(("old_name", "args", "expected"), [
    # the same call of an upload-named function the base could not follow: re-pointed, no new upload
    ("uploadImage", "res.tempFilePaths[0]", {NEW}),
    # a call named as something else (a compression) now an upload: new
    ("compressImage", "res.tempFilePaths[0]", {NEW, ("upload.upload_file", "src/pages/me/me.vue", 8)}),
    # other arguments: another use of the upload
    ("uploadImage", "res.tempFilePaths", {NEW, ("upload.upload_file", "src/pages/me/me.vue", 8)}),
])
def test_a_call_re_pointed_to_an_upload_wrapper(repo, old_name, args, expected):
    page = "src/pages/me/me.vue"
    found = _uploads(repo, {
        "src/api/file.js": _module(("storeFileApi", "/upload")),
        page: PICKER.format(name=old_name, spec="../../vendor/legacy.js", args=args),
        "src/pages/index/index.vue": PICKER.format(name="storeFileApi", spec="../../api/file.js",
                                                   args="res.tempFilePaths[0]"),
    }, {page: PICKER.format(name="storeFileApi", spec="../../api/file.js", args="res.tempFilePaths[0]"),
        "src/pages/index/index.vue": AVATAR})
    assert found == expected


CHAT = """<template>
  <view>
    <view v-for="m in list" :key="m.id">{{{{ m.content }}}}</view>
    <textarea v-model="msg" placeholder="说点什么" />
    <button @click="submit">发送</button>
  </view>
</template>
<script>
{imports}
export default {{
  data() {{ return {{ msg: '', list: [] }} }},
  onLoad() {{
    const task = uni.connectSocket({{ url: 'wss://api.shop-example.cn/room' }})
    task.onMessage((res) => {{ this.list.push(JSON.parse(res.data)) }})
  }},
  methods: {{
    submit() {{
      const content = this.msg
      {send}
    }}
  }}
}}
</script>
"""
HTTP = """export const http = ({ url, method = 'GET', data }) => new Promise((resolve) => {
  uni.request({ url, method, data, success: (res) => resolve(res.data) })
})
"""
ROOM = """import { http } from '../utils/http.js'
export const send = (data) => http({ url: 'https://api.shop-example.cn/room/post', method: 'POST', data })
"""
INLINE = "http({ url: API.post, method: 'POST', data: { content } })"
NOTHING = "uni.showToast({ title: content })"


@pytest.mark.parametrize(("base_send", "expected"), [
    (INLINE, set()),  # the page posted the box's text before, inline: a new route, no new scene
    (NOTHING, {("category.ugc", "src/pages/chat/chat.vue", 19)}),  # the box sent nothing before: new
])
def test_a_chat_pages_send_moved_into_an_api_function(repo, base_send, expected):
    page = "src/pages/chat/chat.vue"
    pages = '{"pages": [{"path": "pages/index/index"}, {"path": "pages/chat/chat"}]}'
    repo.write_files({**UNI_BASE, "src/pages.json": pages, "src/utils/http.js": HTTP, "src/api/room.js": ROOM,
                      "src/api/index.js": "export default { post: 'https://api.shop-example.cn/room/post' }\n",
                      page: CHAT.format(imports="import { http } from '@/utils/http.js'\nimport API from "
                                                "'@/api/index.js'", send=base_send)})
    base = repo.commit()
    repo.write(page, CHAT.format(imports="import { send } from '@/api/room.js'", send="send({ content })"))
    repo.commit()
    assert {p for p in places(run(repo.path, base), "category") if p[0] == "category.ugc"} == expected
