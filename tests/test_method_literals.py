"""A page method that hands its parameter on to a project helper takes the literals its callers pass: a link helper
choosing its way by the link's text only goes where those literals send it (readers/methodliterals.py)."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.facts.extract import sfc_facts
from mp_precheck.facts.model import Export, one_each

APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/help/index"}]}',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/help/index.vue": "<template><view>help</view></template>\n<script>export default {}</script>\n",
    # a page that already jumps out of the app through the helper: the app has the capability
    "pages/index/index.vue": "<template><view @tap=\"go\">home</view></template>\n<script>\n"
                             "import Links from '@/common/links.js'\nexport default {\n"
                             "  data() { return { banner: '' } },\n"
                             "  methods: { go() { Links.follow(this.banner) } }\n}\n</script>\n",
    "common/links.js": "function follow(target) {\n"
                       "  if (target.startsWith('/pages/')) {\n"
                       "    uni.navigateTo({ url: target })\n"
                       "    return\n"
                       "  }\n"
                       "  if (target.startsWith('video:')) {\n"
                       "    wx.openChannelsUserProfile({ finderUserName: target.slice(6) })\n"
                       "    return\n"
                       "  }\n"
                       "  uni.navigateToMiniProgram({ appId: target })\n"
                       "}\n"
                       "module.exports = { follow }\n",
}


def _page(taps: str, script_call: str = "") -> str:
    return ("<template>\n  <view>\n"
            f"{taps}"
            "  </view>\n</template>\n<script>\n"
            "import Links from '@/common/links.js'\nexport default {\n  methods: {\n"
            f"    onShow() {{ {script_call} }},\n"
            "    tapLink(link) {\n      Links.follow(link)\n    },\n  }\n}\n</script>\n")


_OWN_PAGES = ("    <view @click=\"tapLink('/pages/help/index?id=7')\">《用户协议》</view>\n"
              "    <view @click=\"tapLink('/pages/help/index?id=8')\">《关于我们》</view>\n")


def _jumps(repo, page: str) -> set[tuple[str, str, int, str]]:
    repo.write_files(APP)
    base = repo.commit("app")
    repo.write("pages/help/index.vue", page)
    repo.commit("links on the help page")
    return {f for f in found(run(repo.path, base)) if f[0].startswith("external_link.")}


def test_a_method_whose_callers_all_pass_in_app_pages_jumps_nowhere_out_of_the_app(repo):
    assert _jumps(repo, _page(_OWN_PAGES)) == set()


def test_a_script_call_with_a_literal_is_one_more_caller(repo):
    assert _jumps(repo, _page(_OWN_PAGES, "this.tapLink('/pages/index/index')")) == set()


@pytest.mark.parametrize("other", [
    "    <view @click=\"tapLink('wx0123456789abcdef')\">小程序</view>\n",  # a literal another Mini Program's
    "    <view @click=\"tapLink(item.link)\">更多</view>\n",  # a link from data: any way
    "    <view @click=\"tapLink\">更多</view>\n",  # bound without arguments: the event
])
def test_a_caller_handing_it_anything_else_keeps_the_jump_out(repo, other):
    assert ("external_link.navigate_to_mini_program", "pages/help/index.vue", 14, "file") in _jumps(
        repo, _page(_OWN_PAGES + other))


def test_the_reader_adds_each_literal_at_the_argument_the_method_hands_on():
    facts = sfc_facts(_page(_OWN_PAGES), "pages/help/index.vue")
    passed = facts.call_literals[13]
    assert {t for t in passed if t.startswith("arg:0=")} == {"arg:0=/pages/help/index?id=7",
                                                             "arg:0=/pages/help/index?id=8"}
    reassigned = _page(_OWN_PAGES).replace("Links.follow(link)", "link = link || '/'\n      Links.follow(link)")
    assert not any(t.startswith("arg:0=") for t in sfc_facts(reassigned, "pages/help/index.vue").call_literals[14])


def test_one_each_splits_the_literals_one_argument_may_be():
    passed = ("/a", "arg:0=/a", "/b", "arg:0=/b", "x", "arg:1=x", "arg:#2")
    assert one_each(passed) == [("/a", "arg:0=/a", "x", "arg:1=x", "arg:#2"), ("/b", "arg:0=/b", "x", "arg:1=x", "arg:#2")]
    assert one_each(("/a", "arg:0=/a", "arg:#1")) == [("/a", "arg:0=/a", "arg:#1")]
    export = Export(subjects=("wx.a", "wx.b"), first_line=1, last_line=9, choices=(("/a", ("wx.a",)), ("/b", ("wx.b",))))
    assert export.subjects_for(("/a", "arg:0=/a")) == ("wx.a",)
    assert export.subjects_for(passed) == ("wx.a", "wx.b")
