"""A button whose ``open-type`` is bound to data asks for what the data is set to: the literals the component's
script assigns to the bound name, else the one capability whose event the button binds. A binding set only to
``share`` stays a share button; a button forwarding the events of several capabilities names none."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.boundopentype import assigned_values, bound_open_types
from mp_precheck.readers.markup import markup_facts

MPX_APP = '<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n' \
          '<script type="application/json">\n{ "pages": ["./pages/index", "./pages/me"] }\n</script>\n'
MPX_BUTTON = """<template>
  <view>
    <button
      :open-type="kind"
      @getphonenumber="onPhone"
    >一键登录</button>
  </view>
</template>
<script>
import { createComponent } from '@mpxjs/core'
createComponent({
  data: { agreed: false, kind: '' },
  methods: {
    toggle() {
      this.agreed = !this.agreed
      this.kind = this.agreed ? %s : ''
    },
    onPhone(e) { console.log(e.detail.code) }
  }
})
</script>
"""


def _mpx(repo, page: str) -> set[tuple[str, str, int]]:
    repo.write_files({"package.json": '{"dependencies": {"@mpxjs/core": "^2.9.0"}}\n', "src/app.mpx": MPX_APP,
                      "src/pages/index.mpx": "<template><view>hi</view></template>\n",
                      "src/pages/me.mpx": "<template><view>me</view></template>\n"})
    base = repo.commit()
    repo.write("src/pages/me.mpx", page)
    repo.commit()
    return places(run(repo.path, base), "privacy")


def test_mpx_button_bound_to_data_the_script_sets_to_get_phone_number(repo):
    assert ("privacy.phone_number", "src/pages/me.mpx", 4) in _mpx(repo, MPX_BUTTON % "'getPhoneNumber'")


def test_mpx_button_bound_to_data_set_only_to_share_asks_for_nothing(repo):
    found = _mpx(repo, (MPX_BUTTON % "'share'").replace('      @getphonenumber="onPhone"\n', ""))
    assert not {rule for rule, _path, _line in found} & {"privacy.phone_number", "privacy.avatar_nickname"}


def test_wxml_button_bound_to_data_with_the_phone_event(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n  <button open-type="{{openType}}" bindgetphonenumber="onPhone">'
                                       '登录</button>\n</view>\n')
    app_repo.write("pages/me/me.js", "Page({ data: { openType: '' }, agree() { this.setData({ openType: "
                                     "'getPhoneNumber' }) }, onPhone(e) { console.log(e.detail) } })\n")
    app_repo.commit()
    assert ("privacy.phone_number", "pages/me/me.wxml", 2) in places(run(app_repo.path, base), "privacy")


def _open_types(template: str, script: str = "", path: str = "page.js") -> set[str]:
    scripts = (script, path),
    return {f.value or "" for f in markup_facts(template, 0, scripts if script else ())
            if f.subject.startswith("button[open-type=")}


def test_a_wrapper_forwarding_several_capabilities_names_none():
    assert _open_types('<button open-type="{{type}}" bindgetphonenumber="a" bindchooseavatar="b">x</button>') == set()
    assert _open_types('<button :open-type="type" @chooseavatar.stop="pick">x</button>') == {"chooseAvatar"}


def test_a_bound_name_the_script_never_sets_and_no_event_is_silent():
    assert _open_types('<button :open-type="type" @tap="go">x</button>', "export default { data: { n: 1 } }") == set()


def test_script_literals_win_over_the_event_and_vue_refs_are_read():
    assert _open_types('<button :open-type="t" @getphonenumber="p">x</button>', "data: { t: 'contact' }") == {"contact"}
    assert assigned_values("const t = ref('chooseAvatar'); t.value = ok ? 'getUserInfo' : ''", "a.ts", "t") == \
        ["chooseAvatar", "getUserInfo"]
    assert bound_open_types("state.kind", ["@tap"], [("this.kind = 'getPhoneNumber'", "a.js")]) == ["getPhoneNumber"]


def test_a_wrapper_whose_open_type_is_its_prop_leaves_the_value_to_its_user():
    template = '<button :open-type="openType" @getuserinfo="onInfo">{{ title }}</button>'
    assert _open_types(template, "export default { props: { openType: { type: String, default: '' } } }") == set()
    assert _open_types(template, "const props = defineProps<{ openType: string }>()", "page.ts") == set()
    assert _open_types(template, "Component({ properties: { title: String } })") == {"getUserInfo"}
