"""Forced login in a hook a composable registers for the entry page: a uni-app page's ``<script setup>`` (or
``setup()``) calls ``useGate()`` of another module, which registers ``onShow`` sending a user without a token to
the login page; a Taro page calls a custom hook registering ``useDidShow`` the same way — reported at the
composable's navigation. A composable that only reads the token, one redirecting from a function a tap calls, one
only another page calls, a redirect on a flag another page's tap set or on the server's expiry answer, and a wall
the entry page already had at the base stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

PAGES_JSON = ('{\n  "pages": [{ "path": "pages/start/start" }, { "path": "pages/mine/mine" },'
              ' { "path": "pages/signin/signin" }]\n}\n')
START_VUE = """<template>
  <view @click="leave">start</view>
</template>

<script setup>
import { useGate } from '../../hooks/gate'
%s
</script>
"""
GATE = """import { onShow } from '@dcloudio/uni-app'

export const useGate = () => {
  const token = uni.getStorageSync('token')
  onShow(() => {
    if (!token) {
      uni.reLaunch({
        url: '/pages/signin/signin'
      })
    }
  })
  return { token }
}
"""


def _uni(tmp_path, call: str, gate: str = GATE, base_call: str = "", base_gate: str | None = None,
         mine_call: str = "", start: str = START_VUE, gate_path: str = "hooks/gate.js") -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("pages.json", PAGES_JSON)
    repo.write("manifest.json", '{\n  "name": "shop",\n  "mp-weixin": { "appid": "wx1" }\n}\n')
    repo.write("pages/signin/signin.vue", "<template><button>sign in</button></template>\n")
    repo.write("pages/start/start.vue", start % base_call)
    repo.write("pages/mine/mine.vue", START_VUE % "")
    if base_gate is not None:
        repo.write(gate_path, base_gate)
    base = repo.commit("base")
    repo.write("pages/start/start.vue", start % call)
    repo.write("pages/mine/mine.vue", START_VUE % mine_call)
    repo.write(gate_path, gate)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_composable_the_entry_page_calls_that_registers_an_on_show_redirect_is_forced_login(tmp_path):
    assert _uni(tmp_path, "useGate()") == {("login.forced_login", "hooks/gate.js", 7)}


def test_a_default_exported_typescript_composable_called_from_setup_is_followed(tmp_path):
    gate = GATE.replace("export const useGate = () => {", "export default function useGate(): void {") \
        .replace("  return { token }\n", "").replace("onShow", "onLoad")
    start = START_VUE.replace("import { useGate } from", "import useGate from") \
        .replace("<script setup>", "<script setup lang=\"ts\">")
    assert _uni(tmp_path, "useGate()", gate=gate, start=start, gate_path="hooks/gate.ts") == {
        ("login.forced_login", "hooks/gate.ts", 7)}


def test_a_composable_that_only_reads_the_token_is_silent(tmp_path):
    gate = GATE.replace("uni.reLaunch({\n        url: '/pages/signin/signin'\n      })", "console.log('guest')")
    assert _uni(tmp_path, "useGate()", gate=gate) == set()


def test_a_composable_whose_redirect_only_a_tap_runs_is_silent(tmp_path):
    gate = GATE.replace("  onShow(() => {\n    if (!token) {", "  const leave = () => {\n    if (!token) {") \
        .replace("    }\n  })\n  return { token }", "    }\n  }\n  onShow(() => console.log(token))\n"
                 "  return { token, leave }")
    assert "const leave" in gate and "onShow(() => console.log" in gate
    assert _uni(tmp_path, "const { leave } = useGate()", gate=gate) == set()


def test_a_composable_only_another_page_calls_is_silent(tmp_path):
    assert _uni(tmp_path, "", mine_call="useGate()") == set()


def test_a_composable_called_only_from_a_tap_handler_is_silent(tmp_path):
    assert _uni(tmp_path, "const leave = () => useGate()") == set()


def test_a_redirect_on_a_flag_another_pages_tap_set_is_silent(tmp_path):
    gate = GATE.replace("if (!token) {", "if (getApp().globalData.wantsSignin) {\n"
                        "      getApp().globalData.wantsSignin = false")
    assert _uni(tmp_path, "useGate()", gate=gate) == set()


def test_a_redirect_on_the_servers_expiry_answer_is_silent(tmp_path):
    gate = GATE.replace("if (!token) {", "uni.request({ url: '/me', success(res) { if (res.statusCode === 401) {") \
        .replace("      })\n    }\n  })", "      })\n    } } })\n  })")
    assert _uni(tmp_path, "useGate()", gate=gate) == set()


def test_a_composable_wall_the_entry_page_had_at_the_base_is_not_new(tmp_path):
    assert _uni(tmp_path, "useGate()\nconst n = 1", base_call="useGate()", base_gate=GATE) == set()


APP_CONFIG = "export default {\n  pages: ['pages/first/index', 'pages/signin/index'],\n}\n"
TARO_PAGE = """import { View } from '@tarojs/components'
import { useGate } from '../../hooks/useGate'

export default function First() {
  %s
  return <View>first</View>
}
"""
TARO_GATE = """import Taro, { useDidShow } from '@tarojs/taro'

export const useGate = () => {
  useDidShow(() => {
    if (!Taro.getStorageSync('token')) {
      Taro.redirectTo({ url: '/pages/signin/index' })
    }
  })
}
"""


def _taro(tmp_path, call: str, gate: str = TARO_GATE) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("package.json", '{\n  "dependencies": { "@tarojs/taro": "3.6.0" }\n}\n')
    repo.write("src/app.config.js", APP_CONFIG)
    repo.write("src/pages/signin/index.jsx", "export default function S() { return null }\n")
    repo.write("src/pages/first/index.jsx", TARO_PAGE % "")
    base = repo.commit("base")
    repo.write("src/pages/first/index.jsx", TARO_PAGE % call)
    repo.write("src/hooks/useGate.ts", gate)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_taro_custom_hook_registering_a_did_show_redirect_is_forced_login(tmp_path):
    assert _taro(tmp_path, "useGate()") == {("login.forced_login", "src/hooks/useGate.ts", 6)}


def test_a_taro_custom_hook_called_inside_an_event_handler_is_silent(tmp_path):
    assert _taro(tmp_path, "const onTap = () => useGate()") == set()


def test_a_composable_registered_by_one_the_entry_page_calls_is_followed(tmp_path):
    outer = "import { useInner } from './inner'\n\nexport const useGate = () => {\n  useInner()\n}\n"
    repo = Repo(tmp_path / "repo")
    repo.write("pages.json", PAGES_JSON)
    repo.write("manifest.json", '{\n  "name": "shop",\n  "mp-weixin": { "appid": "wx1" }\n}\n')
    repo.write("pages/start/start.vue", START_VUE % "")
    base = repo.commit("base")
    repo.write("pages/start/start.vue", START_VUE % "useGate()")
    repo.write("hooks/gate.js", outer)
    repo.write("hooks/inner.js", GATE.replace("useGate", "useInner"))
    repo.commit()
    assert {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"} == {
        ("login.forced_login", "hooks/inner.js", 7)}
