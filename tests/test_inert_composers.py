"""A composer whose publish control does nothing yet — an empty handler, one that only logs, shows a toast or holds a
TODO, in each framework's way of defining it — publishes nothing: no ``category.ugc`` at its text box. A control
that does anything else (emits to a parent, calls a store, navigates) or whose handler cannot be read keeps it."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.publishcontrol import UNREAD, control_handlers, does_nothing
from mp_precheck.readers.sfc import script_units

UNI = {
    "package.json": '{"dependencies": {"@dcloudio/uni-app": "3.0.0", "vue": "3.4.0"}}\n',
    "src/pages.json": '{"pages": [{"path": "pages/home/home"}, {"path": "pages/forum/compose"}]}\n',
    "src/manifest.json": '{"name": "town", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "src/App.vue": "<script setup>\n</script>\n",
    "src/pages/home/home.vue": "<template><view>home</view></template>\n",
}
COMPOSE = """<template>
  <view class="page">
    <input v-model="draft.subject" placeholder="主题" />
    <textarea v-model="draft.body" placeholder="说点什么" />
    <view class="bar">
      <view class="send" @tap="onSend()">发表</view>
    </view>
  </view>
</template>

<script setup lang="ts">
import { reactive } from 'vue'
const draft = reactive({ subject: '', body: '' })
HANDLER
</script>
"""


def _compose(repo, handler: str) -> set[tuple[str, str, int]]:
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("src/pages/forum/compose.vue", COMPOSE.replace("HANDLER", handler))
    repo.commit("a compose page")
    report = run(repo.path, base)
    return places(report, "category") | places(report, "upload")


@pytest.mark.parametrize("handler", [
    "function onSend() {\n  // TODO: 接口还没好\n}",  # a declared function holding a TODO
    "const onSend = async () => {\n  console.info(draft)\n  uni.showToast({ title: '敬请期待', icon: 'none' })\n}",
])
def test_a_script_setup_composer_whose_send_does_nothing_yet_publishes_nothing(repo, handler):
    assert _compose(repo, handler) == set()


@pytest.mark.parametrize("handler", [
    "const emit = defineEmits(['send'])\nconst onSend = () => {\n  emit('send', draft)\n}",  # a parent may post it
    "function onSend() {\n  uni.redirectTo({ url: '/pages/home/home' })\n}",
    "import { send } from './helpers'\nconst onSend = send",  # defined elsewhere: not read
])
def test_a_script_setup_composer_whose_send_does_something_is_still_ugc(repo, handler):
    assert _compose(repo, handler) == {("category.ugc", "src/pages/forum/compose.vue", 4)}


NATIVE_WXML = """<form bindsubmit="publish">
  <textarea name="content" bindinput="typed" placeholder="分享你的故事"/>
  <button form-type="submit">发布</button>
</form>
"""


@pytest.mark.parametrize(("body", "told"), [
    ("console.log('publish', e.detail.value)", False),
    ("wx.navigateBack()", True),
])
def test_a_native_form_whose_submit_only_logs_publishes_nothing(app_repo, body, told):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/story/new"]\n}\n',
        "pages/story/new.wxml": NATIVE_WXML,
        "pages/story/new.js": "Page({\n  data: { content: '' },\n  typed(e) { this.setData({ content: e.detail.value }) },\n"
                              f"  publish(e) {{\n    {body}\n  }},\n}})\n",
    })
    app_repo.commit("a story composer")
    report = run(app_repo.path, base)
    expected = {("category.ugc", "pages/story/new.wxml", 2)} if told else set()
    assert places(report, "category") | places(report, "upload") == expected


@pytest.mark.parametrize(("markup", "path", "handlers"), [
    ('<view bindtap="go">\n  <text>发布</text>\n</view>\n', "p.wxml", ["go"]),
    ('<form bindsubmit="send"><button formType="submit">发表</button></form>', "p.wxml", ["send"]),
    ('<template><u-button @click.stop="submit(form)">发布</u-button></template>', "p.vue", ["submit"]),
    ('<template><view @tap="$emit(\'post\')">发布</view></template>', "p.vue", [UNREAD]),
    ('<template><view class="title">发布动态</view></template>', "p.vue", []),  # a heading: no control
    ("const A = () => <Button onClick={() => this.onPublish()}>发布</Button>", "p.jsx", ["onPublish"]),
    ("const A = () => <Form onSubmit={send}><Button formType='submit'>发布</Button></Form>", "p.tsx", ["send"]),
    ("const A = () => <Button onClick={props.onPost}>发布</Button>", "p.jsx", [UNREAD]),
])
def test_the_handler_a_publish_control_runs(markup, path, handlers):
    assert control_handlers(markup, path, scenes().publish_label) == handlers


@pytest.mark.parametrize(("script", "path"), [
    ("<script setup lang='ts'>\nconst submit = () => {\n  // TODO\n}\n</script>", "a.vue"),  # uni-app, Vue 3
    ("<script>\nexport default { methods: { submit: function () { uni.$u.toast('开发中') } } }\n</script>", "a.vue"),
    ("<script>\ncreatePage({ methods: { submit () { console.log(this.text) } } })\n</script>", "a.mpx"),  # mpx
    ("<script>\nexport default class P extends wepy.page {\n  methods = { submit () { wepy.showToast({ title: 'x' }) } }\n"
     "}\n</script>", "a.wpy"),  # WePY
    ("Page({ submit() { this.setData({ sending: false }) } })", "a.js"),  # a native Page
    ("class P extends Component {\n  submit = () => { Taro.showToast({ title: '开发中' }) }\n}", "a.tsx"),  # Taro class
    ("function P() {\n  const [text, setText] = useState('')\n  const submit = useCallback(() => { setText('') }, [])\n}",
     "a.tsx"),  # Taro / React hooks
])
def test_handlers_that_only_log_toast_or_keep_state_do_nothing(script, path):
    assert does_nothing(script_units(script, path), ["submit"])


@pytest.mark.parametrize("script", [
    "const submit = () => { emit('post', form) }",
    "export default { methods: { submit() { this.$emit('post', this.form) } } }",
    "export default { methods: { submit() { this.$store.dispatch('posts/add', this.form) } } }",
    "const submit = () => { uni.showModal({ title: '发布?', success: () => api.add(form) }) }",
    "const submit = () => { setTimeout(() => {}, 10) }",  # a call of another function
    "export default { methods: { submit: debounce(function () {}, 300) } }",  # not read
    "const other = () => {}",  # not defined here
])
def test_handlers_that_call_anything_else_do_something(script):
    assert not does_nothing(script_units(script, "a.js"), ["submit"])


def test_malformed_markup_and_scripts_read_as_no_control_and_doing_something():
    assert control_handlers("<![\x01 <button bindtap='go'>发布", "p.wxml", scenes().publish_label) == []
    assert control_handlers("<template><button @click=>发布</button></template>", "p.vue", scenes().publish_label) \
        == [UNREAD]
    assert not does_nothing(script_units("const submit = (", "a.js"), ["submit"])
