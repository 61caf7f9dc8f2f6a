"""API calls inside a component class method that nothing calls any more are not uses: commenting out the
only ``this.locate()`` of a Taro App and calling the location helper from a page moves the call."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.readers.syntax import language_for, parser_for
from mp_precheck.readers.uncalled import uncalled_methods

TARO = {
    "package.json": '{"dependencies": {"@tarojs/taro": "2.2.0"}}\n',
    "project.config.json": '{"miniprogramRoot": "dist/"}\n',
    "src/app.config.js": "export default { pages: ['pages/index/index', 'pages/post/post'] }\n",
    "src/utils/location.js": "import Taro from '@tarojs/taro'\n"
                             "export async function where() {\n  const res = await Taro.getLocation({ type: 'gcj02' })\n"
                             "  return res.latitude + ',' + res.longitude\n}\n",
    "src/pages/index/index.jsx": "export default function Index() { return null }\n",
    "src/pages/post/post.jsx": "export default function Post() {\n  const send = async () => {}\n  return null\n}\n",
}
APP = """import Taro, { Component } from '@tarojs/taro'
import { where } from './utils/location'

class App extends Component {
  componentDidMount() {
    {call}
  }

  locate = async () => {
    this.location = await where()
  }

  render() { return null }
}
export default App
"""
POST = """import { where } from '../../utils/location'
export default function Post() {
  const send = async () => {
    const location = await where()
  }
  return <view onClick={send} />
}
"""


def _app(repo, call: str) -> str:
    repo.write_files({**TARO, "src/app.jsx": APP.replace("{call}", "this.locate()")})
    base = repo.commit("base: App locates on launch")
    repo.write("src/app.jsx", APP.replace("{call}", call))
    repo.write("src/pages/post/post.jsx", POST)
    repo.commit("locate when posting")
    return base


def test_locating_moved_from_app_launch_to_a_page_is_no_new_call_site(repo):
    base = _app(repo, "// this.locate()  (no locating before the user acts)")
    assert not [f for f in found(run(repo.path, base)) if f[0] == "privacy.location"]


def test_a_page_locating_while_the_app_still_does_is_a_new_call_site(repo):
    base = _app(repo, "this.locate()")
    assert ("privacy.location", "src/pages/post/post.jsx", 4, "file") in found(run(repo.path, base))


def _dead(source: str, path: str = "a.jsx") -> list[tuple[int, int]]:
    return uncalled_methods(parser_for(path).parse(source.encode()).root_node, language_for(path))


def test_only_unnamed_methods_of_component_classes_are_uncalled():
    component = ("class Page extends Taro.Component {\n  onLoad() { wx.getLocation() }\n  locate() { wx.getLocation() }\n"
                 "  pick = () => { wx.chooseImage() }\n  save() { wx.saveFile() }\n  keep() { this['save']() }\n"
                 "  static helper() { wx.getLocation() }\n  render() { return <View onClick={this.pick} /> }\n}\n")
    assert _dead(component) == [(3, 3), (6, 6)]  # locate and keep; save is named through this['save']
    utility = "class Api extends Base {\n  upload() { wx.uploadFile({}) }\n}\nexport default new Api()\n"
    assert _dead(utility) == []
    plain = "class Api {\n  upload() { wx.uploadFile({}) }\n}\n"
    assert _dead(plain) == []



def test_a_method_named_like_the_imported_function_it_calls_is_uncalled_until_the_class_names_it():
    component = ("import Share from '../../utils/share'\nclass Card extends Component {\n"
                 "  openUrl(url) { Share.openUrl(url) }\n  render() { return <View /> }\n}\n")
    assert _dead(component) == [(3, 3)]  # Share.openUrl names the module's function, not the method
    called = component.replace("<View />", "<View onClick={() => this.openUrl(this.url)} />")
    assert _dead(called) == []
