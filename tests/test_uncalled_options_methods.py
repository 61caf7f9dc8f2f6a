"""A ``methods`` entry of a Vue-shaped page that neither its template nor its script names never runs: the
photo picker a new page copies in without a button for it is no use (readers/uncalled.py)."""

from __future__ import annotations

import re

from helpers import found, run
from mp_precheck.facts.extract import sfc_facts
from mp_precheck.readers.uncalled import _mentions, _word_counts

APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/form/index"}]}',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    "pages/form/index.vue": "<template><view>form</view></template>\n<script>export default {}</script>\n",
}


def _form(template: str) -> str:
    return (f"<template>\n  <view>{template}</view>\n</template>\n<script>\nexport default {{\n  methods: {{\n"
            "    save() {},\n    pickPhoto: function (side) {\n      uni.chooseImage({ count: 1 })\n    },\n"
            "    locate: () => { uni.getLocation({}) },\n  }\n}\n</script>\n")


def test_a_picker_method_no_binding_names_adds_no_album_use(repo):
    repo.write_files(APP)
    base = repo.commit("app")
    repo.write("pages/form/index.vue", _form('<button @tap="save">保存</button>'))
    repo.commit()
    assert {f for f in found(run(repo.path, base)) if f[0].startswith("privacy.")
            and f[0] != "privacy.no_consent_flow"} == set()


def test_a_picker_method_the_template_binds_is_reported_at_its_call(repo):
    repo.write_files(APP)
    base = repo.commit("app")
    repo.write("pages/form/index.vue", _form('<button @tap="pickPhoto(1)">拍照</button>'))
    repo.commit()
    assert ("privacy.album", "pages/form/index.vue", 9, "app") in found(run(repo.path, base))


def test_a_component_under_a_page_folder_keeps_the_uses_its_parent_may_call_through_a_ref(repo):
    repo.write_files(APP)
    base = repo.commit("app")
    repo.write("pages/form/picker/index.vue", _form(""))
    repo.write("pages/form/index.vue", "<template><view><picker ref=\"p\"/></view></template>\n<script>\n"
                                       "import picker from './picker/index.vue'\nexport default {\n"
                                       "  components: { picker },\n  methods: { go() { this.$refs.p.pickPhoto() } }\n"
                                       "}\n</script>\n")
    repo.commit()
    assert ("privacy.album", "pages/form/picker/index.vue", 9, "app") in found(run(repo.path, base))


def test_the_reader_keeps_the_uses_and_marks_the_methods_the_file_never_names():
    text = _form("").replace("save() {}", "save() { this.locate() }")
    facts = sfc_facts(text, "pages/form/index.vue")
    assert {(f.subject, f.line) for f in facts.facts if f.kind == "api"} == {("wx.chooseImage", 9),
                                                                              ("wx.getLocation", 11)}
    assert facts.idle == ((7, 7), (8, 10))  # save (named nowhere else here) and pickPhoto


def test_a_file_whose_template_is_another_file_is_not_judged():
    text = '<template src="./form.html"></template>\n' + _form("").split("</template>\n", 1)[1]
    assert sfc_facts(text, "pages/form/index.vue").idle == ()


def test_one_count_of_the_words_gives_each_name_the_mentions_a_search_for_it_gives():
    text = ("<view @tap=\"pick\">{{ $t }}</view>\npick() { this.pickAll(); pick_1; $pick; pick$ }\n"
            "this['pick'] a.pick(b) pick\u00e9 caf\u00e9\u0301 caf\u00e9\u0301() x\\u0061 x\\u0061\n")
    words = _word_counts(text)
    for name in ("pick", "pickAll", "pick_1", "$pick", "pick$", "$t", "b", "caf\u00e9\u0301", "x\\u0061", "gone"):
        searched = len(re.findall(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", text))
        assert _mentions(name, text, words) == searched, name
    assert _mentions("pick", text, words) == 4


# A page method named like the imported helper it hands its link to: the helper's call names the helper, not the
# page's method, so the method whose only binding is commented out never runs.
_NAV = ("export function openUrl(url) {\n"
        "  if (url.startsWith('/pages/')) {\n"
        "    uni.navigateTo({ url })\n"
        "    return\n"
        "  }\n"
        "  uni.navigateToMiniProgram({ appId: url })\n"
        "}\n"
        "export default { openUrl }\n")


def _linking(binding: str) -> str:
    return ("<template>\n  <view>\n    <view @tap=\"save\">保存</view>\n"
            f"    {binding}\n  </view>\n</template>\n<script>\n"
            "import Nav from '@/common/nav.js'\nexport default {\n  methods: {\n    save() {},\n"
            "    openUrl(url) {\n      Nav.openUrl(url)\n    },\n  }\n}\n</script>\n")


def _app_already_jumping(repo):
    """The app, whose home page already jumps out through the imported helper, committed: its commit."""
    repo.write_files({**APP, "common/nav.js": _NAV,
                      "pages/index/index.vue": "<template><view @tap=\"go\">home</view></template>\n<script>\n"
                                               "import Nav from '@/common/nav.js'\nexport default {\n"
                                               "  methods: { go() { Nav.openUrl(this.link) } }\n}\n</script>\n"})
    return repo.commit("app")


def test_a_method_named_like_the_imported_helper_it_calls_is_idle_when_nothing_binds_it(repo):
    base = _app_already_jumping(repo)
    repo.write("pages/form/index.vue", _linking("<!-- <view @tap=\"openUrl('wx1234')\">更多</view> -->"))
    repo.commit()
    assert {f for f in found(run(repo.path, base)) if f[0].startswith("external_link.")} == set()
    assert sfc_facts(_linking(""), "pages/form/index.vue").idle == ((12, 14),)


def test_a_method_named_like_the_imported_helper_it_calls_jumps_where_the_template_binds_it(repo):
    base = _app_already_jumping(repo)
    repo.write("pages/form/index.vue", _linking("<view @tap=\"openUrl(item.link)\">更多</view>"))
    repo.commit()
    assert ("external_link.navigate_to_mini_program", "pages/form/index.vue", 13, "file") in found(
        run(repo.path, base))
