"""A Taro config file added beside a component whose class held the same configuration (core/configtwins.py).

Taro 3 reads an app's or a page's configuration from ``app.config.ts`` / ``index.config.ts``; Taro 1.x/2.x from the
class component's ``config = {...}``. A change adding the file as a copy of the class's configuration moves it:
its values are not new to the app. A value the copy adds is.
"""

from __future__ import annotations

from conftest import Repo
from helpers import run

PACKAGE = '{"dependencies": {"@tarojs/taro": "2.2.0"}}\n'
APP = """import Taro, { Component } from '@tarojs/taro'

class Shell extends Component {
  config = {
    pages: ['pages/home/index', 'pages/signin/index'],
    window: { navigationBarTitleText: 'TITLE', navigationBarBackgroundColor: '#fff' }
  }

  render() { return null }
}

Taro.render(<Shell />, document.getElementById('app'))
"""
PAGE = """import Taro, { Component } from '@tarojs/taro'
import { View } from '@tarojs/components'

export default class Home extends Component {
  config = { navigationBarTitleText: 'PAGE_TITLE' }

  render() { return <View>home</View> }
}
"""
CONFIG = """export default {
  window: {
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: 'TITLE'
  },
  pages: ['pages/home/index', 'pages/signin/index']
}
"""


def _brand(tmp_path, app_title: str, copied_title: str, page: tuple[str, str] | None = None) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    files = {"package.json": PACKAGE, "src/app.tsx": APP.replace("TITLE", app_title),
             "src/pages/home/index.tsx": PAGE.replace("PAGE_TITLE", page[0] if page else "首页"),
             "src/pages/signin/index.tsx": PAGE.replace("PAGE_TITLE", "登录")}
    repo.write_files(files)
    base = repo.commit("base")
    if page:
        repo.write("src/pages/home/index.config.ts", f"export default {{ navigationBarTitleText: '{page[1]}' }}\n")
    else:
        repo.write("src/app.config.ts", CONFIG.replace("TITLE", copied_title))
    repo.write("babel.config.js", "module.exports = { presets: [] }\n")
    repo.commit("taro 3 config files")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def test_app_config_copied_from_the_class_config_is_no_new_brand_text(tmp_path):
    assert _brand(tmp_path, "WeChat 音乐", "WeChat 音乐") == set()


def test_app_config_with_a_title_the_class_config_did_not_hold_is_new(tmp_path):
    assert _brand(tmp_path, "音乐", "WeChat 音乐") == {("src/app.config.ts", 4)}


def test_page_config_copied_from_the_page_class_is_no_new_brand_text(tmp_path):
    assert _brand(tmp_path, "音乐", "音乐", page=("微信精选", "微信精选")) == set()


def test_page_config_with_another_title_than_the_page_class_is_new(tmp_path):
    assert _brand(tmp_path, "音乐", "音乐", page=("精选", "微信精选")) == {("src/pages/home/index.config.ts", 1)}
