"""A control of a JSX page (Taro, React) whose tap handler does nothing (``completeness.empty_handler``): the reviewer
taps it and nothing happens, as with a handler the page never defines. Each case adds, beside a control that does
nothing, a near one that does something (navigates, sets state, calls a prop, stops a tap) or cannot be used (a
disabled button, an empty mask): only the first is told."""

from __future__ import annotations

import pytest

from analyzer_context import project_context
from conftest import Repo
from helpers import run_bare
from mp_precheck.analyzers import dead_ui

RULE = "completeness.empty_handler"
PAGE = "src/pages/shelf/index.tsx"
TARO = {"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/shelf/index'] })\n"}
HEAD = """import Taro from '@tarojs/taro'
import { View, Button, Text, Image } from '@tarojs/components'
import { useState, useCallback } from 'react'

export default function Shelf(props) {
  const [open, setOpen] = useState(false)
%s
  return (
    <View>
%s
    </View>
  )
}
"""
BASE = HEAD % ("", "      <Text>货架</Text>")


def _told(handlers: str, controls: str) -> set[tuple[str, str, int, str | None]]:
    context = project_context({**TARO, PAGE: HEAD % (handlers, controls)}, changed=[PAGE], base={PAGE: BASE})
    return {(f.rule, f.path, f.line, f.value) for f in dead_ui.analyze(context, []) if f.rule == RULE}


@pytest.mark.parametrize(("handlers", "controls", "line", "value"), [
    # written in place, beside one that opens another page
    ("", "      <Button onClick={() => {}}>立即预订</Button>\n"
         "      <Button onClick={() => Taro.navigateTo({ url: '/pages/rack/index' })}>查看货架</Button>",
     10, "onClick={() => …}"),
    # onTap on a view holding text, beside one that sets state
    ("", "      <View onTap={() => setOpen(true)}><Text>展开</Text></View>\n"
         "      <View onTap={() => {}}><Text>收藏</Text></View>",
     11, "onTap={() => …}"),
    # a const arrow that only logs, beside a prop's handler called
    ("  const onReserve = () => {\n    console.log('reserve', open)\n  }",
     "      <Button onClick={onReserve}>预订</Button>\n      <Button onClick={() => props.onPick(1)}>挑选</Button>",
     12, "onClick={onReserve}"),
    # a useCallback of an empty function holding a TODO, beside a prop passed straight
    ("  const onShare = useCallback(() => {\n    // TODO\n  }, [])",
     "      <Button onClick={props.onTap}>选择</Button>\n      <Button onClick={onShare}>分享</Button>",
     13, "onClick={onShare}"),
    # a declared function with an empty body, beside a disabled button and an empty mask
    ("  function onCollect() {}",
     "      <Button disabled onClick={() => {}}>已售罄</Button>\n      <View className='mask' onClick={() => {}} />\n"
     "      <Image src='/img/star.png' onClick={onCollect} />",
     12, "onClick={onCollect}"),
    # a long press that does nothing, beside a wrapper whose own empty handler wraps a working button and a stop
    ("",
     "      <View onClick={() => {}}><Button onClick={() => setOpen(false)}>关闭</Button></View>\n"
     "      <View onClick={(e) => e.stopPropagation()}><Text>详情</Text></View>\n"
     "      <Text onLongPress={() => console.log('press')}>长按复制</Text>",
     12, "onLongPress={() => …}"),
])
def test_a_control_whose_handler_does_nothing_is_told_and_a_working_one_is_not(handlers, controls, line, value):
    assert _told(handlers, controls) == {(RULE, PAGE, line, value)}


CLASS_PAGE = """import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default class Rack extends Component {
  onBuy () {}
  onCart = () => { console.info('cart') }
  onGo = () => { Taro.navigateTo({ url: '/pages/rack/detail' }) }
  render () {
    return (
      <View>
        <Button onClick={this.onBuy}>买</Button>
        <Button onClick={this.onCart.bind(this)}>加购</Button>
        <Button onClick={this.onGo}>详情</Button>
        <Button onClick={() => this.setState({ more: true })}>更多</Button>
      </View>
    )
  }
}
"""


def test_a_class_components_empty_method_and_logging_field_are_told():
    path = "src/pages/rack/index.jsx"
    context = project_context({**TARO, path: CLASS_PAGE}, changed=[path], base={})
    assert {(f.rule, f.line, f.subject) for f in dead_ui.analyze(context, []) if f.rule == RULE} == {
        (RULE, 11, "handler:onBuy"), (RULE, 12, "handler:onCart")}


def test_a_control_moved_to_another_page_is_not_new(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**TARO, "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/shelf/index', "
                                                   "'pages/rack/index'] })\n",
                      PAGE: HEAD % ("", "      <Button onClick={() => {}}>立即预订</Button>"),
                      "src/pages/rack/index.tsx": BASE.replace("Shelf", "Rack")})
    base = repo.commit("base")
    repo.write_files({PAGE: BASE, "src/pages/rack/index.tsx": HEAD.replace("Shelf", "Rack") % (
        "", "      <Button onClick={() => {}}>立即预订</Button>")})
    repo.write("src/pages/shelf/index.tsx", HEAD % ("", "      <Text>货架</Text>\n      <Button onClick={() => {}}>"
                                                        "到货提醒</Button>"))
    repo.commit("move the reserve button, add a reminder")
    assert {(f.rule, f.path, f.line) for f in run_bare(repo.path, base).findings if f.rule == RULE} == {
        (RULE, PAGE, 11)}
