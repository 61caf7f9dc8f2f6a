"""A URL written as one field of data a template shows only as a picture is a picture host, not a server domain:
a native page's data list shown by its sibling WXML's ``wx:for`` (facts/pagepictures.py), a uni-app list shown
by ``v-for``, a prop's default object shown through a key another default names (readers/shownfields.py). A field
the template or script also reads another way (a ``data-`` attribute, a web-view, a request) keeps its host."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.shownfields import shown_pictures

NOTICES_JS = """Page({
  data: {
    tips: [
      { title: 'Closed today', src: 'https://pics.rowan-lane.cn/tip?id=1' },
    ],
  },
})
"""
NOTICES_WXML = """<view>
  <block wx:for="{{tips}}" wx:for-item="tip" wx:key="title">
    <text>{{tip.title}}</text>
    <image src="{{tip.src}}" />
  </block>
</view>
"""
READ_WXML = NOTICES_WXML.replace("<text>{{tip.title}}</text>", '<view bindtap="open" data-link="{{tip.src}}" />')
REQUEST_JS = NOTICES_JS.replace("  },\n})", "  },\n  onShow() { wx.request({ url: this.data.tips[0].src }) },\n})")


def _domains(repo, base):
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.family == "external_link"}


def _page(app_repo, script: str, markup: str):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", script)
    app_repo.write("pages/index/index.wxml", markup)
    app_repo.commit("tips")
    return _domains(app_repo, base)


def test_a_loop_shows_its_items_field_as_a_picture_read_nowhere_else():
    assert shown_pictures(NOTICES_WXML) == {("tips", "src", True)}
    assert shown_pictures(READ_WXML) == frozenset()  # the data- attribute a handler reads
    assert shown_pictures('<view v-for="(row, i) in page.rows"><img :src="row.shot"></view>'
                          '<image :src="card[opts.mark]" /><image :src="avatar" />') == {
        ("rows", "shot", True), ("card", "@opts.mark", False), ("avatar", "", False)}
    assert shown_pictures('<image :src="card.mark" /><web-view :src="card.mark" />') == frozenset()


def test_a_native_pages_data_its_wxml_shows_as_a_picture_is_no_server(app_repo):
    assert _page(app_repo, NOTICES_JS, NOTICES_WXML) == set()


def test_a_field_a_handler_reads_keeps_its_host(app_repo):
    assert _page(app_repo, NOTICES_JS, READ_WXML) == {("host:pics.rowan-lane.cn", "pages/index/index.js", 4)}


def test_a_field_the_script_requests_keeps_its_host(app_repo):
    assert _page(app_repo, REQUEST_JS, NOTICES_WXML) == {("host:pics.rowan-lane.cn", "pages/index/index.js", 4)}


CARD = """<template>
  <view>
    <image :src="card[keys.mark]" />
    <text>{{ card[keys.name] }}</text>
    <view v-for="(row, i) in rows" :key="i"><image :src="row.shot" /></view>
  </view>
</template>
<script>
export default {
  props: {
    keys: { type: Object, default() { return { mark: 'mark', name: 'name' } } },
    card: { type: Object, default: () => ({ mark: 'https://pics.rowan-lane.cn/card?w=80', name: 'Rowan' }) },
  },
  data() {
    return { rows: [{ shot: 'https://shots.rowan-lane.cn/a?w=80' }], form: { action: 'https://api.rowan-lane.cn/f' } }
  },
}
</script>
"""


def _roles(text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract("src/components/card.vue", text.encode()).facts if f.kind == "host"}


def test_a_components_default_and_list_it_shows_as_pictures_are_media():
    assert _roles(CARD) == {"host:pics.rowan-lane.cn": "media", "host:shots.rowan-lane.cn": "media",
                            "host:api.rowan-lane.cn": "code"}


def test_a_key_whose_default_names_another_field_keeps_the_host():
    # keys.mark names the field "badge": the card's mark URL is not the one shown.
    assert _roles(CARD.replace("mark: 'mark'", "mark: 'badge'"))["host:pics.rowan-lane.cn"] == "code"


def test_a_list_field_bound_to_a_web_view_keeps_the_host():
    text = CARD.replace('<image :src="row.shot" />', '<image :src="row.shot" /><web-view :src="row.shot" />')
    assert _roles(text)["host:shots.rowan-lane.cn"] == "code"


LOGO = """<template>
  <view class="goods">
    <image class="pic" :src="cover" mode="aspectFill" />
    <text>{{ name }}</text>
  </view>
</template>
<script setup>
const props = defineProps({
  cover: { type: String, default: 'https://pics.rowan-lane.cn/it/u=771,90&fm=26&fmt=auto' },
  name: { type: String, default: '' },
})
</script>
"""


def test_a_props_string_default_shown_only_as_a_picture_is_media():
    assert _roles(LOGO) == {"host:pics.rowan-lane.cn": "media"}
    options = LOGO.replace("<script setup>\nconst props = defineProps({", "<script>\nexport default { props: {") \
        .replace("})\n</script>", "} }\n</script>")
    assert _roles(options) == {"host:pics.rowan-lane.cn": "media"}


def test_a_props_default_read_another_way_keeps_the_host():
    # the script requests the prop, or the template prints it as text: a server, or data, not only a picture
    requested = LOGO.replace("})\n</script>", "})\nuni.request({ url: props.cover })\n</script>")
    printed = LOGO.replace("<text>{{ name }}</text>", "<text>{{ cover }}</text>")
    assert _roles(requested) == {"host:pics.rowan-lane.cn": "code"}
    assert _roles(printed) == {"host:pics.rowan-lane.cn": "code"}
