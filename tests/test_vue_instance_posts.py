"""A page posts through the API object the Vue entry puts on every component (``Vue.prototype.$api = api``,
read back as ``this.$api.addPost(form)``): the post is followed into that module as an imported call is."""

from __future__ import annotations

from helpers import places, run

APP = {
    "package.json": '{"dependencies": {"@dcloudio/uni-app": "2.0.0"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/add-post/add-post"}]}\n',
    "manifest.json": '{"name": "bbs", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nimport api from './common/api.js'\n"
               "Vue.prototype.$api = api\nApp.mpType = 'app'\nnew Vue({ ...App }).$mount()\n",
    "common/api.js": "const post = (url, data) => new Promise((ok) => uni.request({ url: 'https://api.bbs-example.cn' + url,"
                     " method: 'POST', data, success: ok }))\n"
                     "export default {\n  addPost: (data) => post('/mobile/post/save', data),\n"
                     "  postList: (data) => post('/mobile/post/list', data)\n}\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n",
}
PAGE = """<template>
<view>
<textarea v-model="form.text" placeholder="请填写帖子内容"></textarea>
<button @click="submit">发布</button>
</view>
</template>
<script>
export default {
  data() { return { form: { text: '' } } },
  methods: {
    submit() {
      CALL
    }
  }
}
</script>
"""


def _ugc(tmp_repo, call: str):
    tmp_repo.write_files({**APP, "pages/add-post/add-post.vue": PAGE.replace("CALL", "uni.showToast({ title: '未开放' })")})
    base = tmp_repo.commit("a composer that posts nothing yet")
    tmp_repo.write("pages/add-post/add-post.vue", PAGE.replace("CALL", call))
    tmp_repo.commit("the composer posts")
    report = run(tmp_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_post_through_the_vue_instance_api_is_ugc(repo):
    assert ("category.ugc", "pages/add-post/add-post.vue", 12) in _ugc(repo, "this.$api.addPost({ content: this.form })")


def test_a_read_through_the_vue_instance_api_posts_nothing(repo):
    assert _ugc(repo, "this.$api.postList({ page: 1 })") == set()
