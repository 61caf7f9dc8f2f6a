"""What the facts of a file hold is what a fresh read of the file finds: a page's store calls and the components a
JSX page renders are read with its facts and reused by the analyzers, a file's linked facts are kept for the run.
Reused results equal fresh ones, and a changed file is read again, never answered from the earlier version."""

from __future__ import annotations

import json

import pytest
from msgspec.structs import replace

from analyzer_context import project_context
from conftest import Repo
from helpers import places
from mp_precheck.analyzers.induced_sharing import rendered_wording
from mp_precheck.analyzers.reached import module_calls
from mp_precheck.app import check_change
from mp_precheck.facts.cache import FactCache
from mp_precheck.facts.extract import extract
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.scope import TreeFacts
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.storeactions import store_calls

MOBX_PAGE = """import { createStoreBindings } from 'mobx-miniprogram-bindings'
import { noteStore } from '../../store/notes'
Page({
  onLoad() {
    this.bindings = createStoreBindings(this, { store: noteStore, actions: { keep: 'saveNote', list: 'loadNotes' } })
  },
  onSave() { this.keep(this.data.text) },
  onShow() { this.list() },
})
"""
BEHAVIOR_COMPONENT = """import { storeBindingsBehavior } from 'mobx-miniprogram-bindings'
import board from '../../store/board'
Component({
  behaviors: [storeBindingsBehavior],
  storeBindings: [{ store: board, actions: ['pin'] }],
  methods: { onPin() { this.pin() } },
})
"""
PINIA_SFC = """<template>
  <view @tap="buy">buy</view>
</template>
<script setup lang="ts">
import { useBasketStore } from '@/stores/basket'
const basket = useBasketStore()
// #ifdef H5
basket.track()
// #endif
function buy() { basket.checkout() }
</script>
"""
HOOKS_TSX = """import { useState } from 'react'
export default function Counter() {
  const [n, setN] = useState(0)
  return <View onClick={() => setN(n + 1)}>{n}</View>
}
"""


@pytest.mark.parametrize(("path", "text", "some"), [
    ("pages/note/note.js", MOBX_PAGE, True),
    ("components/pin/pin.js", BEHAVIOR_COMPONENT, True),
    ("pages/basket/basket.vue", PINIA_SFC, True),  # a call in another platform's block: read as analyzers read it
    ("src/pages/counter/index.tsx", HOOKS_TSX, False),  # React hooks: a factory's name, no store
    ("pages/plain/plain.js", "Page({ onShow() { this.load() } })\n", False),
])
def test_the_store_calls_in_a_scripts_facts_are_those_a_fresh_read_finds(path, text, some):
    held = extract(path, text.encode("utf-8")).store_calls
    assert held == tuple(store_calls(text, path))
    assert bool(held) == some


def test_a_script_no_reader_reads_for_store_calls_carries_none_and_is_read_when_asked():
    assert extract("libs/sdk.min.js", b"a.b()").store_calls is None
    assert extract("pages/note/note.wxml", b"<view/>").store_calls is None


def test_store_calls_survive_the_disk_cache(tmp_path):
    cache = FactCache(tmp_path / "facts.sqlite")
    read = extract("pages/note/note.js", MOBX_PAGE.encode("utf-8"))
    cache.put_many({"read": read, "not read": FileFacts()})
    back = cache.get_many(["read", "not read"])
    assert back["read"].store_calls == read.store_calls != ()
    assert back["not read"].store_calls is None


def test_a_pages_calls_into_its_store_are_the_same_from_its_facts_and_from_its_text():
    files = {"pages/note/note.js": MOBX_PAGE, "pages/note/note.wxml": "<view/>\n",
             "store/notes.js": "export const noteStore = { saveNote(t) {}, loadNotes() {} }\n"}
    reused = project_context(files)
    fresh_facts = {p: replace(f, store_calls=None) for p in files if (f := reused.facts_at_head(p)) is not None}
    fresh = replace(reused, facts_at_head=fresh_facts.get)
    page = "pages/note/note.js"
    calls = list(module_calls(reused, page, reused.facts_at_head(page)))
    assert calls == list(module_calls(fresh, page, fresh.facts_at_head(page)))
    assert [(line, name) for line, name, _spec, _module in calls] == [(7, "noteStore.saveNote"), (8, "noteStore.loadNotes")]
    # Facts of another version handed in (a base file's): the store calls are still those of the text read.
    assert list(module_calls(reused, page, FileFacts())) == calls
    assert list(module_calls(reused, page, reused.facts_at_head(page), stores=False)) == []


TASK_PAGE = """import { View, Button } from '@tarojs/components'
import {{name}} from '../../components/{{name}}'
export default function Task() {
  return (
    <View>
      <{{name}} />
      <Button openType='share'>去邀请</Button>
    </View>
  )
}
"""
PANEL = """import { View, Text } from '@tarojs/components'
export default function Panel() {
  return <View><Text>{{words}}</Text></View>
}
"""
TARO = {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/task/index'] })\n",
        "src/app.ts": "export default function App(props) { return props.children }\n",
        "src/components/RewardPanel/index.tsx": PANEL.replace("{{words}}", "邀请好友注册，每人奖励 50 积分"),
        "src/components/RulePanel/index.tsx": PANEL.replace("{{words}}", "活动规则")}


@pytest.mark.parametrize(("panel", "promised"), [("RewardPanel", ["邀请好友注册，每人奖励 50 积分"]), ("RulePanel", [])])
def test_the_components_a_jsx_page_renders_come_from_its_facts_as_from_its_text(panel, promised):
    page = "src/pages/task/index.tsx"
    reused = project_context({**TARO, page: TASK_PAGE.replace("{{name}}", panel)})
    unread = {p: replace(f, jsx=None) for p in reused.head_facts if (f := reused.facts_at_head(p)) is not None}
    fresh = replace(reused, facts_at_head=lambda p: unread.get(p, reused.facts_at_head(p)))
    assert reused.facts_at_head(page).jsx is not None
    wording = rendered_wording(reused, page)
    assert wording == rendered_wording(fresh, page)
    assert [f.value for f in wording] == promised


def _taro_repo(tmp_path) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**TARO, "src/pages/task/index.tsx": "export default function Task() { return null }\n"})
    return repo, repo.commit("base")


def test_a_changed_page_is_read_again_with_a_warm_cache(tmp_path):
    repo, base = _taro_repo(tmp_path)
    page = "src/pages/task/index.tsx"
    repo.write(page, TASK_PAGE.replace("{{name}}", "RewardPanel"))
    rewarded = repo.commit("a task page with a reward panel")
    repo.git("checkout", "-q", base)
    repo.write(page, TASK_PAGE.replace("{{name}}", "RulePanel"))
    ruled = repo.commit("a task page with the rules")
    cache = str(tmp_path / "facts.sqlite")

    def sharing(head: str) -> set[tuple[str, str, int]]:
        return places(check_change(GitRepo(repo.path), base, head, language="en", cache=cache).report, "sharing")
    first = sharing(rewarded)
    assert first == {("sharing.induced_share", page, 7)}
    assert sharing(ruled) == set()
    assert sharing(rewarded) == first


def test_a_files_linked_facts_are_kept_per_tree_and_follow_its_blob(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.json": json.dumps({"pages": ["pages/a/a"]}) + "\n", "utils/up.js":
                      "export function send(p) { wx.uploadFile({ url: 'https://a.example.com', filePath: p }) }\n",
                      "pages/a/a.js": "import { send } from '../../utils/up'\nPage({ go(p) { send(p) } })\n"})
    first = repo.commit("upload")
    repo.write("pages/a/a.js", "Page({ go() { wx.getLocation() } })\n")
    second = repo.commit("locate")
    git = GitRepo(repo.path)
    store = FactStore(git)
    trees = [{e.path: e for e in git.ls_tree(rev)} for rev in (first, second)]
    kept = [TreeFacts(store, tree) for tree in trees]
    for facts, tree in zip(kept, trees, strict=True):
        linked = facts("pages/a/a.js")
        assert linked is facts("pages/a/a.js")  # linked once
        assert linked == store.facts([("pages/a/a.js", tree["pages/a/a.js"].blob)], tree)["pages/a/a.js"]
        assert facts("pages/b/b.js") is None
    assert {f.subject for f in kept[0]("pages/a/a.js").facts} == {"wx.uploadFile"}
    assert {f.subject for f in kept[1]("pages/a/a.js").facts} == {"wx.getLocation"}
