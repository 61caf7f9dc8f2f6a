"""A JSX (Taro) entry page that renders a component laying a full-size authorization layer over it as it opens is
forced login (``login.forced_login`` at the page's tag); the same layer with a close control, opened by a tap, or
on a later page only, is not. Brand text a JSX component keeps in its state or a constant and renders as an
element's text is UI text (``branding.brand_text`` at the string); a constant only logged is not."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.jsxlayers import layers

FILES = {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
         "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/home/index', 'pages/shop/index']\n})\n",
         "src/app.ts": "export default function App(props) { return props.children }\n"}
PAGE = """import Taro, { Component } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import Gate from '../../components/gate'

export default class Home extends Component {
  state = { profile: null, goods: [] }
  render() {
    const { profile, goods } = this.state
    return (
      <View className="home">
        {!profile ? (
          <Gate onDone={() => this.setState({ profile: {} })} />
        ) : null}
        {goods.map(item => <Text key={item.id}>{item.name}</Text>)}
      </View>
    )
  }
}
"""
PLAIN = PAGE.replace("""        {!profile ? (
          <Gate onDone={() => this.setState({ profile: {} })} />
        ) : null}
""", "")
GATE = """import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import './gate.scss'

export default class Gate extends Component {
  state = { open: true, caption: '授权后继续' }
  onProfile = () => { this.setState({ open: false }); this.props.onDone() }
  render() {
    const { open, caption } = this.state
    return (
      <View>
        {open && (
          <View className="gate-cover">
            <Button openType="getUserInfo" onGetUserInfo={this.onProfile}>{caption}</Button>
          </View>
        )}
      </View>
    )
  }
}
"""
SHEET = ".gate-cover {\n  position: absolute;\n  top: 0;\n  left: 0;\n  width: 100%;\n  height: 100%;\n}\n"


def _app(repo: Repo, home: str, shop: str = PLAIN, gate: str = GATE) -> None:
    repo.write_files({**FILES, "src/pages/home/index.tsx": home, "src/pages/shop/index.tsx": shop,
                      "src/components/gate.js": gate, "src/components/gate.scss": SHEET})


def _findings(repo: Repo, base: str, rule: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == rule}


def _changed(tmp_path, name: str, home: str, shop: str = PLAIN, gate: str = GATE) -> tuple[Repo, str]:
    repo = Repo(tmp_path / name)
    repo.write_files({**FILES, "src/pages/home/index.tsx": PLAIN, "src/pages/shop/index.tsx": PLAIN})
    base = repo.commit("base")
    _app(repo, home, shop, gate)
    repo.commit("an authorization layer")
    return repo, base


def test_a_layer_the_entry_page_mounts_that_only_an_authorization_removes_is_forced_login(tmp_path):
    repo, base = _changed(tmp_path, "wall", PAGE)
    assert _findings(repo, base, "login.forced_login") == {("src/pages/home/index.tsx", 12)}


def test_a_layer_with_a_close_control_opened_by_a_tap_or_on_a_later_page_is_silent(tmp_path):
    closable = GATE.replace("            <Button", '            <View onClick={() => this.setState({ open: false })}>'
                                              '关闭</View>\n            <Button')
    repo, base = _changed(tmp_path, "close", PAGE, gate=closable)
    assert _findings(repo, base, "login.forced_login") == set()
    tapped = GATE.replace("open: true", "open: false")
    repo, base = _changed(tmp_path, "tap", PAGE, gate=tapped)
    assert _findings(repo, base, "login.forced_login") == set()
    repo, base = _changed(tmp_path, "later", PLAIN, shop=PAGE)
    assert _findings(repo, base, "login.forced_login") == set()


def test_brand_text_kept_in_state_and_rendered_on_the_button_is_ui_text(tmp_path):
    repo, base = _changed(tmp_path, "brand", PAGE, gate=GATE.replace("授权后继续", "微信登录"))
    assert _findings(repo, base, "branding.brand_text") == {("src/components/gate.js", 6)}


def test_a_brand_constant_only_logged_is_no_ui_text(tmp_path):
    logged = GATE.replace("export default class", "const TRACE = '微信登录'\nconsole.log(TRACE)\n\nexport default class")
    repo, base = _changed(tmp_path, "logged", PAGE, gate=logged)
    assert _findings(repo, base, "branding.brand_text") == set()


def test_conditions_of_jsx_branches_are_read_as_wx_if():
    found = layers(GATE, "gate.js")
    cover = next(e for e in found.elements if "gate-cover" in e.classes)
    assert cover.conditions == (("wx:if", "open"),) and cover.depth == 1
    assert 'open-type="getUserInfo"' in found.template and "bindgetuserinfo" in found.template
    assert found.sheets == ("./gate.scss",)
    other = layers("const A = () => (<View>{a ? <Text>x</Text> : <Text>y</Text>}</View>)", "a.jsx")
    assert [e.conditions for e in other.elements[1:]] == [(("wx:if", "a"),), (("wx:if", "!a"),)]
