"""A URL the app copies to the clipboard (a feedback or download link for the user to paste elsewhere) is no server
domain: the copied link is told by policy.clipboard_link, not as a new host. A URL the same page requests,
or a constant that other code reads too, stays a domain."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.markup import markup_facts

_PROFILE = ("const LINKS = Object.freeze({\n"
            "  issues: 'https://code.forge-example.com/team/app/issues/new',\n"
            "  docs: 'https://docs.forge-example.com/app'\n"
            "})\n"
            "Page({\n"
            "  copyLink(e) {\n"
            "    const url = LINKS[e.currentTarget.dataset.kind]\n"
            "    wx.setClipboardData({ data: url, success: () => wx.showToast({ title: '链接已复制' }) })\n"
            "  }\n"
            "})\n"
            "module.exports = { LINKS }\n")
_WXML = ('<view bindtap="copyText" data-link="https://docs.forge-example.com/guide">文档链接</view>\n'
         '<view bindtap="openDoc" data-link="https://files.forge-example.com/guide.pdf">打开</view>\n')


def _domains(app_repo, base):
    return {(f[0], f[1], f[2]) for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"}


def test_links_only_copied_to_the_clipboard_are_no_server_domains(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": _PROFILE, "pages/me/me.wxml": _WXML.splitlines()[0] + "\n"})
    app_repo.commit("feedback links to copy")
    report = run(app_repo.path, base)
    assert _domains(app_repo, base) == set()
    assert ("policy.clipboard_link", "pages/me/me.js", 8) in {(f[0], f[1], f[2]) for f in found(report)}


def test_a_link_a_tap_handler_opens_and_a_requested_constant_stay_domains(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": "const API = 'https://api.forge-example.com/v1'\nPage({\n"
                                            "  copy() { wx.setClipboardData({ data: API }) },\n"
                                            "  load() { wx.request({ url: API + '/me' }) }\n})\n",
                          "pages/me/me.wxml": _WXML.splitlines()[1] + "\n"})
    app_repo.commit("a request and a document link")
    assert _domains(app_repo, base) == {("external_link.domain", "pages/me/me.js", 1),
                                        ("external_link.domain", "pages/me/me.wxml", 1)}


@pytest.mark.parametrize(("code", "role"), [
    ("wx.setClipboardData({ data: 'https://a.example.com/x' })\n", "clipboard"),
    ("const L = 'https://a.example.com/x'\nfunction copy() { uni.setClipboardData({ data: L }) }\n", "clipboard"),
    # a function that copies and requests: the constant may be the request's
    ("const L = 'https://a.example.com/x'\nfunction go() { wx.setClipboardData({ data: L }); wx.request({ url: L }) }\n",
     "request"),
    ("const L = 'https://a.example.com/x'\nfunction copy() { wx.setClipboardData({ data: L }) }\n"
     "function show() { this.setData({ link: L }) }\n", "code"),  # read elsewhere too
    ("const L = 'https://a.example.com/x'\nfunction copy() { wx.setClipboardData({ data: 'text' }) }\n", "code"),
    # held in the page's data for the template to show, and read by no other code
    ("const L = 'https://a.example.com/x'\nPage({ data: { links: L }, copy() { wx.setClipboardData({ data: L }) } })\n",
     "clipboard"),
    ("const L = 'https://a.example.com/x'\nPage({ data: { links: L }, copy() { wx.setClipboardData({ data: L }) },\n"
     "  load() { wx.request({ url: this.data.links }) } })\n", "code"),
])
def test_the_role_of_a_url_follows_what_reads_it(code, role):
    assert [f.role for f in js_facts(code, "pages/a/a.js").facts if f.subject == "host:a.example.com"] == [role]


@pytest.mark.parametrize(("markup", "role"), [
    ('<view bindtap="CopyText" data-link="https://a.example.com/x"/>', "clipboard"),
    ('<view catchtap="onCopy" data-url="https://a.example.com/x"/>', "clipboard"),
    ('<view bindtap="open" data-url="https://a.example.com/x"/>', "code"),
    ('<view bindtap="copy" title="https://a.example.com/x"/>', "code"),  # not the handler's data
])
def test_a_data_attribute_of_a_copy_handler_is_copied(markup, role):
    assert [f.role for f in markup_facts(markup + "\n") if f.subject == "host:a.example.com"] == [role]


_SERVER_COPIES = """Page({
  async copyCode() {
    const res = await api.shopCode(this.data.id)
    wx.setClipboardData({
      data: res.data.token,
      success: () => { wx.showToast({ title: '口令已复制，打开购物 App 即可领取' }) }
    })
  },
  async copyAddress() {
    const res = await api.shortAddress(this.data.id)
    wx.setClipboardData({ data: res.data[0].content })
    wx.showToast({ title: '复制链接成功' })
  },
  copyOrder() {
    wx.setClipboardData({ data: this.data.order.number, success() { wx.showToast({ title: '订单号已复制' }) } })
  },
})
"""


def test_a_server_value_its_toast_calls_a_copied_link_or_code_is_a_copied_link(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": _SERVER_COPIES})
    app_repo.commit("copy codes")
    lines = {f[2] for f in found(run(app_repo.path, base)) if f[0] == "policy.clipboard_link"}
    assert lines == {5}  # one finding a file: the first copy; the order number (line 15) is no link


def test_an_order_number_toasted_as_copied_is_no_link(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/me.js": "Page({\n  copyOrder() {\n    wx.setClipboardData({ data: this.data.order.number, "
                                            "success() { wx.showToast({ title: '订单号已复制' }) } })\n  },\n})\n"})
    app_repo.commit("copy order number")
    assert not any(f[0] == "policy.clipboard_link" for f in found(run(app_repo.path, base)))


def test_each_copy_its_message_calls_a_link_is_a_link_fact():
    facts = js_facts(_SERVER_COPIES, "pages/me/me.js")
    assert sorted(f.line for f in facts.facts if f.subject == "wx.setClipboardData:link") == [5, 11]
