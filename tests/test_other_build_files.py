"""A script only other platforms' blocks import (``// #ifdef H5`` ``import … // #endif``) is not in WeChat's build:
its hosts need no server domain; imported outside the blocks too, it ships (core/otherbuildfiles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import run, uni_app_page_change

PIXEL = ("export default {\n  methods: {\n    report(reason) {\n"
         "      new Image().src = 'https://pixel.example-captcha.com/log?r=' + reason\n"
         "      return fetch('https://api.example-captcha.com/verify')\n    }\n  }\n}\n")
HELPER = "export const ping = () => uni.request({ url: 'https://deep.example-captcha.com/p' })\n"


def _page(imports: str) -> str:
    return ("<template><view>me</view></template>\n<script>\n" + imports
            + "export default {\n  mixins: [\n    // #ifdef H5\n    captcha,\n    // #endif\n  ],\n}\n</script>\n")


def _change(path: Path, page: str, files: dict[str, str]) -> tuple[Repo, str]:
    repo = Repo(path)
    return repo, uni_app_page_change(repo, page, files)


def _hosts(repo: Repo, base: str) -> set[tuple[str, str]]:
    return {(f.path, f.subject) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


H5_ONLY = "// #ifdef  H5\nimport captcha from '@/utils/captcha';\n// #endif\n"


@pytest.mark.parametrize("files", [
    {"src/utils/captcha.js": PIXEL},
    # and what only that file imports
    {"src/utils/captcha.js": "import { ping } from './ping'\n" + PIXEL, "src/utils/ping.js": HELPER},
])
def test_a_script_only_another_platforms_block_imports_has_no_server_domain(tmp_path: Path,
                                                                             files: dict[str, str]) -> None:
    repo, base = _change(tmp_path / "uni", _page(H5_ONLY), files)
    assert _hosts(repo, base) == set()


@pytest.mark.parametrize("imports", [
    "import captcha from '@/utils/captcha';\n",  # imported for every build
    H5_ONLY + "import { report } from '@/utils/captcha';\n",  # and once more outside the block
    "// #ifdef MP-WEIXIN\nimport captcha from '@/utils/captcha';\n// #endif\n",  # WeChat's own block
])
def test_a_script_the_wechat_build_imports_keeps_its_hosts(tmp_path: Path, imports: str) -> None:
    repo, base = _change(tmp_path / "uni", _page(imports), {"src/utils/captcha.js": PIXEL})
    assert ("src/utils/captcha.js", "host:api.example-captcha.com") in _hosts(repo, base)


def test_a_script_nothing_imports_yet_keeps_its_hosts(tmp_path: Path) -> None:
    repo, base = _change(tmp_path / "uni", _page(""), {"src/utils/captcha.js": PIXEL})
    assert ("src/utils/captcha.js", "host:api.example-captcha.com") in _hosts(repo, base)


FOOTER = ('<template>\n  <view class="footer">\n    <a href="https://record.example-registry.cn">备案号</a>\n'
          '    <image src="https://cdn.example-footer.com/logo.png" />\n  </view>\n</template>\n'
          "<script>\nexport default {\n  mounted() {\n    uni.request({ url: 'https://api.example-footer.com/site' })\n"
          "  }\n}\n</script>\n")


def _home(tag_block: str) -> str:
    return "<template>\n  <view>\n" + tag_block + "  </view>\n</template>\n<script>\nexport default {}\n</script>\n"


def test_a_component_only_another_platforms_template_block_renders_is_not_shipped(tmp_path: Path) -> None:
    block = "    <!-- #ifdef H5 -->\n    <site-footer-h5 :show=\"true\"></site-footer-h5>\n    <!-- #endif -->\n"
    repo, base = _change(tmp_path / "uni", _home(block), {"src/components/site-footer-h5/site-footer-h5.vue": FOOTER})
    assert [f for f in run(repo.path, base).findings if f.path.startswith("src/components/")] == []


@pytest.mark.parametrize("block", [
    "    <site-footer-h5 :show=\"true\"></site-footer-h5>\n",  # every build renders it
    "    <!-- #ifdef H5 -->\n    <site-footer-h5></site-footer-h5>\n    <!-- #endif -->\n"
    "    <!-- #ifdef MP-WEIXIN -->\n    <site-footer-h5 />\n    <!-- #endif -->\n",  # and WeChat's block too
    "",  # no page renders it yet: left as it was
])
def test_a_component_the_wechat_build_may_render_keeps_its_findings(tmp_path: Path, block: str) -> None:
    repo, base = _change(tmp_path / "uni", _home(block), {"src/components/site-footer-h5/site-footer-h5.vue": FOOTER})
    assert ("src/components/site-footer-h5/site-footer-h5.vue", "host:api.example-footer.com") in _hosts(repo, base)
