"""Dead controls in React / Taro JSX: a prop naming a method the class never has fires; a handler written inline,
a hook setter, a prop passed down, an imported function or a method the base class gives stays silent."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.jsxhandlers import class_component_dead


def _dead(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "completeness.dead_handler"}


FORM = """import { Component } from 'react'
import { handleShare } from '../../utils/share'
export default class Form extends Component {
  state = { tag: '', files: [] }
  onPick = files => this.setState({ files })
  submit() {}
  render() {
    return <View>
      <Picker onChange={files => this.setState({ files })} />
      <View onClick={() => this.setState({ tag: 'a' })}>a</View>
      <View onClick={() => this.forceUpdate()}>refresh</View>
      <View onClick={() => this.$preload({ id: 1 })}>next</View>
      <View onClick={this.onPick}>pick</View>
      <View onClick={this.submit.bind(this)}>submit</View>
      <View onClick={() => this.submit()}>again</View>
      <View onClick={this.props.onClose}>close</View>
      <View onClick={handleShare}>share</View>
      <View onClick={this.fromPrototype}>proto</View>
      <View onClick={this.handleSave}>save</View>
      <View onClick={() => this.handleDelete(1)}>delete</View>
      <View onLongPress={this.handleCopy.bind(this)}>copy</View>
    </View>
  }
}
Form.prototype.fromPrototype = function () {}
"""


def test_inline_and_inherited_handlers_are_live_and_missing_methods_fire(tmp_path):
    """``() => this.setState(…)`` once read as a control bound to a ``setState`` the class lacks."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write("src/pages/form/index.jsx", FORM)
    repo.commit("form")
    assert _dead(repo, base) == {("completeness.dead_handler", "src/pages/form/index.jsx", line)
                                 for line in (19, 20, 21)}


def test_function_components_hook_setters_and_props_stay_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write("src/pages/list/index.tsx", """import { useState } from 'react'
import { onTap } from './actions'
export default function List(props: Props) {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  return <View>
    <View onClick={() => setOpen(true)}>open</View>
    <View onClick={close}>close</View>
    <View onClick={props.onTap}>tap</View>
    <View onClick={onTap}>act</View>
    <View onClick={() => this.nowhere()}>odd</View>
  </View>
}
""")
    repo.commit("list")
    assert _dead(repo, base) == set()


def test_wxml_binding_with_no_method_still_fires(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write("pages/me/me.wxml", '<view>me</view>\n<button bindtap="onSave">save</button>\n'
                                   '<button bindtap="onOpen">open</button>\n')
    repo.write("pages/me/me.js", "Page({\n  onOpen() { this.setData({ open: true }) }\n})\n")
    repo.commit("me")
    assert _dead(repo, base) == {("completeness.dead_handler", "pages/me/me.wxml", 2)}


def test_classes_whose_members_come_from_elsewhere_are_not_checked():
    """A mixin into the prototype or the instance, or a base class of the project's own named like React's."""
    mixed = """class A extends Component { render() { return <View onClick={this.fromMixin} /> } }
Object.assign(A.prototype, mixin)
class B extends Component {
  constructor() { super(); Object.assign(this, handlers) }
  render() { return <View onClick={this.fromHandlers} /> }
}
"""
    assert class_component_dead(mixed, "src/pages/a/index.jsx") == []
    own_base = """import Component from '../../common/component'
export default class C extends Component { render() { return <View onClick={this.fromBase} /> } }
"""
    assert class_component_dead(own_base, "src/pages/c/index.jsx") == []
    react_base = own_base.replace("'../../common/component'", "'react'")
    assert [(b.handler, b.attribute, b.line) for b in class_component_dead(react_base, "src/pages/c/index.jsx")] == \
        [("fromBase", "onClick", 2)]
