"""A picked photo's base64 handed back by a helper of the script's own (a function returning it, a Promise resolved
with it) and sent through a project wrapper is an upload, also when a project helper picks the photo
(readers/base64values.py, readers/statemedia.py, facts/store.py); a base64 of no picked photo, or one only shown,
is not."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.statemedia import confirm_picked

CARD_COMPONENT = """import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { sendCardPhoto } from '../../services/card'

export default function CardUploader({ onDone }) {
  const choose = async () => {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1 })
    const readAsBase64 = (): Promise<string> => new Promise<string>(resolve => {
      Taro.getFileSystemManager().readFile({
        filePath: tempFilePaths[0],
        encoding: 'base64',
        success: res => resolve(res.data as string)
      })
    })
    const content = await readAsBase64()
    onDone(await sendCardPhoto(content))
  }
  return <View onClick={choose}>上传</View>
}
"""

LIST_PAGE = """<template>
  <view>
    <image :src="form.cover" @tap="pickCover"/>
    <button @tap="save">保存</button>
  </view>
</template>

<script>
import { post, choosePhotos } from '@/common/index'
import { fileToBase64 } from '@/common/convert'

export default {
  data() { return { form: { cover: '' } } },
  methods: {
    pickCover() {
      choosePhotos(1).then(paths => { this.form.cover = paths[0] })
    },
    encodeAll(list) {
      return new Promise(async resolve => {
        const out = []
        for (const item of list) {
          let data = ''
          data = await fileToBase64(item)
          out.push(data)
        }
        resolve(out)
      })
    },
    save() {
      this.encodeAll([this.form.cover]).then(encoded => {
        post('shop/cover', {
          cover: encoded[0]
        })
      })
    }
  }
}
</script>
"""

PICKING_HELPERS = """export function post(url, data) {
  return new Promise(resolve => uni.request({ url, data, method: 'POST', success: resolve }))
}
export function choosePhotos(count) {
  return new Promise(resolve => uni.chooseImage({ count, success: res => resolve(res.tempFilePaths) }))
}
"""


def media_lines(path: str, source: str) -> list[int]:
    """Lines of the script's base64 uploads when no project helper of the file picks a photo."""
    return [f.line for f in confirm_picked(extract(path, source.encode()).facts) if f.subject == "wx.request:media"]


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _uni_app(tmp_path, helpers: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"pages.json": '{ "pages": [ { "path": "pages/shop/cover" } ] }\n', "manifest.json": "{}\n",
                      "App.vue": "<script>export default {}</script>\n", "common/index.js": helpers,
                      "common/convert.js": "export function fileToBase64(p) {\n"
                                           "  return uni.getFileSystemManager().readFileSync(p, 'base64')\n}\n",
                      "pages/shop/cover.vue": "<template><view>cover</view></template>\n"})
    base = repo.commit("base")
    repo.write("pages/shop/cover.vue", LIST_PAGE)
    repo.commit()
    return repo, base


def test_a_photo_a_local_helper_resolves_as_base64_and_a_project_wrapper_sends_is_an_upload():
    assert media_lines("src/components/CardUploader/index.tsx", CARD_COMPONENT) == \
        [_line(CARD_COMPONENT, "sendCardPhoto(content)")]


def test_a_photo_a_project_helper_picks_and_a_method_converts_is_an_upload(tmp_path):
    repo, base = _uni_app(tmp_path, PICKING_HELPERS)
    at = _line(LIST_PAGE, "cover: encoded[0]")
    assert ("upload.request_media", "pages/shop/cover.vue", at) in places(run(repo.path, base), "upload")


def test_a_base64_no_helper_picked_is_no_upload(tmp_path):
    helpers = PICKING_HELPERS.replace("uni.chooseImage({ count, success: res => resolve(res.tempFilePaths) })",
                                      "uni.getStorage({ key: 'covers', success: res => resolve(res.data) })")
    repo, base = _uni_app(tmp_path, helpers)
    assert not {p for p in places(run(repo.path, base), "upload") if p[0] == "upload.request_media"}


SIGNED = """import md5 from 'js-md5'
import { Base64 } from 'js-base64'
import { post } from '@/api/request'

export default {
  methods: {
    submit() {
      const stamp = Date.now()
      const sign = md5(this.form.mobile + stamp)
      const token = Base64.encode(sign)
      post('/user/bind', { sign, token, stamp, image: this.form.avatarUrl })
    }
  }
}
"""

PREVIEW = """import { pickPhotos, post } from '@/utils/index'
import { pathToBase64 } from '@/utils/image-tools'

export default {
  data() { return { shown: '', nickname: '' } },
  methods: {
    async toBase64(path) {
      return await pathToBase64(path)
    },
    pick() {
      pickPhotos(1).then(paths => this.toBase64(paths[0])).then(b64 => { this.shown = b64 })
    },
    save() {
      post('/user/name', { nickname: this.nickname })
    }
  }
}
"""


@pytest.mark.parametrize(("path", "source"), [
    ("pages/bind/bind.js", SIGNED),  # an md5 and a base64 of a signature: no photo
    ("pages/me/avatar.js", PREVIEW),  # the photo's base64 only shown, the request sends a name
    ("src/components/Card/index.tsx", CARD_COMPONENT.replace("sendCardPhoto(content)", "sendCardPhoto(tempFilePaths.length)")),
])
def test_requests_sending_no_picked_photo_are_no_uploads(path, source):
    assert media_lines(path, source) == []
