"""Readers asked again for the same text answer from what they read the first time, and a different text is read
afresh: the same answer for the same text, another for another, and a caller that changes what it got changes
nothing for the next caller. Also the readers that find a script's functions and calls by one query instead of a
walk over every node: the same functions, in the same order."""

from __future__ import annotations

from mp_precheck.readers.cloudwrites import cloud_writes
from mp_precheck.readers.componentuses import template_tags
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.handlers import template_bindings
from mp_precheck.readers.lifecycle import definitions, tree_definitions
from mp_precheck.readers.ownhelpers import own_helpers
from mp_precheck.readers.sfc import script_units, split_blocks
from mp_precheck.readers.sharemeans import qr_call_lines
from mp_precheck.readers.syntax import language_for, parse, walk

CARD = """<template>
  <view class="card">
    <textarea v-model="draft.body" @blur="keep" />
  </view>
</template>

<script>
export default {
  methods: {
    keep() { this.saved = true }
  }
}
</script>
"""


def test_split_blocks_answers_the_same_text_alike_and_another_text_afresh() -> None:
    first = split_blocks(CARD)
    again = split_blocks(CARD)
    assert again == first
    assert [b.tag for b in first] == ["template", "script"]
    other = split_blocks(CARD.replace("<textarea", "<input"))
    assert other != first
    assert "<input" in other[0].text


def test_split_blocks_hands_each_caller_its_own_list() -> None:
    blocks = split_blocks(CARD)
    blocks.clear()
    assert [b.tag for b in split_blocks(CARD)] == ["template", "script"]


def test_split_blocks_counts_lines_before_a_block_in_a_long_file() -> None:
    padding = "<!-- note -->\n" * 3000
    blocks = split_blocks(padding + CARD)
    assert [(b.tag, b.line_offset) for b in blocks] == [("template", 3000), ("script", 3006)]
    assert blocks[1].text.startswith("\nexport default {")


def test_script_units_follow_the_text_they_are_given() -> None:
    assert script_units(CARD, "c.vue") == script_units(CARD, "c.vue")
    assert script_units(CARD, "c.vue") != script_units(CARD.replace("keep()", "hold()"), "c.vue")


DB = """const db = wx.cloud.database()
function save(text) {
  db.collection('notes').add({ data: { text } })
}
"""


def test_cloud_writes_answer_the_same_text_alike_and_another_text_afresh() -> None:
    first = cloud_writes(DB, "a.js")
    assert first == [(3, "notes", "add")]
    first.append((9, "x", "set"))
    assert cloud_writes(DB, "a.js") == [(3, "notes", "add")]
    assert cloud_writes(DB.replace("'notes'", "'diary'").replace(".add(", ".update("), "a.js") == \
        [(3, "diary", "update")]
    assert cloud_writes(DB, "a.vue") == []  # a component's text is read as a component: no script block here


CONDITIONAL = """<template>
  <view>
    <!-- #ifdef H5 -->
    <view class="web">web</view>
    <!-- #endif -->
    <view class="all">all</view>
  </view>
</template>
"""


def test_for_wechat_answers_the_same_text_alike_and_another_text_afresh() -> None:
    first = for_wechat(CONDITIONAL, "p.vue")
    assert first == for_wechat(CONDITIONAL, "p.vue")
    assert 'class="web"' not in first and 'class="all"' in first
    other = for_wechat(CONDITIONAL.replace("#ifdef H5", "#ifdef MP-WEIXIN"), "p.vue")
    assert 'class="web"' in other


TEMPLATE = """<view>
  <button bindtap="onShare">share</button>
  <view wx:for="{{rows}}" bindtap="open">{{item}}</view>
</view>
"""


def test_template_bindings_answer_the_same_text_alike_and_another_text_afresh() -> None:
    bindings, scoped = template_bindings(TEMPLATE)
    assert [(b.handler, b.line) for b in bindings] == [("onShare", 2), ("open", 3)]
    bindings.clear()
    scoped.add("changed")
    again, scoped_again = template_bindings(TEMPLATE)
    assert [(b.handler, b.line) for b in again] == [("onShare", 2), ("open", 3)]
    assert "changed" not in scoped_again
    shifted, _ = template_bindings(TEMPLATE, 10)
    assert [b.line for b in shifted] == [12, 13]
    other, _ = template_bindings(TEMPLATE.replace("onShare", "onInvite"))
    assert [b.handler for b in other] == ["onInvite", "open"]


def test_template_tags_answer_the_same_text_alike_and_another_text_afresh() -> None:
    assert template_tags(TEMPLATE) == template_tags(TEMPLATE) == [("view", 1), ("button", 2), ("view", 3)]
    assert template_tags(TEMPLATE, 4) == [("view", 5), ("button", 6), ("view", 7)]
    assert template_tags(TEMPLATE.replace("button", "navigator")) == [("view", 1), ("navigator", 2), ("view", 3)]


SCRIPT = """Page({
  onLoad() { this.fetch() },
  fetch: function () { wx.request({ url: '/a' }) },
})
function helper() { return wx.getLocation({}) }
const arrow = () => wx.login({})
onShow(() => helper())
class Store { save() { wx.setStorageSync('k', 1) } }
"""


def test_tree_definitions_find_what_a_walk_over_every_node_finds_in_the_same_order() -> None:
    language = language_for("page.js")
    root = parse(language, SCRIPT.encode()).root_node
    walked = definitions(walk(root))
    queried = tree_definitions(root, language)
    assert list(queried) == list(walked)
    assert [(n.start_byte, n.end_byte) for n in queried.values()] == [(n.start_byte, n.end_byte)
                                                                      for n in walked.values()]
    assert {"onLoad", "fetch", "helper", "arrow", "save"} <= set(queried)


def test_own_helpers_keep_the_helpers_holding_a_wanted_line_only() -> None:
    language = language_for("page.js")
    root = parse(language, SCRIPT.encode()).root_node
    assert [h[0] for h in own_helpers(root, language, [5])] == ["helper"]
    assert [h[0] for h in own_helpers(root, language, [6, 8])] == ["arrow", "save"]
    assert own_helpers(root, language, [1, 9]) == ()


def test_qr_call_lines_find_calls_and_constructions_by_query() -> None:
    text = "import QRCode from 'qrcode'\nnew QRCode(el, {})\ndrawQrcode({ text: url })\nwx.login({})\n"
    assert qr_call_lines(text, "a.js") == [2, 3]
    assert qr_call_lines(text.replace("drawQrcode", "drawChart"), "a.js") == [2]
