"""A Taro page list computed by code: a file with a page config beside it counts as registered for every analysis
(fail-safe), so its findings stay (issue: a review page lost its user-content findings once ``app.config`` built
its subpackage list with ``Object.values``)."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.possiblepages import possible_pages

EMPTY = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
LITERAL = """export default {
  pages: ['pages/index/index'],
  subPackages: [{ root: 'mall', pages: ['rate/index', 'login/index'] }],
}
"""
COMPUTED = """export const router = {
  mall: {
    rate: 'rate/index',
    login: 'login/index',
  },
}

export default {
  pages: ['pages/index/index'],
  subPackages: [{ root: 'mall', pages: Object.values(router.mall) }],
}
"""
RATE = """import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Textarea, Button } from '@tarojs/components'

export default function Rate() {
  const [remark, setRemark] = useState('')
  const submit = () => {
    Taro.request({ url: 'https://api.shop-two.test/order/rate', method: 'POST', data: { remark } })
  }
  return (
    <View>
      <Textarea value={remark} onInput={(e) => setRemark(e.detail.value)} placeholder='写点什么吧' />
      <Button onClick={submit}>提交</Button>
    </View>
  )
}
"""
LOGIN = """import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
export default function Login() {
  return <Button onClick={() => Taro.login()}>登录</Button>
}
"""


def _app(tmp_path, config: str) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write_files({
        "package.json": '{"name": "shop", "dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "src/app.config.ts": config, "src/app.ts": "export default function App(props) { return props.children }\n",
        "src/pages/index/index.tsx": "import { View } from '@tarojs/components'\n"
                                     "export default function Index() { return <View>home</View> }\n",
        "src/pages/index/index.config.ts": "export default { navigationBarTitleText: '首页' }\n",
        "src/mall/rate/index.tsx": RATE,
        # the title says the text is a review others read: the placeholder and the state name alone do not
        "src/mall/rate/index.config.ts": "export default { navigationBarTitleText: '晒单评价' }\n",
        "src/mall/login/index.tsx": LOGIN,
        "src/mall/login/index.config.ts": "export default { navigationBarTitleText: '登录' }\n",
    })
    repo.commit("base")
    return repo


def _ugc(report) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in report.findings if f.family in ("upload", "category")}


def test_a_page_a_computed_list_may_register_keeps_its_user_content_findings(tmp_path):
    expected = {("upload.user_text", "src/mall/rate/index.tsx", 8), ("category.ugc", "src/mall/rate/index.tsx", 8)}
    computed = run(_app(tmp_path / "computed", COMPUTED).path, EMPTY)
    assert _ugc(computed) == expected
    assert _ugc(run(_app(tmp_path / "literal", LITERAL).path, EMPTY)) == expected
    # the checks that need the whole list are still told skipped, and only those
    assert [e.path for e in computed.errors] == ["src/app.config.ts"]
    assert "upload" in computed.analysed_families and "completeness" not in computed.analysed_families


def test_turning_the_list_into_code_registers_no_page(tmp_path):
    repo = _app(tmp_path, LITERAL)
    base = repo.git("rev-parse", "HEAD")
    repo.write("src/app.config.ts", COMPUTED)
    repo.commit("one router table")
    # the login page was registered before: no new account system (no logout finding), no new page findings
    assert [f.rule for f in run(repo.path, base).findings] == []


def test_only_files_with_a_page_config_count_and_only_for_a_computed_list():
    files = {"src/app.config.ts", "src/mall/rate/index.tsx", "src/mall/rate/index.config.ts",
             "src/mall/parts/card.tsx", "src/mall/parts/card.ts", "src/node_modules/x/index.tsx",
             "src/node_modules/x/index.config.ts", "src/mall/orphan.config.ts"}
    project = Project(root="", framework="taro", app_config="src/app.config.ts", pages=("pages/index/index",),
                      pages_computed=True)
    assert possible_pages(project, files) == ("pages/index/index", "mall/rate/index")
    literal = Project(root="", framework="taro", app_config="src/app.config.ts", pages=("pages/index/index",))
    assert possible_pages(literal, files) == ("pages/index/index",)
