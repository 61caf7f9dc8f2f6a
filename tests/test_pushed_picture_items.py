"""Items a script pushes onto a data list (``this.stickers.push({ url: 'https://…' })``) are that list's items, as
if written in its array: a URL field the template shows only as an ``<image>``'s ``src`` is a picture host, not a new
server domain (readers/shownfields.py). A field the script also reads, a field the template reads another way, or a
host the change requests keeps its role."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.shownfields import with_shown_fields

PAGE = """<template>
  <view>
    <view v-for="(one, i) in stickers" :key="i">
      <image :src="one.url" @click="pick(one.code)" />
    </view>
  </view>
</template>
<script>
export default {
  data() {
    return { stickers: [], note: '' }
  },
  onLoad() {
    this.load(['a', 'b'])
  },
  methods: {
    load(codes) {
      codes.forEach(code => {
        this.stickers.push({
          url: `https://stk.marrow-vale.cn/t?c=${code}`,
          code: code
        })
      })
    },
    pick(code) {
      this.note = this.note + code
    }
  }
}
</script>
"""
STRINGS = PAGE.replace('<image :src="one.url" @click="pick(one.code)" />', '<image :src="one" />') \
    .replace("this.stickers.push({\n          url: `https://stk.marrow-vale.cn/t?c=${code}`,\n          code: code\n"
             "        })", "this.stickers.unshift(`https://stk.marrow-vale.cn/t?c=${code}`)")


def _roles(text: str) -> dict[str, str | None]:
    return {f.subject: f.role for f in extract("pages/talk/talk.vue", text.encode()).facts if f.kind == "host"}


def test_an_item_pushed_onto_a_list_shown_only_as_pictures_is_media():
    assert _roles(PAGE) == {"host:stk.marrow-vale.cn": "media"}
    assert _roles(PAGE.replace("this.stickers.push", "that.stickers.push")) == {"host:stk.marrow-vale.cn": "media"}


def test_a_url_pushed_as_an_item_shown_only_as_a_picture_is_media():
    assert _roles(STRINGS) == {"host:stk.marrow-vale.cn": "media"}


def test_a_pushed_field_read_another_way_keeps_its_host():
    requested = PAGE.replace("this.note = this.note + code",
                             "uni.request({ url: this.stickers[0].url })")
    handed = PAGE.replace("pick(one.code)", "pick(one.url)")
    bound = PAGE.replace('<image :src="one.url"', '<web-view :src="one.url" /><image :src="one.url"')
    read_list = STRINGS.replace("this.note = this.note + code", "uni.downloadFile({ url: this.stickers[0] })")
    for text in (requested, handed, bound, read_list):
        assert _roles(text) == {"host:stk.marrow-vale.cn": "code"}


def _local(stored: str) -> str:
    """PAGE filling a local list the method then hands on with ``stored``."""
    return PAGE.replace("      codes.forEach(", "      const picked = []\n      codes.forEach(") \
        .replace("this.stickers.push", "picked.push") \
        .replace("        })\n      })\n", f"        }})\n      }})\n      {stored}\n")


def test_a_local_list_stored_whole_in_the_shown_data_is_media():
    assert _roles(_local("this.stickers = picked")) == {"host:stk.marrow-vale.cn": "media"}
    native = """Page({
  data: { stickers: [] },
  onLoad() {
    const picked = []
    ;['a', 'b'].forEach(code => picked.push({ url: `https://stk.marrow-vale.cn/t?c=${code}` }))
    this.setData({ stickers: picked })
  },
})
"""
    facts = extract("pages/talk/talk.js", native.encode()).facts
    shown = with_shown_fields(facts, native, "pages/talk/talk.js", 0,
                              ('<image wx:for="{{stickers}}" src="{{item.url}}" />', 0))
    assert {f.subject: f.role for f in shown if f.kind == "host"} == {"host:stk.marrow-vale.cn": "media"}


def test_a_local_list_used_any_other_way_keeps_its_host():
    # never stored (a local of the same name as the data), stored in other data too, or handed to a call
    for stored in ("", "this.stickers = picked\n      this.sent = picked",
                   "this.stickers = picked\n      save(picked)"):
        assert _roles(_local(stored)) == {"host:stk.marrow-vale.cn": "code"}
    unnamed = PAGE.replace("this.stickers.push", "const stickers = []\n        stickers.push")
    assert _roles(unnamed) == {"host:stk.marrow-vale.cn": "code"}


UNI_APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/talk/talk"}]}\n',
    "manifest.json": '{"name": "talk", "mp-weixin": {"appid": "wx1"}}\n',
    "App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n",
    "pages/talk/talk.vue": "<template><view>talk</view></template>\n",
}


def _domains(repo, page: str) -> set[tuple[str, str, int]]:
    repo.write_files(UNI_APP)
    base = repo.commit()
    repo.write("pages/talk/talk.vue", page)
    repo.commit()
    return {(f.rule, f.subject, f.line) for f in run(repo.path, base).findings if f.family == "external_link"}


def test_a_picture_list_filled_by_push_adds_no_server_domain(repo):
    assert _domains(repo, PAGE) == set()


def test_a_pushed_host_the_change_also_requests_is_a_new_domain(repo):
    page = PAGE.replace("this.note = this.note + code",
                        "uni.request({ url: 'https://stk.marrow-vale.cn/used', data: { code } })")
    # told at the request; the picture item (line 20) is no use that needs the domain
    assert _domains(repo, page) == {("external_link.domain", "host:stk.marrow-vale.cn", 26)}
