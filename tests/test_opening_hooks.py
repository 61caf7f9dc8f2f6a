"""Every hook that runs before the user touches anything counts, from one table (readers/openinghooks.py): a
redirect to login in Vue's ``beforeCreate`` / ``beforeMount``, a page's ``onReady``, a second React mount effect, a
component page's ``pageLifetimes.show`` forces login on the entry page as ``onLoad`` does; the same code on
another page, or in a method a tap calls, does not. The readers that ask "does this run on open?" agree."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import run
from mp_precheck.readers import authoverlay, scriptchecks
from mp_precheck.readers.openinghooks import LAUNCH, OPENING, REGISTERED, TABLE

UNI_APP = {"src/manifest.json": "{}\n", "src/App.vue": "<script>export default {}</script>\n",
           "src/pages.json": '{\n  "pages": [\n    {"path": "pages/shop/index"},\n    {"path": "pages/cart/index"},\n'
                             '    {"path": "pages/account/signin"}\n  ]\n}\n',
           "src/pages/shop/index.vue": "<template><view>shop</view></template>\n<script>\nexport default {}\n"
                                       "</script>\n",
           "src/pages/cart/index.vue": "<template><view>cart</view></template>\n<script>\nexport default {}\n"
                                       "</script>\n"}
VUE_GATE = ("<template><view>{{ title }}</view></template>\n<script>\nexport default {\n  data () { return { title: '' } },\n"
            "  %s () {\n    const member = uni.getStorageSync('member')\n    if (!member) {\n"
            "      uni.redirectTo({ url: '/pages/account/signin' })\n    }\n  }\n}\n</script>\n")


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


@pytest.mark.parametrize("hook", ["beforeCreate", "beforeMount", "onReady"])
def test_a_redirect_to_login_in_any_hook_that_runs_on_open_forces_login_on_the_entry_page(tmp_path, hook):
    repo = Repo(tmp_path / "repo")
    repo.write_files(UNI_APP)
    base = repo.commit("base")
    repo.write("src/pages/shop/index.vue", VUE_GATE % hook)
    repo.commit("members only")
    assert _login(repo, base) == {("login.forced_login", "src/pages/shop/index.vue", 7)}


@pytest.mark.parametrize("hook", ["beforeCreate", "beforeMount", "onReady"])
def test_the_same_hook_on_a_later_page_or_a_tap_handler_is_silent(tmp_path, hook):
    repo = Repo(tmp_path / "later")
    repo.write_files(UNI_APP)
    base = repo.commit("base")
    repo.write("src/pages/cart/index.vue", VUE_GATE % hook)
    repo.commit("members only on the cart")
    assert _login(repo, base) == set()
    repo = Repo(tmp_path / "tapped")
    repo.write_files(UNI_APP)
    base = repo.commit("base")
    repo.write("src/pages/shop/index.vue", VUE_GATE.replace("  %s () {", "  methods: {\n  checkout () {")
               .replace("  }\n}\n</script>", "  }\n  }\n}\n</script>"))
    repo.commit("members only at checkout")
    assert _login(repo, base) == set()


TARO_APP = {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0", "react": "18.2.0"}}\n',
            "src/app.config.ts": "export default {\n  pages: ['pages/feed/index', 'pages/passport/index']\n}\n",
            "src/app.tsx": "export default function App({ children }) { return children }\n",
            "src/pages/feed/index.tsx": "import { useEffect, useState } from 'react'\n"
                                        "export default function Feed() {\n  const [items, setItems] = useState([])\n"
                                        "  useEffect(() => {\n    setItems([])\n  }, [])\n"
                                        "  return <view>{items.length}</view>\n}\n"}
SECOND_EFFECT = ("  useEffect(() => {\n    if (!Taro.getStorageSync('session')) {\n"
                 "      Taro.reLaunch({ url: '/pages/passport/index' })\n    }\n  }, [])\n")


def test_a_second_react_mount_effect_of_a_taro_entry_page_is_read_too(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files(TARO_APP)
    base = repo.commit("base")
    feed = TARO_APP["src/pages/feed/index.tsx"]
    repo.write("src/pages/feed/index.tsx", "import Taro from '@tarojs/taro'\n" +
               feed.replace("  return <view>", SECOND_EFFECT + "  return <view>"))
    repo.commit("a session first")
    assert _login(repo, base) == {("login.forced_login", "src/pages/feed/index.tsx", 9)}
    repo = Repo(tmp_path / "tapped")
    repo.write_files(TARO_APP)
    base = repo.commit("base")
    repo.write("src/pages/feed/index.tsx", "import Taro from '@tarojs/taro'\n" + feed.replace(
        "  return <view>", "  const open = () => {\n    Taro.reLaunch({ url: '/pages/passport/index' })\n  }\n"
        "  return <view onClick={open}>"))
    repo.commit("a session on a tap")
    assert _login(repo, base) == set()
    repo = Repo(tmp_path / "reacting")  # an effect with dependencies reacts to that state, not to the page opening
    repo.write_files(TARO_APP)
    base = repo.commit("base")
    repo.write("src/pages/feed/index.tsx", "import Taro from '@tarojs/taro'\n" + feed.replace(
        "  return <view>", "  const [pending, setPending] = useState(false)\n  useEffect(() => {\n"
        "    if (!items.length) return\n    if (pending) {\n      Taro.reLaunch({ url: '/pages/passport/index' })\n"
        "    }\n  }, [items, pending])\n  return <view onClick={() => setPending(true)}>"))
    repo.commit("a session once the feed is there and the user asked")
    assert _login(repo, base) == set()


NATIVE_APP = {"app.json": '{\n  "pages": [\n    "pages/hub/hub",\n    "pages/bind/phone"\n  ]\n}\n',
              "app.js": "App({})\n", "pages/hub/hub.wxml": "<view>hub</view>\n",
              "pages/hub/hub.js": "Component({})\n"}
COMPONENT_PAGE = ("Component({\n  %s: {\n    show() {\n      if (!wx.getStorageSync('phone')) {\n"
                  "        wx.navigateTo({ url: '/pages/bind/phone' })\n      }\n    }\n  }\n})\n")


def test_a_component_built_page_forcing_binding_in_page_lifetimes_show_but_not_in_a_show_method(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files(NATIVE_APP)
    base = repo.commit("base")
    repo.write("pages/hub/hub.js", COMPONENT_PAGE % "pageLifetimes")
    repo.commit("bind on show")
    assert _login(repo, base) == {("login.forced_login", "pages/hub/hub.js", 4)}
    repo = Repo(tmp_path / "method")
    repo.write_files(NATIVE_APP)
    base = repo.commit("base")
    repo.write("pages/hub/hub.js", COMPONENT_PAGE % "methods")
    repo.commit("bind when the sheet is shown")
    assert _login(repo, base) == set()


def test_every_reader_asks_the_one_table():
    members = {h.name for h in TABLE if not h.registered}
    assert {"beforeCreate", "beforeMount", "onReady", "ready", "pageLifetimes.show", "setup"} <= OPENING
    assert members <= OPENING and set(REGISTERED.values()) <= OPENING and "show" not in OPENING
    assert {"onLaunch", "onShow", "componentDidMount"} <= LAUNCH and "onLoad" not in LAUNCH
    assert {"useEffect", "useDidShow", "onMounted", "onBeforeMount", "useReady"} <= set(REGISTERED)
    assert OPENING == scriptchecks.LIFECYCLE


def test_a_subscription_prompt_and_an_overlay_flag_in_before_create_run_before_any_tap():
    script = ("export default {\n  beforeCreate () {\n    wx.requestSubscribeMessage({ tmplIds: ['t'] })\n"
              "    this.ask = true\n  },\n  methods: { later () { wx.requestSubscribeMessage({ tmplIds: ['t'] }) } }\n"
              "}\n")
    assert scriptchecks.scan(script, "page.js").subscribe_outside_tap == [("beforeCreate", 3)]
    assert authoverlay.shown_on_load((("v-if", "ask"),), script, "page.js")
    assert not authoverlay.shown_on_load((("v-if", "ask"),), script.replace("beforeCreate", "later2"), "page.js")
