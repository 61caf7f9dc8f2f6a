"""Dead controls in WePY: a handler a mixin gives is live, wherever the build finds the mixin (an extensionless
import of a ``.wpy`` file, a ``.js`` file, a ``@/`` or build alias); a handler neither the component nor its mixins
define still fires, and a mixin the tool cannot find leaves the component unknown (silent)."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.handlers import script_definitions

APP = {
    "wepy.config.js": "module.exports = { wpyExt: '.wpy', resolve: { alias: { shared: 'src/shared' } } }\n",
    "src/app.wpy": "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                   "  config = { pages: ['pages/shelf'] }\n}\n</script>\n",
    "src/pages/shelf.wpy": "<template><view>shelf</view></template>\n<script>\nimport wepy from 'wepy'\n"
                           "export default class Shelf extends wepy.page {}\n</script>\n",
}
# A WePY 1.x mixin kept in a .wpy file: its methods, a plain method, data written onto the instance.
TRAY_MIXIN = """<script>
  import wepy from 'wepy'
  export default class tray extends wepy.mixin {
    data = { form: {} }
    keep(query) {
      Object.assign(this, query)
    }
    onField(e) {
      this.form[e.currentTarget.id] = e.detail.value
    }
    methods = {
      openTray() {},
      sendPing({ detail }) {}
    }
  }
</script>
"""


def _bar(spec: str, template: str) -> str:
    return (f"<template>\n  <view>\n{template}  </view>\n</template>\n<script>\n  import wepy from 'wepy'\n"
            f"  import tray from '{spec}'\n  export default class Bar extends wepy.component {{\n"
            "    mixins = [tray]\n    methods = { close() {} }\n  }\n</script>\n")


def _dead(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.path, f.subject, f.line) for f in run(repo.path, base).findings
            if f.rule == "completeness.dead_handler"}


def _app(repo: Repo, files: dict[str, str]) -> str:
    repo.write_files(APP | files)
    return repo.commit("base")


BUTTONS = ('    <button @tap="openTray">open</button>\n    <form @submit="sendPing"><button form-type="submit">go'
           '</button></form>\n    <button @tap="close">x</button>\n')


def test_handlers_of_an_extensionless_wpy_mixin_are_live(repo):
    base = _app(repo, {"src/mixins/tray.wpy": TRAY_MIXIN})
    repo.write("src/components/bar.wpy", _bar("../mixins/tray", BUTTONS))
    repo.commit("bar")
    assert _dead(repo, base) == set()


def test_a_handler_neither_the_component_nor_its_mixin_defines_still_fires(repo):
    base = _app(repo, {"src/mixins/tray.wpy": TRAY_MIXIN})
    repo.write("src/components/bar.wpy", _bar("../mixins/tray", BUTTONS + '    <button @tap="shareTray">s</button>\n'))
    repo.commit("bar")
    assert _dead(repo, base) == {("src/components/bar.wpy", "handler:shareTray", 6)}


def test_a_method_removed_from_the_component_while_its_binding_stays_fires(repo):
    base = _app(repo, {"src/mixins/tray.wpy": TRAY_MIXIN, "src/components/bar.wpy": _bar("../mixins/tray", BUTTONS)})
    repo.write("src/components/bar.wpy", _bar("../mixins/tray", BUTTONS).replace("close() {}", ""))
    repo.commit("drop close")
    assert _dead(repo, base) == {("src/components/bar.wpy", "handler:close", 5)}


def test_js_mixins_and_aliased_mixins_are_read(repo):
    js_mixin = "import wepy from 'wepy'\nexport default class tray extends wepy.mixin {\n" \
               "  methods = { openTray() {}, sendPing() {} }\n}\n"
    base = _app(repo, {"src/mixins/tray.js": js_mixin, "src/shared/tray.wpy": TRAY_MIXIN})
    repo.write("src/components/bar.wpy", _bar("../mixins/tray", BUTTONS))
    repo.write("src/components/alias_bar.wpy", _bar("@/mixins/tray", BUTTONS))
    repo.write("src/components/shared_bar.wpy", _bar("shared/tray", BUTTONS + '    <view @tap="gone">g</view>\n'))
    repo.commit("bars")
    assert _dead(repo, base) == {("src/components/shared_bar.wpy", "handler:gone", 6)}


def test_a_mixin_that_cannot_be_found_or_read_leaves_the_component_unknown(repo):
    open_mixin = TRAY_MIXIN.replace("sendPing({ detail }) {}", "...shared")
    base = _app(repo, {"src/mixins/open.wpy": open_mixin})
    repo.write("src/components/a.wpy", _bar("../mixins/missing", '    <view @tap="gone">g</view>\n'))
    repo.write("src/components/b.wpy", _bar("wepy-mixin-pkg", '    <view @tap="gone">g</view>\n'))
    repo.write("src/components/c.wpy", _bar("../mixins/open", '    <view @tap="gone">g</view>\n'))
    repo.commit("bars")
    assert _dead(repo, base) == set()


def test_wepy_2_pages_with_mixins_stay_silent(repo):
    """WePY 2 options (``wepy.page({ mixins: [x] })``) and its global ``wepy.mixin({...})`` are not read as a
    page whose names are known: nothing fires."""
    base = _app(repo, {"src/mixins/tap.js": "export default { methods: { openTray() {} } }\n",
                       "src/app.wpy": "<script>\nimport wepy from '@wepy/core'\nwepy.mixin({ methods: { onGlobal() {} } })\n"
                                      "wepy.app({})\n</script>\n"})
    repo.write("src/pages/two.wpy", "<template>\n  <view @tap=\"openTray\">o</view>\n  <view @tap=\"onGlobal\">g</view>\n"
                                    "</template>\n<script>\nimport wepy from '@wepy/core'\nimport tap from '../mixins/tap'\n"
                                    "wepy.page({ mixins: [tap], methods: {} })\n</script>\n")
    repo.commit("two")
    assert _dead(repo, base) == set()


def test_what_opens_a_script_names():
    """A WePY class writing data onto ``this`` stays closed; a native page that may add handlers at run time
    (``Object.assign(this, …)``, ``this[name] = …``, ``that[name] = …``) is open."""
    wepy = "import wepy from 'wepy'\nexport default class P extends wepy.page {\n  a(q) { Object.assign(this, q) }\n" \
           "  b(e) { this.form[e.id] = 1; this.data.list[0] = 2 }\n  mixins = [m]\n}\nimport m from './m'\n"
    found = script_definitions(wepy, "p.wpy.js")
    assert not found.open and found.imports == ["./m"]
    for body in ("Object.assign(this, extra)", "this[name] = fn", "that[name] = fn", "this.methods[name] = fn"):
        assert script_definitions(f"Page({{ onLoad() {{ {body} }} }})\n", "p.js").open, body
    assert script_definitions("Page({ onLoad() { Object.assign(this, q) } })\n", "p.js").open
