"""A helper that picks its way by testing a string argument's text (``target.startsWith('mp:')``,
``target.indexOf('https://') === 0``, ``target === 'copy'``) makes, at a call passing a literal, only the calls of
the branches that literal takes; a variable argument, or a test the reader cannot decide, keeps every branch
(facts/branchtests.py, readers/stringtests.py, ``Export.subjects_for``)."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.readers.jsfacts import js_facts

LINKS = """export function openLink(target, extra) {
  if (target.startsWith('mp:')) {
    wx.navigateToMiniProgram({ appId: target.slice(3), path: extra })
    return
  }
  if (target.indexOf('https://') === 0 || target.indexOf('http://') === 0) {
    if (!getApp().globalData.webviewHosts) {
      wx.setClipboardData({ data: target })
    } else {
      wx.navigateTo({ url: '/pages/web/web?src=' + encodeURIComponent(target) })
    }
  } else if ('scan' == target) {
    wx.scanCode({ success: (res) => extra(res.result) })
  } else {
    wx.navigateTo({ url: target })
  }
}
"""
ALL = ("wx.navigateTo", "wx.navigateToMiniProgram", "wx.scanCode", "wx.setClipboardData")


def _reached(call: tuple[str, ...]) -> tuple[str, ...]:
    return js_facts(LINKS, "utils/links.js").exports["openLink"].subjects_for(call)


def test_an_in_app_path_takes_only_the_navigation_branch():
    assert _reached(("arg:0=/pages/shop/list", "arg:#1")) == ("wx.navigateTo",)
    assert _reached(("arg:0^=/pages/item/item?id=", "arg:#1")) == ("wx.navigateTo",)  # `…?id=${id}`


def test_a_web_address_takes_the_web_view_branch():
    assert _reached(("arg:0=https://help.example.org/faq", "arg:#1")) == ("wx.navigateTo", "wx.setClipboardData")


def test_a_returning_branch_leaves_out_what_follows_it():
    assert _reached(("arg:0=mp:wx0123456789", "arg:1=pages/index", "arg:#2")) == ("wx.navigateToMiniProgram",)
    assert _reached(("arg:0=scan", "arg:#2")) == ("wx.scanCode",)  # 'scan' == target, after an else if


def test_a_variable_argument_reaches_every_branch():
    assert _reached(("arg:#1",)) == ALL
    assert _reached(("arg:1=https://help.example.org", "arg:#2")) == ALL  # the tested one is the first


def test_a_parameter_changed_before_its_test_is_not_decided_by_the_argument():
    changed = LINKS.replace("if (target.startsWith('mp:'))", "target = target.trim()\n  if (target.startsWith('mp:'))")
    exports = js_facts(changed, "utils/links.js").exports
    assert exports["openLink"].subjects_for(("arg:0=/pages/shop/list", "arg:#1")) == ALL


def _rules(app_repo, call: str) -> set[str]:
    app_repo.write_files({"utils/links.js": LINKS, **loaded_by_app("utils/links.js")})
    base = app_repo.commit("the link helper")
    app_repo.write("pages/me/me.js", "import { openLink } from '../../utils/links.js'\n"
                                     f"Page({{ go(e) {{\n  {call}\n}} }})\n")
    app_repo.commit()
    return {rule for rule, _path, _line, _scope in found(run(app_repo.path, base))}


def test_a_page_opening_an_in_app_path_raises_no_mini_program_or_clipboard_finding(app_repo):
    rules = _rules(app_repo, "openLink('/pages/shop/list')")
    assert "external_link.navigate_to_mini_program" not in rules and "privacy.clipboard" not in rules


def test_a_page_opening_another_mini_program_is_reported(app_repo):
    rules = _rules(app_repo, "openLink('mp:wx0123456789', 'pages/index')")
    assert "external_link.navigate_to_mini_program" in rules and "privacy.clipboard" not in rules


def test_a_page_opening_a_link_it_is_given_counts_every_branch(app_repo):
    rules = _rules(app_repo, "openLink(e.currentTarget.dataset.link)")
    assert {"external_link.navigate_to_mini_program", "privacy.clipboard"} <= rules
