"""A URL a helper of the app's own module returns is no host of the Mini Program when the only calls of the helper
sit in other platforms' ``#ifdef`` blocks, or nothing calls it (core/urlhelpers.py); a call the WeChat build keeps,
or a native project's (whose ``#ifdef`` comments ship), makes it a host again."""

from __future__ import annotations

import pytest

from helpers import run

_UNI = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/file/index"}]}',
    "manifest.json": '{"mp-weixin": {}}\n',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    "pages/file/index.vue": "<template><view>file</view></template>\n<script>export default {}</script>\n",
    "utils/http.js": "export const get = (path) => uni.request({ url: 'https://api.sample-school.cn' + path })\n",
}

_VIEWER = ("// preview links\n"
           "const viewerLink = (url) => {\n"
           "  return `https://viewer.sample-docs.net/view?src=${url}`\n"
           "}\n"
           "const pdfLink = url => `https://pdf.sample-docs.net/?file=${url}`\n"
           "export { viewerLink, pdfLink }\n")

_PAGE = """<template>
  <view @tap="open">open</view>
</template>
<script>
import { viewerLink, pdfLink } from '@/utils/viewer.js'
export default {
  methods: {
    open () {
      const file = this.file
      %s
    }
  }
}
</script>
"""


def _hosts(repo, base):
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


def _change(repo, opener: str, extra: dict[str, str] | None = None) -> str:
    repo.write_files({**_UNI, **(extra or {})})
    base = repo.commit("app")
    repo.write_files({"utils/viewer.js": _VIEWER, "pages/file/index.vue": _PAGE % opener})
    repo.commit("document previews")
    return base


def test_helpers_only_an_h5_block_calls_or_nothing_calls_build_no_host(repo):
    base = _change(repo, "// #ifdef H5\n      window.open(viewerLink(file))\n      // #endif\n"
                         "      // #ifdef MP\n      uni.downloadFile({ url: file })\n      // #endif")
    assert _hosts(repo, base) == set()


@pytest.mark.parametrize("opener", [
    "uni.navigateTo({ url: '/pages/web/index?src=' + encodeURIComponent(viewerLink(file)) })",
    "// #ifdef MP-WEIXIN\n      this.link = viewerLink(file)\n      // #endif",
])
def test_a_call_the_wechat_build_keeps_makes_a_host(repo, opener):
    base = _change(repo, opener)
    assert _hosts(repo, base) == {("host:viewer.sample-docs.net", "utils/viewer.js", 3)}


def test_a_template_call_is_a_call(repo):
    base = _change(repo, "")
    repo.write("pages/file/index.vue", (_PAGE % "").replace('@tap="open"', ':data-src="pdfLink(file)"'))
    repo.commit("the link in the template")
    assert _hosts(repo, base) == {("host:pdf.sample-docs.net", "utils/viewer.js", 5)}


def test_a_function_returning_an_object_is_left_to_its_framework(repo):
    repo.write_files(_UNI)
    base = repo.commit("app")
    repo.write("pages/file/index.vue", "<template><view>{{ api }}</view></template>\n<script>\nexport default {\n"
                                       "  data () {\n    return { api: 'https://files.sample-docs.net/v1' }\n  }\n}\n"
                                       "</script>\n")
    repo.commit("a page's data names its server")
    assert _hosts(repo, base) == {("host:files.sample-docs.net", "pages/file/index.vue", 5)}
