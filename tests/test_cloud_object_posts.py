"""uniCloud cloud objects (readers/cloudobjects.py): ``uniCloud.importObject('notes')`` hands back an object whose
method calls run a cloud function with their arguments as data, so a Vue 3 ``<script setup>`` page whose text box
ref (``draft.value.story``) goes into such a call — directly or through a project API module wrapping it — posts
that text, as a ``uniCloud.callFunction`` would (analyzers/ugc.py). The text kept on the phone, or sent to a method
named as a read (a search), publishes nothing."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

PAGE = "pages/story/story"
MARKUP = """<template>
  <view>
    <textarea v-model="draft.story" placeholder="写点什么" />
    <button @click="send">提交</button>
  </view>
</template>
"""
DIRECT = MARKUP + """<script setup>
import { ref } from 'vue'
const notes = uniCloud.importObject('notes')
const draft = ref({ story: '' })
const send = async () => {
  const res = await notes.keep({ story: draft.value.story })
  if (res.errCode === 0) uni.showToast({ title: '已提交' })
}
</script>
"""
API = """const notes = uniCloud.importObject('notes')

export function apiKeep(data) {
  return notes.keep(data)
}
export function findNotes(data) {
  return notes.findNotes(data)
}
"""
WRAPPED = MARKUP + """<script setup>
import { ref } from 'vue'
import { apiKeep } from '@/api/notes.js'
const draft = ref({ story: '' })
const tags = ref('')
const send = async () => {
  const words = tags.value.split(',').filter(Boolean)
  const res = await apiKeep({ story: draft.value.story, words })
  if (res.errCode === 0) uni.showToast({ title: '已提交' })
}
</script>
"""
STORED = MARKUP + """<script setup>
import { ref } from 'vue'
const draft = ref({ story: uni.getStorageSync('story') || '' })
const send = () => {
  uni.setStorageSync('story', draft.value.story)
  uni.showToast({ title: draft.value.story })
}
</script>
"""
SEARCHED = MARKUP + """<script setup>
import { ref } from 'vue'
import { findNotes } from '@/api/notes.js'
const draft = ref({ story: '' })
const found = ref([])
const send = async () => {
  const res = await findNotes({ text: draft.value.story })
  found.value = res.data
}
</script>
"""
SEARCHED_DIRECT = DIRECT.replace("notes.keep(", "notes.searchNotes(")


def _change(app_repo, script: str) -> set[tuple[str, str, int]]:
    app_repo.write_files({"pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/story/story"}]}\n',
                          "manifest.json": '{"name": "demo"}\n', "pages/index/index.vue": "<template><view/></template>\n",
                          "api/notes.js": API, "uniCloud-aliyun/cloudfunctions/notes/index.obj.js": "module.exports = {}\n"})
    start = app_repo.commit("a home page and the notes cloud object")
    app_repo.write(f"{PAGE}.vue", script)
    app_repo.commit("a story page")
    report = run(app_repo.path, start)
    return places(report, "category") | places(report, "upload")


def test_a_setup_ref_handed_to_a_cloud_object_method_is_a_post(app_repo):
    assert _change(app_repo, DIRECT) == {("category.ugc", f"{PAGE}.vue", 12), ("upload.user_text", f"{PAGE}.vue", 12)}


def test_a_setup_ref_handed_to_a_project_wrapper_of_a_cloud_object_is_a_post(app_repo):
    assert _change(app_repo, WRAPPED) == {("category.ugc", f"{PAGE}.vue", 14),
                                          ("upload.user_text", f"{PAGE}.vue", 14)}


def test_a_setup_ref_kept_in_storage_and_shown_back_publishes_nothing(app_repo):
    assert _change(app_repo, STORED) == set()


def test_a_setup_ref_sent_through_a_wrapper_named_as_a_search_publishes_nothing(app_repo):
    assert _change(app_repo, SEARCHED) == set()


def test_a_setup_ref_sent_to_a_cloud_object_method_named_as_a_search_publishes_nothing(app_repo):
    assert _change(app_repo, SEARCHED_DIRECT) == set()


def test_a_cloud_object_method_call_is_a_cloud_call_and_another_object_s_is_not():
    facts = js_facts(API + "const box = makeBox('notes')\nexport const put = (d) => box.keep(d)\n", "api/notes.js")
    calls = {(f.line, f.value) for f in facts.facts if f.subject == "wx.cloud.callFunction"}
    assert calls == {(4, "notes.keep"), (7, "notes.findNotes")}
    assert facts.exports["apiKeep"].subjects == ("wx.cloud.callFunction",)
