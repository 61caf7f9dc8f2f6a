"""uni-app's ``uniCloud`` client is its ``wx.cloud``: a file stored with ``uniCloud.uploadFile`` is a cloud
upload, a post sent with ``uniCloud.callFunction`` a page's sending call (readers/jsbindings.py ``CLOUD_NAMESPACES``;
https://doc.dcloud.net.cn/uniCloud/storage/dev.html#uploadfile), also through a project module the page calls."""

from __future__ import annotations

from helpers import run

APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/topic/create"}]}',
    "manifest.json": '{"mp-weixin": {"appid": "wx1"}}',
    "App.vue": "<script>\nexport default {}\n</script>\n",
    "main.js": "import App from './App'\n",
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/topic/create.vue": "<template><view>新话题</view></template>\n",
}

# A module of topic calls: the pictures go to cloud storage one by one, the topic to a cloud function.
TOPICS = """export async function storePictures(paths) {
  const ids = []
  for (const path of paths) {
    const res = await uniCloud.uploadFile({ filePath: path, cloudPath: Date.now() + '.jpg' })
    ids.push(res.fileID)
  }
  return ids
}

export async function sendTopic(topic) {
  return uniCloud.callFunction({ name: 'topic-add', data: topic })
}
"""

CREATE = """<template>
  <view>
    <textarea v-model="body" placeholder="分享你的新鲜事"></textarea>
    <button @click="pick">添加图片</button>
    <button @click="submit">发布</button>
  </view>
</template>
<script>
import { storePictures, sendTopic } from '@/api/topics'
export default {
  data() { return { body: '', pictures: [] } },
  methods: {
    pick() {
      uni.chooseImage({ count: 3, success: (res) => { this.pictures = res.tempFilePaths } })
    },
    async submit() {
      const images = await storePictures(this.pictures)
      await sendTopic({ body: this.body, images })
    },
  },
}
</script>
"""


def _change(repo, files):
    repo.write_files(APP)
    base = repo.commit("base")
    repo.write_files(files)
    repo.commit("change")
    return run(repo.path, base)


def _at(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def test_a_composer_posting_through_a_module_on_unicloud_is_ugc(repo):
    report = _change(repo, {"api/topics.js": TOPICS, "pages/topic/create.vue": CREATE})
    assert _at(report, "category.ugc") == {("pages/topic/create.vue", 18)}  # sendTopic: the post
    assert _at(report, "upload.user_text") == {("pages/topic/create.vue", 18)}
    assert ("pages/topic/create.vue", 17) in _at(report, "upload.cloud_upload_file")  # storePictures


def test_a_unicloud_module_nothing_calls_is_silent(repo):
    report = _change(repo, {"api/topics.js": TOPICS})
    assert not _at(report, "category.ugc") | _at(report, "upload.cloud_upload_file") | _at(report, "upload.user_text")


def test_a_private_record_saved_through_unicloud_is_no_ugc(repo):
    memo = CREATE.replace("sendTopic", "saveExpense").replace("分享你的新鲜事", "今天的记账备注").replace("发布", "保存")
    report = _change(repo, {"api/topics.js": TOPICS.replace("sendTopic", "saveExpense").replace("topic-add", "expense-add"),
                            "pages/expense/add.vue": memo,
                            "pages.json": APP["pages.json"].replace("pages/topic/create", "pages/expense/add")})
    assert not _at(report, "category.ugc") | _at(report, "upload.user_text")
    assert ("pages/expense/add.vue", 17) in _at(report, "upload.cloud_upload_file")  # its pictures still go up
