"""An old text box of a page whose markup is the JSX of its ``.js`` / ``.ts`` script (a Taro 1 class page, a Taro 3
hooks page written in ``index.js``): a UI kit's ``<AtTextarea>`` or a ``<Textarea>`` the page had while its submit
posted nothing is published where the change wires the submit to a post of its text — a redux action dispatched
or bound with ``connect``, a plain service function imported from ``src/api`` (analyzers/old_boxes.py). A search
sent by the box's text, a text kept in local storage, an address or login form stay silent."""

from __future__ import annotations

from helpers import places, run

APP = "export default { config: { pages: ['pages/index/index', 'pages/compose/compose'] } }\n"
ACTIONS = """import Taro from '@tarojs/taro'

export const NAME = (payload) => dispatch => Taro.request({
  url: 'https://api.example.com/ROUTE',
  method: 'POST',
  data: payload,
}).then((res) => dispatch({ type: 'DONE', payload: res.data }))
"""
CLASS_PAGE = """import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { AtTextarea, AtButton } from 'taro-ui'
IMPORT

CONNECT
export default class Compose extends Taro.Component {
  constructor() {
    super(...arguments)
    this.state = { text: '' }
  }
  onText(event) {
    this.setState({ text: event.target.value })
  }
  submit() {
    // SEND
  }
  render() {
    return (
      <View>
        <AtTextarea value={this.state.text} onChange={this.onText.bind(this)} maxLength={200} />
        <AtButton type='primary' onClick={this.submit}>OK</AtButton>
      </View>
    )
  }
}
"""
DISPATCH = "    this.props.dispatch(NAME({ content: this.state.text }))"
BOUND = "    this.props.NAME(this.state.text, 1)"
CONNECTED = "@connect(({ feed }) => ({ feed }), (dispatch) => bindActionCreators({ NAME }, dispatch))"
HOOKS_PAGE = """import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Textarea, Button } from '@tarojs/components'
IMPORT

export default function Compose() {
  const [text, setText] = useState('')
  const submit = () => {
    // SEND
  }
  return (
    <View>
      <Textarea value={text} onInput={(e) => setText(e.detail.value)} />
      <Button onClick={submit}>OK</Button>
    </View>
  )
}
"""
SERVICE = """import Taro from '@tarojs/taro'

export function NAME(data) {
  return Taro.request({ url: 'https://api.example.com/ROUTE', method: 'POST', data })
}
"""


def _publish(app_repo, page: str, send: str, module: str, name: str, route: str,
             connect: str = "") -> tuple[set[tuple[str, str, int]], int]:
    """(the category and user-text findings of the change wiring ``send`` into the compose page, line of the send)."""
    folder = "actions" if module == ACTIONS else "api"
    head = page.replace("IMPORT", f"import {{ {name} }} from '../../{folder}/feed'").replace(
        "    // SEND", send.replace("NAME", name)).replace("CONNECT", connect.replace("NAME", name))
    if connect:
        head = head.replace("import { View", "import { connect } from '@tarojs/redux'\n"
                                            "import { bindActionCreators } from 'redux'\nimport { View")
    app_repo.write_files({"project.config.json": '{"miniprogramRoot": "dist/"}\n', "src/app.js": APP,
                          "src/pages/index/index.js": "export default function Index() { return null }\n",
                          f"src/{folder}/feed.js": "export const noop = () => null\n",
                          "src/pages/compose/compose.js": page.replace("IMPORT", "").replace("CONNECT", "")})
    base = app_repo.commit("a compose page whose submit does nothing yet")
    app_repo.write_files({f"src/{folder}/feed.js": module.replace("NAME", name).replace("ROUTE", route),
                          "src/pages/compose/compose.js": head})
    app_repo.commit("the submit sends the text")
    report = run(app_repo.path, base)
    line = next(n for n, text in enumerate(head.splitlines(), 1) if f"{name}(" in text and "import" not in text)
    return places(report, "category") | places(report, "upload"), line


def _told(line: int) -> set[tuple[str, str, int]]:
    return {("upload.user_text", "src/pages/compose/compose.js", line),
            ("category.ugc", "src/pages/compose/compose.js", line)}


def test_an_old_kit_textarea_of_a_class_page_dispatching_a_post_action_is_published(app_repo):
    found, line = _publish(app_repo, CLASS_PAGE, DISPATCH, ACTIONS, "addMoment", "moment/add")
    assert found == _told(line)


def test_an_old_kit_textarea_posted_through_a_connected_action_creator_is_published(app_repo):
    found, line = _publish(app_repo, CLASS_PAGE, BOUND, ACTIONS, "addMoment", "moment/add", CONNECTED)
    assert found == _told(line)


def test_an_old_textarea_of_a_hooks_page_posted_through_a_service_function_is_published(app_repo):
    found, line = _publish(app_repo, HOOKS_PAGE, "    createTopic({ content: text })", SERVICE, "createTopic",
                           "topic/create")
    assert found == _told(line)


def test_an_old_kit_textarea_whose_text_a_search_action_sends_stays_silent(app_repo):
    found, _line = _publish(app_repo, CLASS_PAGE, DISPATCH, ACTIONS, "searchGoods", "goods/search")
    assert found == set()


def test_an_old_textarea_kept_in_local_storage_stays_silent(app_repo):
    found, _line = _publish(app_repo, HOOKS_PAGE, "    Taro.setStorageSync('draft', text)\n    noteSaved(text)",
                            SERVICE.replace("Taro.request({ url: 'https://api.example.com/ROUTE', method: 'POST', "
                                            "data })", "Taro.showToast({ title: data })"), "noteSaved", "")
    assert found == set()


def test_an_old_kit_textarea_of_an_address_form_stays_silent(app_repo):
    found, _line = _publish(app_repo, CLASS_PAGE, DISPATCH, ACTIONS, "saveAddress", "user/address/save")
    assert found == set()
