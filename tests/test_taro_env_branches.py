"""Taro's ``process.env.TARO_ENV`` branches (readers/taroenv.py): code under another platform's test, directly or
through a constant of the file holding the test, is not in the WeChat build, so its payment and location calls are
nothing the Mini Program adds; the same code under ``=== 'weapp'``, an ``else`` of another platform's test, or a
test the reader cannot decide is told."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.taroenv import for_weapp

PAGE = "src/pages/pay/index.tsx"
BODY = """import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
const ON_OTHER = (() => {
  return process.env.TARO_ENV === 'alipay'
})()

export default function Pay() {
  const pay = () => {
    if (TEST) {
      Taro.chooseLocation({})
      alipayCheckout({ id: 1 })
    }
  }
  return <View onClick={pay}>pay</View>
}
"""


def _taro_app(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}',
        "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/home/index', 'pages/pay/index'],\n})\n",
        "src/app.ts": "import { Component } from 'react'\nexport default class App extends Component {}\n",
        "src/pages/home/index.tsx": "export default function Home() {\n  return null\n}\n",
    })
    return repo.commit("app")


def _told(repo, test: str) -> set[tuple[str, int]]:
    base = _taro_app(repo)
    repo.write(PAGE, BODY.replace("TEST", test))
    repo.commit("pay")
    return {(rule, line) for rule, path, line, _scope in found(run(repo.path, base)) if path == PAGE
            and rule in ("payment.non_wechat_pay", "privacy.choose_location")}


@pytest.mark.parametrize("test", ["process.env.TARO_ENV === 'alipay'", "process.env.TARO_ENV !== 'weapp'",
                                  "'h5' == process.env.TARO_ENV", "ON_OTHER", "!(process.env.TARO_ENV === 'weapp')"])
def test_another_platform_s_branch_adds_nothing(repo, test):
    assert _told(repo, test) == set()


@pytest.mark.parametrize("test", ["process.env.TARO_ENV === 'weapp'", "!ON_OTHER", "ready", "ON_OTHER || ready"])
def test_the_wechat_build_s_branch_is_told(repo, test):
    assert _told(repo, test) == {("payment.non_wechat_pay", 11), ("privacy.choose_location", 10)}


def test_the_else_of_another_platform_s_test_is_kept():
    source = "if (process.env.TARO_ENV === 'alipay') {\n  a()\n} else {\n  b()\n}\n"
    assert for_weapp(source, "src/a.js") == "if (process.env.TARO_ENV === 'alipay') {\n\n} else {\n  b()\n}\n"
    assert for_weapp(source.replace("'alipay'", "'weapp'"), "src/a.js") == \
        "if (process.env.TARO_ENV === 'weapp') {\n  a()\n} else {\n\n}\n"
