"""Text boxes of Taro / React pages (JSX): a one-line comment ``<Input>`` whose handler, named in JSX
(``onInput={this.handleReply}``, ``onConfirm={send}``), stores the text with ``setState`` or a state hook's setter
and a new call posts it is a post (analyzers/comment_boxes.py through readers/boxhandlers.py); a login or
registration form, whose wrapper only says how it sends (``postNewUser``), and a form that only logs its text
publish nothing."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.boxhandlers import box_handlers, handler_writes

APP = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3", "react": "18"}}\n',
    "src/app.config.ts": "export default { pages: ['pages/home/index', 'pages/thread/index'] }\n",
    "src/pages/home/index.tsx": "export default () => null\n",
    "src/pages/thread/index.tsx": "export default () => null\n",
    "src/net/http.ts": "import Taro from '@tarojs/taro'\n"
                       "export const send = (url: string, data?: object) =>\n"
                       "  Taro.request({ url: 'https://svc.example.org' + url, method: 'POST', data })\n",
    "src/net/board.ts": "import { send } from './http'\n"
                        "export const addReply = (data: object) => send('/replies', data)\n"
                        "export const postNewMember = (data: object) => send('/member/new', data)\n",
}
CLASS_PAGE = """import { Component } from 'react'
import { View, Input, Button } from '@tarojs/components'
import { addReply } from '../../net/board'

export default class Thread extends Component {
  state = { reply: '' }
  handleReply = (e) => {
    this.setState({ reply: e.detail.value })
  }
  submit = () => {
    addReply({ threadId: 1, body: this.state.reply })
  }
  render() {
    return (
      <View>
        <Input onInput={this.handleReply} placeholder='写回复' />
        <Button onClick={this.submit}>发送</Button>
      </View>
    )
  }
}
"""
HOOK_PAGE = """import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { addReply } from '../../net/board'

export default function Thread() {
  const [words, setWords] = useState('')
  const typed = (e) => setWords(e.detail.value)
  const submit = () => addReply({ threadId: 1, body: words })
  return (
    <View>
      <Input onInput={typed} onConfirm={submit} placeholder='写回复' />
    </View>
  )
}
"""
CONFIRM_PAGE = """import { View, Input } from '@tarojs/components'
import { addReply } from '../../net/board'

export default function Thread() {
  const submit = (e) => addReply({ threadId: 1, body: e.detail.value })
  return (
    <View>
      <Input confirmType='send' onConfirm={submit} />
    </View>
  )
}
"""
SIGNUP_PAGE = """import { useState } from 'react'
import { View, Input, Button } from '@tarojs/components'
import { postNewMember } from '../../net/board'

export default function Join() {
  const [nick, setNick] = useState('')
  const go = async () => {
    await postNewMember({ nick_name: nick })
  }
  return (
    <View>
      <Input value={nick} onInput={(e) => setNick(e.detail.value)} />
      <Button onClick={go}>加入</Button>
    </View>
  )
}
"""
LOGGED_ONLY = """import { useState } from 'react'
import { View, Textarea, Button } from '@tarojs/components'

export default function Compose() {
  const [body, setBody] = useState('')
  const submit = () => {
    console.log('publish', body)
    setBody('')
  }
  return (
    <View>
      <Textarea value={body} onInput={(e) => setBody(e.detail.value)} />
      <Button onClick={submit}>发布</Button>
    </View>
  )
}
"""
REGISTER_PAGE = """import { useState } from 'react'
import { View, Textarea, Button } from '@tarojs/components'
import { send } from '../../net/http'

export default function Register() {
  const [note, setNote] = useState('')
  const go = () => send('/apply', { note })
  return (
    <View>
      <Textarea value={note} onInput={(e) => setNote(e.detail.value)} />
      <Button onClick={go}>提交</Button>
    </View>
  )
}
"""


def _change(repo, path: str, page: str) -> set[tuple[str, str, int]]:
    repo.write_files(APP)
    base = repo.commit("base")
    repo.write(path, page)
    repo.commit("head")
    report = run(repo.path, base)
    return places(report, "category") | places(report, "upload")


@pytest.mark.parametrize(("page", "line"), [(CLASS_PAGE, 11), (HOOK_PAGE, 8), (CONFIRM_PAGE, 5)])
def test_a_jsx_reply_box_whose_handler_stores_the_text_a_new_call_posts_is_a_post(repo, page, line):
    assert _change(repo, "src/pages/thread/index.tsx", page) == {
        ("upload.user_text", "src/pages/thread/index.tsx", line), ("category.ugc", "src/pages/thread/index.tsx", line)}


@pytest.mark.parametrize(("path", "page"), [
    ("src/pages/thread/index.tsx", SIGNUP_PAGE),  # a member's name sent by a wrapper named for its method
    ("src/pages/thread/index.tsx", LOGGED_ONLY),  # a composer whose 发布 only logs and clears it: nothing published
    ("src/pages/register/index.tsx", REGISTER_PAGE),  # a note on a registration: the account's, no post
])
def test_account_forms_and_forms_that_send_nothing_publish_nothing(repo, path, page):
    assert _change(repo, path, page) == set()


def test_the_handlers_a_jsx_input_names_and_what_they_store():
    assert box_handlers(CLASS_PAGE, 16) == {"handleReply"}
    assert box_handlers(HOOK_PAGE, 11) == {"typed", "submit"}
    assert box_handlers("<Input onBlur={this.save.bind(this)} />", 1) == {"save"}
    stored, spans = handler_writes(CLASS_PAGE, "a.jsx", frozenset({"handleReply"}))
    assert stored == {"reply"} and [8 in span for span in spans] == [True]
    assert handler_writes(HOOK_PAGE, "a.tsx", frozenset({"typed"}))[0] == {"words"}
    shorthand = "class A { on = (e) => { const value = e.detail.value; this.setState({ draft: value }) } }\n"
    assert handler_writes(shorthand, "a.tsx", frozenset({"on"}))[0] == {"draft"}


@pytest.mark.parametrize(("text", "names"), [
    ("postNewUser", False), ("postSaveAddress", False), ("postComment", True), ("postAdd", True),
    ("/post/new", True),
])
def test_a_name_opening_with_an_http_method_names_no_post_by_that_word(text, names):
    assert scenes().names_a_post(text) is names


def test_a_thread_composer_whose_publish_button_moves_on_is_ugc_at_its_box_with_no_text_check(repo):
    # nothing leaves the phone yet (no upload.user_text), but a 发布 that goes on to the next page is a post flow
    # whose request is not written yet: the composer of a thread is what others will read
    moves_on = LOGGED_ONLY.replace("    setBody('')\n", "    Taro.navigateTo({ url: '/pages/home/index' })\n")
    assert moves_on != LOGGED_ONLY
    assert _change(repo, "src/pages/thread/index.tsx", moves_on) == {
        ("category.ugc", "src/pages/thread/index.tsx", 12)}
