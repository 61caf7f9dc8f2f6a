"""A native page app.json does not register is no part of the app until the change that registers it
(core/reachability.py, readers/pagerefs.py)."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.pagerefs import json_paths, template_sources
from mp_precheck.readers.routes import mini_program_paths

VERIFY_VIEW = ("<view class=\"verify\">\n  <text>验证</text>\n"
               "  <button open-type=\"getPhoneNumber\" bindgetphonenumber=\"take\">验证手机号</button>\n</view>\n")
VERIFY_SCRIPT = "Page({\n  take(e) { console.log(e.detail.code) }\n})\n"
VERIFY_PAGE = {"pages/verify/verify.wxml": VERIFY_VIEW, "pages/verify/verify.js": VERIFY_SCRIPT,
               "pages/verify/verify.json": "{}\n"}
PHONE = ("privacy.phone_number", "pages/verify/verify.wxml", 3, "app")
REGISTERED = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/verify/verify"]\n}\n'


def _rules(report_found: set[tuple[str, str, int, str]]) -> set[tuple[str, str]]:
    return {(rule, path) for rule, path, _line, _scope in report_found}


def test_a_page_app_json_does_not_list_is_not_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(VERIFY_PAGE)
    app_repo.commit()
    assert not any(path.startswith("pages/verify/") for _rule, path in _rules(found(run(app_repo.path, base))))


def test_the_same_page_listed_in_app_json_is_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**VERIFY_PAGE, "app.json": REGISTERED})
    app_repo.commit()
    assert PHONE in found(run(app_repo.path, base))


@pytest.mark.parametrize("files", [
    # a subpackage page
    {"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                 '  "subPackages": [{"root": "pages/verify", "pages": ["verify"]}]\n}\n'},
    # a component a registered page renders, named relative to the page's JSON
    {"pages/me/me.json": '{\n  "usingComponents": {"phone-check": "../verify/verify"}\n}\n',
     "pages/me/me.wxml": "<view>me</view>\n<phone-check />\n"},
    # a component the app registers for every page, from the root
    {"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                 '  "usingComponents": {"phone-check": "/pages/verify/verify"}\n}\n'},
    # the view pulled into a registered page's template
    {"pages/me/me.wxml": "<view>me</view>\n<include src=\"../verify/verify.wxml\" />\n"},
    # a page list WeChat's tools cannot read as data: kept when unsure
    {"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", null]\n}\n'},
])
def test_a_page_file_something_names_is_part_of_the_app(app_repo, files):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**VERIFY_PAGE, **files})
    app_repo.commit()
    assert ("privacy.phone_number", "pages/verify/verify.wxml") in _rules(found(run(app_repo.path, base)))


def test_a_component_only_an_unlisted_page_renders_is_not_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "pages/verify/verify.wxml": "<view><phone-check /></view>\n", "pages/verify/verify.js": "Page({})\n",
        "pages/verify/verify.json": '{"usingComponents": {"phone-check": "./parts/check"}}\n',
        "pages/verify/parts/check.wxml": VERIFY_VIEW,
        "pages/verify/parts/check.js": "Component({ methods: { take(e) {} } })\n",
        "pages/verify/parts/check.json": '{"component": true}\n'})
    app_repo.commit()
    assert not any(path.startswith("pages/verify/") for _rule, path in _rules(found(run(app_repo.path, base))))


def test_a_page_written_earlier_is_told_by_the_change_that_registers_it(app_repo):
    app_repo.write_files(VERIFY_PAGE)
    written = app_repo.commit()
    app_repo.write("app.json", REGISTERED)
    app_repo.commit()
    assert PHONE in found(run(app_repo.path, written))


def test_an_app_json_edit_that_registers_no_page_tells_nothing_of_the_listed_ones(app_repo):
    app_repo.write_files({**VERIFY_PAGE, "app.json": REGISTERED})
    listed = app_repo.commit()
    app_repo.write("app.json", REGISTERED.replace('\n}', ',\n  "window": {"navigationBarTitleText": "验证"}\n}'))
    app_repo.commit()
    assert not any(path.startswith("pages/verify/") for _rule, path in _rules(found(run(app_repo.path, listed))))


def test_json_paths_are_every_string_naming_a_path():
    text = '{"usingComponents": {"a": "../a/a", "b": "/c/b"}, "title": "验证", "generics": {"x": {"default": "g/x"}}}'
    assert json_paths(text) == ["../a/a", "/c/b", "g/x"]
    assert json_paths("{not json") is None


def test_template_sources_are_import_and_include_srcs():
    assert template_sources('<import src="a.wxml"/>\n<include src="../b/b"/>\n<image src="c.png"/>') == \
        ["a.wxml", "../b/b"]


def test_a_page_the_change_links_to_is_told_though_unlisted(app_repo):
    """A change that opens the page it adds means it to ship: the missing entry is the route's finding."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**VERIFY_PAGE, "pages/me/me.js": "Page({\n  go() { wx.navigateTo({ url: '../verify/verify' }) }\n})\n"})
    app_repo.commit()
    assert ("privacy.phone_number", "pages/verify/verify.wxml") in _rules(found(run(app_repo.path, base)))


def test_a_link_to_the_page_the_app_already_had_does_not_make_it_part_of_the_app(app_repo):
    app_repo.write("pages/me/me.js", "Page({\n  go() { wx.navigateTo({ url: '/pages/verify/verify' }) }\n})\n")
    base = app_repo.commit()
    app_repo.write_files(VERIFY_PAGE)
    app_repo.commit()
    assert not any(path.startswith("pages/verify/") for _rule, path in _rules(found(run(app_repo.path, base))))


PAY_PAGE = {"utils/wxp.js": "export const pay = (o) => new Promise((resolve, reject) => {\n"
                            "  wx.requestPayment({ success: resolve, fail: reject, ...o })\n})\n",
            "utils/checkout.js": "import { pay } from './wxp'\nexport const settle = async (sign) => {\n"
                                 "  const res = await pay(sign)\n  return res\n}\n",
            "pages/settle/settle.wxml": "<view>支付中</view>\n", "pages/settle/settle.json": "{}\n",
            "pages/settle/settle.js": "import { settle } from '../../utils/checkout'\nPage({\n"
                                      "  async onShow() {\n    await settle(this.data.sign)\n  }\n})\n"}


def _opener(path: str) -> str:
    return ("Page({\n  go(id) {\n    wx.navigateToMiniProgram({\n      appId: this.data.appId,\n"
            f"      path: `{path}?no=${{id}}`\n    }})\n  }}\n}})\n")


@pytest.mark.parametrize(("path", "told"), [("/pages/settle/settle", True), ("/pages/other/other", False)])
def test_a_page_the_change_opens_as_another_mini_programs_path_is_told(app_repo, path, told):
    """A page the change adds and opens by ``navigateToMiniProgram``'s path (the copy of this code built as the
    paying app) ships with it: its payment through the project's wrappers is told; a path naming another page
    leaves the unlisted page out."""
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**PAY_PAGE, "pages/me/me.js": _opener(path)})
    app_repo.commit()
    assert (("payment.request_payment", "pages/settle/settle.js") in _rules(found(run(app_repo.path, base)))) is told


def test_mini_program_paths_are_the_literal_page_of_each_call():
    text = ("wx.navigateToMiniProgram({ appId: a, path: `/pages/p/p?x=${x}` })\n"
            "uni.navigateToMiniProgram({ appId: a, path: p })\nfoo.navigateToMiniProgram({ path: '/pages/q/q' })\n")
    assert mini_program_paths(text, "a.js") == [("/pages/p/p?", 1)]
