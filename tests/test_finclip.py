"""FinClip's ``ft`` (readers/finclip.py): a project built for FinClip calls WeChat's APIs on ``ft``, read as ``wx``;
in any other project ``ft`` stays a name like any other."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.catalog import api_names
from mp_precheck.readers.finclip import as_wechat

RULE = "external_link.navigate_to_mini_program"
# A test page's action sheet opening one of the partner apps, or the one a scanned code names.
PARTNER_JS = """Page({
  openPartner() {
    ft.showActionSheet({
      itemList: ['partner one', 'partner two'],
      success: (res) => {
        ft.navigateToMiniProgram({ appId: res.tapIndex ? 'wx2222' : 'wx1111' })
      },
    })
  },
  scan() {
    ft.scanCode({ success: (res) => ft.navigateToMiniProgram({ appId: res.result }) })
  },
})
"""
CONF_JS = "module.exports = {\n  extApi: [{ name: 'hostLogin', params: {} }]\n}\n"


def _jumps(repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == RULE}


def _page(repo, script: str) -> None:
    repo.write("pages/me/me.js", script)
    repo.write("pages/me/me.wxml", '<button bindtap="openPartner">open</button>\n<button bindtap="scan">scan</button>\n')


def test_a_finclip_project_s_jump_on_ft_is_a_jump_to_another_mini_program(app_repo):
    app_repo.write("FinClipConf.js", CONF_JS)
    base = app_repo.commit("FinClip's custom API file")
    _page(app_repo, PARTNER_JS)
    app_repo.commit("partner jump")
    assert _jumps(app_repo, base) == {("pages/me/me.js", 6)}


def test_finclip_page_files_mark_the_project_too(app_repo):
    app_repo.write("pages/index/index.fxml", "<view>home</view>\n")
    base = app_repo.commit("a FinClip template")
    _page(app_repo, PARTNER_JS)
    app_repo.commit("partner jump")
    assert _jumps(app_repo, base) == {("pages/me/me.js", 6)}


def test_ft_a_script_binds_itself_is_no_wechat_api_even_in_a_finclip_project(app_repo):
    app_repo.write("FinClipConf.js", CONF_JS)
    base = app_repo.commit("FinClip's custom API file")
    _page(app_repo, "const ft = require('../../utils/fetch-tools')\n" + PARTNER_JS)
    app_repo.write("utils/fetch-tools.js", "module.exports = { navigateToMiniProgram() {}, showActionSheet() {} }\n")
    app_repo.commit("the page's own ft helper")
    assert _jumps(app_repo, base) == set()


def test_ft_of_no_wechat_api_in_another_project_stays_a_name(app_repo):
    base = str(app_repo.git("rev-parse", "HEAD"))
    # a project with none of FinClip's marks: a host app's own extension API on ft says nothing about wx
    _page(app_repo, "Page({\n  openPartner() { ft.hostLogin({ success() {} }) },\n  scan() {},\n})\n")
    app_repo.commit("host login")
    assert _jumps(app_repo, base) == set()
    shown = "Page({ openPartner() { ft.hostLogin({ appId: 'wx1' }) } })\n"
    assert as_wechat(shown, False, api_names) == shown


def test_a_wechat_api_called_on_ft_marks_its_script_as_finclip_s():
    script = "Page({ go() { ft.navigateToMiniProgram({ appId: 'wx1' }) } })\n"
    assert as_wechat(script, False, api_names) == script.replace("ft.", "wx.")


def test_the_rewrite_keeps_every_line_and_column_and_other_names():
    script = "// gift.ft and this.ft are other names\nconst w = ft\ngift.ft.x(); this.ft.y(); left(); ft . request({})\n"
    rewritten = as_wechat(script, True, api_names)
    assert rewritten == script.replace("const w = ft", "const w = wx").replace("ft . request", "wx . request")
    assert [len(line) for line in rewritten.split("\n")] == [len(line) for line in script.split("\n")]
    for binding in ("function go(ft) { ft.request({}) }", "const go = (a, ft) => ft.request({})",
                    "import ft from 'x'; ft.request({})", "let { ft } = api; ft.request({})"):
        assert as_wechat(binding, True, api_names) == binding


# -- which ft is the script's own: read from the parse, not from patterns over the text ------------------------------
JUMP = "ft.navigateToMiniProgram({ appId: 'wx1' })"


def test_each_way_a_script_binds_ft_keeps_it_a_name_of_the_script():
    for script in (f"Page({{ openPartner(ft) {{ {JUMP} }} }})\n",  # a method's parameter
                   f"const {{ tools: ft }} = require('./kit')\n{JUMP}\n",  # destructured under another key
                   f"const [ft] = makeTools()\n{JUMP}\n",  # an array pattern
                   f"let ready, ft\nft = makeTools()\n{JUMP}\n",  # declared after another name
                   f"const go = (ft: Tools) => {JUMP}\n"):  # a typed parameter
        assert as_wechat(script, True, api_names, "pages/me/me.ts") == script, script


def test_a_property_named_ft_is_no_global():
    script = "const kit = { ft: tools }\nkit. ft.navigateToMiniProgram({})\nkit?.ft.navigateToMiniProgram({})\n"
    assert as_wechat(script, True, api_names, "pages/me/me.js") == script


def test_ft_a_comment_or_a_string_names_binds_nothing():
    script = f"// const ft = require('./kit') was the old helper\nconst label = 'var ft'\nPage({{ go() {{ {JUMP} }} }})\n"
    assert as_wechat(script, True, api_names, "pages/me/me.js") == script.replace(JUMP, JUMP.replace("ft.", "wx."))


def test_a_single_file_component_is_read_by_its_script_blocks():
    sfc = (f"<template><view @tap=\"go\">ft 下载</view></template>\n<script>\nexport default {{ methods: {{\n"
           f"  go(ft) {{ {JUMP} }} }} }}\n</script>\n")
    assert as_wechat(sfc, True, api_names, "pages/me/me.vue") == sfc  # its method's parameter
    unbound = sfc.replace("go(ft)", "go()")
    assert as_wechat(unbound, True, api_names, "pages/me/me.vue") == unbound.replace(JUMP, JUMP.replace("ft.", "wx."))


def test_a_finclip_project_s_method_taking_ft_makes_no_jump(app_repo):
    app_repo.write("FinClipConf.js", CONF_JS)
    base = app_repo.commit("FinClip's custom API file")
    _page(app_repo, "Page({\n  openPartner(ft) {\n    ft.navigateToMiniProgram({ appId: 'wx1' })\n  },\n  scan() {},\n})\n")
    app_repo.commit("a helper handed in")
    assert _jumps(app_repo, base) == set()


def test_a_finclip_project_s_unbound_ft_beside_a_commented_binding_is_read(app_repo):
    app_repo.write("FinClipConf.js", CONF_JS)
    base = app_repo.commit("FinClip's custom API file")
    _page(app_repo, "// const ft = require('../../utils/fetch-tools')\n" + PARTNER_JS)
    app_repo.commit("partner jump")
    assert _jumps(app_repo, base) == {("pages/me/me.js", 7)}
