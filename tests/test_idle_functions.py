"""A page's own function that nothing names outside a comment never runs: what it reaches — a privacy API through
the app's request helper, one it calls itself — is no use of the new page (readers/ownhelpers.py
``unnamed_functions``, readers/uncalled.py, facts/scope.py)."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.facts.extract import sfc_facts
from mp_precheck.readers.jsfacts import js_facts

# The app's request helper already asks for a place once a reply comes back and none is stored.
SEND = """export const send = (opts: any) => new Promise((resolve) => {
  uni.request({ ...opts, success(res: any) {
    if (!uni.getStorageSync('spot')) { uni.chooseLocation({ success() {} }) }
    resolve(res.data)
  } })
})
"""
UNI = {
    "src/pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/stall/index"}]}',
    "src/App.vue": "<script>export default {}</script>\n",
    "src/main.ts": "import { createSSRApp } from 'vue'\nimport App from './App.vue'\n"
                   "export function createApp() { return { app: createSSRApp(App) } }\n",
    "src/net/send.ts": SEND,
    "src/api/stalls.ts": "import { send } from '@/net/send'\n"
                         "export const listStalls = (id: string) => send({ url: '/stalls?area=' + id })\n",
    "src/pages/index/index.vue": "<template><view>home</view></template>\n<script setup lang=\"ts\">\n"
                                 "import { listStalls } from '@/api/stalls'\nlistStalls('1')\n</script>\n",
}
SETUP = """<template>
  <view>{{ rows.length }}</view>
  {bound}
</template>
<script setup lang="ts">
import { listStalls } from '@/api/stalls'
import { ref } from 'vue'
const rows = ref([])
// onLoad((q: any) => {
//   fetchRows(q.area)
// })
const fetchRows = async (area: string) => {
  const reply: any = await listStalls(area)
  rows.value = reply
}
function pinSpot() {
  uni.chooseLocation({ success() {} })
}
</script>
"""


def _privacy(repo, base_files: dict[str, str], head_files: dict[str, str]) -> set[tuple[str, str, int]]:
    repo.write_files(base_files)
    base = repo.commit("app")
    repo.write_files(head_files)
    repo.commit("stall page")
    return {(rule, path, line) for rule, path, line, _scope in found(run(repo.path, base))
            if rule.startswith("privacy.") and rule != "privacy.no_consent_flow"}


def test_a_script_setup_function_called_only_in_a_comment_carries_no_helper_reach_into_a_new_page(repo):
    page = SETUP.replace("{bound}", "")
    assert _privacy(repo, UNI, {"src/pages/stall/index.vue": page}) == set()


def test_a_script_setup_function_the_template_binds_is_told_where_it_runs_the_api(repo):
    page = SETUP.replace("{bound}", '<button @tap="pinSpot">选择位置</button>\n  <!-- <view @tap="fetchRows(1)"/> -->')
    assert _privacy(repo, UNI, {"src/pages/stall/index.vue": page}) == {
        ("privacy.choose_location", "src/pages/stall/index.vue", 18)}


def test_the_reader_marks_the_own_functions_only_comments_name():
    facts = sfc_facts(SETUP.replace("{bound}", '<!-- <button @tap="pinSpot"/> -->'), "src/pages/stall/index.vue")
    assert facts.idle == ((12, 15), (16, 18))  # fetchRows, pinSpot
    bound = sfc_facts(SETUP.replace("{bound}", '<button @tap="pinSpot"/>'), "src/pages/stall/index.vue")
    assert bound.idle == ((12, 15),)


OPTIONS = """<template>
  <view>{{ rows.length }}</view>
</template>
<script lang="ts">
import { listStalls } from '@/api/stalls'
export default {
  data() { return { rows: [] } },
  // onLoad(q) { this.fetchRows(q.area) },
  methods: {
    async fetchRows(area: string) {
      this.rows = await listStalls(area)
    },
  },
}
</script>
"""


def test_a_methods_entry_named_only_in_a_script_comment_is_idle(repo):
    assert _privacy(repo, UNI, {"src/pages/stall/index.vue": OPTIONS}) == set()
    assert sfc_facts(OPTIONS, "src/pages/stall/index.vue").idle == ((10, 12),)


NATIVE = {
    "app.json": '{"pages": ["pages/index/index", "pages/stall/index"]}',
    "app.js": "App({})\n",
    "net/send.ts": SEND.replace("uni.", "wx."),
    "api/stalls.ts": "import { send } from '../net/send'\n"
                     "export const listStalls = (id: string) => send({ url: '/stalls?area=' + id })\n",
    "pages/index/index.ts": "import { listStalls } from '../../api/stalls'\nPage({ onLoad() { listStalls('1') } })\n",
    "pages/index/index.wxml": "<view>home</view>\n",
}
MODULE = """import { listStalls } from '../../api/stalls'
async function fetchRows(page: any, area: string) {
  page.setData({ rows: await listStalls(area) })
}
Page({
  data: { rows: [] },
  onLoad(q: any) {
    // fetchRows(this, q.area)
  },
})
"""


def test_a_ts_page_module_function_called_only_in_a_comment_is_idle(repo):
    head = {"pages/stall/index.ts": MODULE, "pages/stall/index.wxml": "<view>{{rows.length}}</view>\n"}
    assert _privacy(repo, NATIVE, head) == set()
    live = js_facts(MODULE.replace("// fetchRows", "fetchRows"), "pages/stall/index.ts")
    assert (js_facts(MODULE, "pages/stall/index.ts").idle, live.idle) == (((2, 4),), ())
