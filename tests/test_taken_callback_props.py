"""A function component that takes its parent's callback out of its props (``({ onSubmit }) => …``, ``const {
onSubmit } = props``) and calls it with what its UI kit's ``<TextArea>`` holds hands the typed text up: the page's
handler that posts it is a new post (analyzers/relayed_posts.py, readers/relay.py); a callback handed only a picked
choice carries no typed text."""

from __future__ import annotations

from analyzer_context import project_context
from mp_precheck.analyzers import relayed_posts
from mp_precheck.readers.relay import emitted

TARO_APP = {"app.config.js": "export default { pages: ['pages/board/index'] }\n",
            "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n', "app.js": "export default {}\n"}
SHEET = """import { useState } from 'react'
import { View } from '@tarojs/components'
import { TextArea, Button } from '@nutui/nutui-react-taro'

export default function AnswerSheet(props) {
  const { onHandIn, topic } = props
  const [draft, setDraft] = useState('')
  const [mood, setMood] = useState('calm')
  const finish = () => {
    onHandIn({ draft, topic })
  }
  return (
    <View>
      <TextArea value={draft} onChange={(v) => setDraft(v)} />
      <Button onClick={finish}>交卷</Button>
    </View>
  )
}
"""
ARROW_SHEET = SHEET.replace("export default function AnswerSheet(props) {\n  const { onHandIn, topic } = props\n",
                            "const AnswerSheet = ({ onHandIn: handIn, topic = '' }) => {\n").replace(
    "    onHandIn({ draft, topic })", "    handIn({ draft, topic })").replace(
    "  )\n}\n", "  )\n}\nexport default AnswerSheet\n")
BOARD = """import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import AnswerSheet from '../../components/answer-sheet/index'

const Board = () => {
  const keep = async ({ draft }) => {
    await Taro.request({ url: '/topic/comment/add', method: 'POST', data: { words: draft } })
  }
  return (
    <View>
      <AnswerSheet topic='weekly' onHandIn={keep} />
    </View>
  )
}
export default Board
"""
BASE_BOARD = BOARD.replace(" onHandIn={keep}", "").replace(
    "    await Taro.request({ url: '/topic/comment/add', method: 'POST', data: { words: draft } })\n", "")


def _findings(sheet: str) -> set[tuple[str, str, int]]:
    common = {**TARO_APP, "components/answer-sheet/index.jsx": sheet}
    context = project_context({**common, "pages/board/index.jsx": BOARD},
                              base={**common, "pages/board/index.jsx": BASE_BOARD}, changed=["pages/board/index.jsx"])
    return {(f.rule, f.path, f.line) for f in relayed_posts.analyze(context, [])}


def test_a_callback_taken_out_of_the_props_hands_the_text_area_up_to_the_pages_post():
    expected = {("upload.user_text", "pages/board/index.jsx", 7), ("category.ugc", "pages/board/index.jsx", 7)}
    assert _findings(SHEET) == expected
    assert _findings(ARROW_SHEET) == expected


def test_a_callback_taken_out_of_the_props_handed_only_a_choice_is_silent():
    assert not _findings(SHEET.replace("onHandIn({ draft, topic })", "onHandIn({ mood, topic })"))
    assert not _findings(ARROW_SHEET.replace("handIn({ draft, topic })", "handIn({ mood, topic })"))


def test_a_plain_function_of_the_component_named_like_a_callback_is_no_callback_prop():
    local = SHEET.replace("  const { onHandIn, topic } = props\n",
                          "  const topic = props.topic\n  const onHandIn = (x) => console.log(x)\n")
    assert emitted(local, "components/answer-sheet/index.jsx") == []
