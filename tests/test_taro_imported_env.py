"""Taro platform constants imported from another project module (analyzers/taro_imports.py,
readers/taroimports.py): a page's code under an imported constant the WeChat build holds false (or in the ``else``
of one it holds true, or after ``NAME &&``) adds nothing; the same code under a constant true in the WeChat build,
one the tool cannot decide, or a name the page declares itself is told."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.taroimports import dropped_lines

PAGE = "src/pages/order/index.tsx"
ENV = """export const ON_BANK = process.env.TARO_ENV === 'alipay'
export const IN_WX = process.env.TARO_ENV === 'weapp'
export const ON_CARD = (() => process.env.TARO_ENV === 'tt')()
export const PICKED = Math.random() > 0.5
const HIDDEN = process.env.TARO_ENV === 'swan'
let MOVING = process.env.TARO_ENV === 'jd'
export { HIDDEN as ON_SEARCH, MOVING }
"""
BODY = """import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
IMPORT

export default function Order() {
  const pay = () => {
    if (TEST) {
      Taro.chooseLocation({})
      alipayCheckout({ id: 1 })
    }
    TEST && Taro.redirectTo({ url: '/pages/gone/index' })
  }
  return <View onClick={pay}>pay</View>
}
"""
SPEC = "import { ON_BANK, IN_WX, ON_CARD, PICKED, ON_SEARCH, MOVING } from 'FROM'"


def _told(repo, test: str, importer: str = SPEC, spec: str = "@/helpers/env") -> set[tuple[str, int]]:
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "tsconfig.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}}}',
        "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/home/index', 'pages/order/index'],\n})\n",
        "src/app.ts": "import { Component } from 'react'\nexport default class App extends Component {}\n",
        "src/pages/home/index.tsx": "export default function Home() {\n  return null\n}\n",
        "src/helpers/env/index.ts": "export * from './flags'\nexport { ON_BANK as BANK_TOO } from './flags'\n",
        "src/helpers/env/flags.ts": ENV,
    })
    base = repo.commit("app")
    repo.write(PAGE, BODY.replace("IMPORT", importer.replace("FROM", spec)).replace("TEST", test))
    repo.commit("order")
    return {(rule, line) for rule, path, line, _scope in found(run(repo.path, base)) if path == PAGE
            and rule in ("payment.non_wechat_pay", "privacy.choose_location", "completeness.unregistered_route")}


ALL = {("privacy.choose_location", 8), ("payment.non_wechat_pay", 9), ("completeness.unregistered_route", 11)}


@pytest.mark.parametrize("test", ["ON_BANK", "ON_CARD", "ON_SEARCH", "!IN_WX", "(ON_BANK)"])
@pytest.mark.parametrize("spec", ["@/helpers/env", "../../helpers/env", "../../helpers/env/flags"])
def test_another_platform_s_imported_constant_adds_nothing(repo, test, spec):
    assert _told(repo, test, spec=spec) == set()


@pytest.mark.parametrize("importer", ["import { ON_BANK as BANK } from 'FROM'", "import { BANK_TOO as BANK } from 'FROM'"])
def test_an_alias_of_the_import_or_of_a_re_export_is_followed(repo, importer):
    assert _told(repo, "BANK", importer=importer) == set()


@pytest.mark.parametrize("test", ["IN_WX", "PICKED", "MOVING", "!ON_BANK", "ON_BANK || PICKED"])
def test_a_constant_true_for_wechat_or_undecided_is_told(repo, test):
    assert _told(repo, test) == ALL


def test_a_same_named_local_is_told(repo):
    local = "const ON_BANK = Math.random() > 0.5"
    assert _told(repo, "ON_BANK", importer=local) == ALL


def test_an_unresolved_module_is_told(repo):
    assert _told(repo, "ON_BANK", spec="@/helpers/missing") == ALL


def test_the_else_of_a_wechat_constant_and_a_ternary_are_dropped():
    env = {"src/env.ts": "export const WX = process.env.TARO_ENV === 'weapp'\nexport const AP = !WX\n"}
    page = ("import { WX, AP } from './env'\nif (WX) {\n  a()\n} else {\n  b()\n}\n"
            "const c = AP\n  ? one()\n  : two()\nAP || three()\n")
    def resolve(_importer: str, spec: str) -> str | None:
        return {"./env": "src/env.ts"}.get(spec)
    assert dropped_lines(page, "src/page.ts", resolve, env.get) == {5, 8}
    assert dropped_lines(page.replace("'./env'", "'./other'"), "src/page.ts", resolve, env.get) == set()


def test_a_secret_in_another_platform_s_branch_stays_told(repo):
    # The other platform's build publishes the branch: an AppSecret there is as exposed as anywhere in the client.
    importer = SPEC + "\nconst grant = () => { if (ON_BANK) { Taro.request({ url: 'https://api.weixin.qq.com/sns/" \
        "jscode2session?appid=wx1&secret=0123456789abcdef0123456789abcdef' }) } }"
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}'})
    _told(repo, "ON_BANK", importer=importer)
    report = run(repo.path, str(repo.git("rev-parse", "HEAD~1")))
    rules = {rule for rule, path, _line, _scope in found(report) if path == PAGE}
    assert "policy.client_secret" in rules and "payment.non_wechat_pay" not in rules
