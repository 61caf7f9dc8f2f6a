"""A picked photo's base64 kept in component state and sent later is an upload (readers/statemedia.py): through a
store action from the template, a project API wrapper, a Vue plugin's API, a request from a native page's data; a
base64 only shown, drawn, emitted or handed to an image helper is not."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import places, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.statemedia import confirm_picked

CERT_PAGE = """<template>
  <view class="cert">
    <view @tap="pickCert">上传资质证书</view>
    <button @tap="applyShop(applyForm)">提交申请</button>
  </view>
</template>

<script>
import { mapActions } from 'vuex'
import { pathToBase64 } from 'image-tools'

export default {
  data() {
    return { shopName: '', certImage: '', applyForm: {} }
  },
  methods: {
    ...mapActions('Shop', ['applyShop']),
    fillForm() {
      const { shopName, certImage } = this
      this.applyForm = {
        shopName,
        certImage
      }
    },
    pickCert() {
      const self = this
      uni.chooseImage({
        count: 1,
        success(res) {
          pathToBase64(res.tempFilePaths[0]).then(data => {
            self.certImage = data
            self.fillForm()
          })
        }
      })
    }
  }
}
</script>
"""


def media_lines(path: str, source: str) -> list[int]:
    """Lines of the script's base64 uploads when no project helper of the file picks a photo."""
    return [f.line for f in confirm_picked(extract(path, source.encode()).facts) if f.subject == "wx.request:media"]


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_photo_kept_in_state_and_sent_by_a_store_action_from_the_template_is_an_upload(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"pages.json": '{ "pages": [ { "path": "pages/shop/apply" } ] }\n', "manifest.json": "{}\n",
                      "App.vue": "<script>export default {}</script>\n",
                      "pages/shop/apply.vue": "<template><view>apply</view></template>\n"})
    base = repo.commit("base")
    repo.write("pages/shop/apply.vue", CERT_PAGE)
    repo.commit()
    at = _line(CERT_PAGE, "        certImage\n")  # where the photo goes into the object the template sends
    assert ("upload.request_media", "pages/shop/apply.vue", at) in places(run(repo.path, base), "upload")


NATIVE_PAGE = """Page({
  data: { nickname: '', avatar: '' },
  chooseAvatar() {
    const that = this
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      success(res) {
        wx.getFileSystemManager().readFile({
          filePath: res.tempFiles[0].tempFilePath,
          encoding: 'base64',
          success(file) {
            that.setData({ avatar: 'data:image/jpeg;base64,' + file.data })
          }
        })
      }
    })
  },
  save() {
    wx.request({
      url: 'https://api.example.com/profile',
      method: 'POST',
      data: { nickname: this.data.nickname, avatar: this.data.avatar }
    })
  }
})
"""

WRAPPER_PAGE = """import { submitRefund } from '@/api/order'
import { urlToBase64 } from '@/utils/image'

export default {
  data() { return { proof: '' } },
  methods: {
    async takeProof() {
      const res = await uni.chooseImage({ count: 1, sourceType: ['camera'] })
      this.proof = await urlToBase64(res.tempFilePaths[0])
    },
    refund() {
      const params = { orderId: this.orderId, proof: this.proof }
      return submitRefund(params)
    }
  }
}
"""

PLUGIN_PAGE = """export default {
  data() { return { face: '' } },
  methods: {
    shoot() {
      uni.chooseImage({ sourceType: ['camera'], success: res => {
        uni.getFileSystemManager().readFile({ filePath: res.tempFilePaths[0], encoding: 'base64',
          success: file => { this.face = file.data } })
      } })
    },
    verify() {
      this.$http.post('/face/verify', { face: this.face })
    }
  }
}
"""


@pytest.mark.parametrize(("path", "source", "needle"), [
    ("pages/me/me.js", NATIVE_PAGE, "avatar: this.data.avatar"),
    ("pages/order/refund.js", WRAPPER_PAGE, "proof: this.proof"),
    ("pages/verify/face.js", PLUGIN_PAGE, "face: this.face"),
])
def test_a_photo_kept_in_state_and_sent_by_the_script_is_an_upload(path, source, needle):
    assert media_lines(path, source) == [_line(source, needle)]


SHOWN = """import { pathToBase64 } from 'image-tools'
import { drawPoster } from '@/utils/poster'
import { saveProfile } from '@/api/user'

export default {
  data() { return { preview: '', nickname: '' } },
  methods: {
    pick() {
      uni.chooseImage({ success: res => {
        pathToBase64(res.tempFilePaths[0]).then(b64 => { this.preview = b64 })
      } })
    },
    draw(ctx) {
      ctx.drawImage(this.preview, 0, 0, 100, 100)
      drawPoster(this.preview)
      this.$emit('picked', this.preview)
    },
    save() {
      saveProfile({ nickname: this.nickname }).then(() => { this.shown = this.preview })
      uni.request({ url: '/profile', data: { nickname: this.nickname }, success: () => { this.last = this.preview } })
    }
  }
}
"""


def test_a_photo_only_shown_drawn_or_emitted_is_no_upload():
    template = '<template>\n  <image :src="preview" @tap="draw(preview)"/>\n</template>\n'
    assert media_lines("pages/me/me.vue", template + "<script>\n" + SHOWN + "</script>\n") == []
    assert media_lines("pages/me/me.js", SHOWN) == []


def test_a_base64_nobody_picked_is_no_upload():
    source = SHOWN.replace("uni.chooseImage", "loadBanner").replace("res.tempFilePaths[0]", "res.url") \
        .replace("saveProfile({ nickname: this.nickname })", "saveProfile({ banner: this.preview })")
    assert media_lines("pages/me/me.js", source) == []


def test_a_request_the_base64_reader_reports_is_not_reported_twice():
    source = PLUGIN_PAGE.replace("this.$http.post('/face/verify', { face: this.face })",
                                 "uni.request({ url: '/face', method: 'POST', data: { image: this.face } })")
    assert media_lines("pages/verify/face.js", source) == [_line(source, "uni.request")]


KEPT = """import Taro from '@tarojs/taro'
import { photoCache, profileService } from '../../services/profile'

export function useAvatar() {
  const pick = async () => {
    const res = await Taro.chooseImage({ count: 1 })
    const data = Taro.getFileSystemManager().readFileSync(res.tempFilePaths[0], 'base64')
    await photoCache.keepPhoto('avatar', `data:image/png;base64,${data}`)
    profileService.setAvatarBase64(`data:image/png;base64,${data}`)
  }
  return pick
}
"""


def test_a_picked_photo_kept_by_a_local_storage_helper_is_no_upload():
    source = KEPT.replace("    profileService.setAvatarBase64(`data:image/png;base64,${data}`)\n", "")
    assert media_lines("src/hooks/avatar.ts", source) == []
    assert media_lines("src/hooks/avatar.ts", source.replace("photoCache.keepPhoto", "Taro.setStorageSync")) == []


def test_a_picked_photo_handed_to_a_service_helper_is_still_an_upload():
    assert media_lines("src/hooks/avatar.ts", KEPT) == [_line(KEPT, "profileService.setAvatarBase64")]
    synced = KEPT.replace("photoCache.keepPhoto", "photoCache.syncPhoto")
    assert _line(synced, "photoCache.syncPhoto") in media_lines("src/hooks/avatar.ts", synced)
