"""The registry's gates: an analyzer skipped (and not imported) when the findings hold nothing it acts on is one
that would have handed them back untouched, and each gate opens on the findings its analyzer acts on."""

from __future__ import annotations

import importlib

import pytest

from analyzer_context import catalog, finding, project_context
from mp_precheck.analyzers import REGISTRY, ProjectContext
from mp_precheck.analyzers.loading import OnDemand
from mp_precheck.core.report import Finding

GATED = {name: analyzer for name, analyzer in REGISTRY if isinstance(analyzer, OnDemand) and analyzer.gate}

# What each gated analyzer acts on, and the configuration it needs for that.
OPENS: dict[str, tuple[Finding, str | None]] = {
    "stray_templates": (finding("external_link.web_view", "<web-view>", "parts/card.wxml"), None),
    "ui_kits": (finding("upload.third_party_upload", "ui-kit:upload-media", "pages/a/a.wxml", value="<van-uploader>"),
                None),
    "called_helpers": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js", scope="file"), None),
    "moved_asks": (finding("privacy.phone_number", "button[open-type=getPhoneNumber]", "pages/a/a.wxml",
                           scope="file"), None),
    "location_config": (finding("privacy.location", "wx.getLocation", "pages/a/a.js"), None),
    "vendored_sdk": (finding("privacy.album", "wx.chooseImage", "libs/sdk.min.js"), None),
    "consent_flow": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js"), None),
    "privacy_declaration": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js"),
                            "privacy: {declared: [Album]}\n"),
    "media_posts": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "service_posts": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "model_prompts": (finding("category.generative_ai", "sdk:generative-ai", "pages/a/a.js"), None),
    "content_security": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "domains": (finding("external_link.domain", "host:a.cn", "pages/a/a.js"), "domains: {request: [a.cn]}\n"),
    "order_payments": (finding("payment.request_payment", "wx.requestPayment:orderInfo", "pages/a/a.js"), None),
    "categories": (finding("external_link.web_view", "<web-view>", "pages/a/a.js"), "categories: [工具 > 计算器]\n"),
    "brand_phrases": (finding("branding.brand_text", "text:brand", "pages/a/a.wxml", value="微信官方"), None),
    "branding": (finding("branding.brand_text", "text:brand", "pages/a/a.wxml", value="微信"),
                 "branding: {allow: [微信支付]}\n"),
    "helper_redirect": (finding("login.forced_login", "login:launch:/pages/login/login", "app.js"), None),
    "silent_entry": (finding("login.login_first_page", "login:entry-page:/pages/login/login", "app.json"), None),
    "moved_walls": (finding("login.forced_login", "login:launch:/pages/login/login", "app.js"), None),
    "password_login": (finding("policy.password_login", "input[type=password]", "pages/a/a.wxml"), None),
}

# Findings none of the gates opens on: a web-view in a script, a dead handler.
OTHERS = [finding("external_link.web_view", "<web-view>", "pages/a/a.js", 2),
          finding("completeness.dead_handler", "handler:onTap", "pages/a/a.js", 3, scope="file")]


def test_every_gated_analyzer_has_a_case_here() -> None:
    assert set(GATED) == set(OPENS) | set(PAGE_CASES)


@pytest.mark.parametrize("name", sorted(OPENS))
def test_a_closed_gate_skips_only_an_analyzer_that_would_change_nothing(name: str) -> None:
    _, config = OPENS[name]
    config = None if name == "categories" else config  # its gate is the configuration alone
    context = project_context({"pages/a/a.js": "Page({ onTap() {} })\n", "pages/a/a.wxml": "<view />\n"},
                              config=config)
    gate = GATED[name].gate
    assert gate is not None
    assert not gate(context, OTHERS)
    analyze = importlib.import_module(f"mp_precheck.analyzers.{name}").analyze
    assert analyze(context, list(OTHERS)) == OTHERS  # what the skip hands back
    assert GATED[name](context, list(OTHERS)) == OTHERS


@pytest.mark.parametrize("name", sorted(OPENS))
def test_a_gate_opens_on_what_its_analyzer_acts_on(name: str) -> None:
    acted_on, config = OPENS[name]
    context = project_context({"pages/a/a.js": "Page({})\n"}, config=config)
    gate = GATED[name].gate
    assert gate is not None
    assert gate(context, [*OTHERS, acted_on])
    if config is not None:  # without its configuration the analyzer has nothing to act on either
        assert not gate(project_context({"pages/a/a.js": "Page({})\n"}), [*OTHERS, acted_on])


def test_media_posts_acts_only_on_upload_rules() -> None:
    # its gate opens on the upload family: every rule it reads must be one of it
    from mp_precheck.analyzers import media_posts

    assert {catalog().rule(rule).family for rule in media_posts._UPLOADS} == {"upload"}


def test_an_on_demand_analyzer_imports_its_module_only_when_it_runs() -> None:
    lazy = OnDemand("branding", GATED["branding"].gate)
    context = project_context({"pages/a/a.js": "Page({})\n"})
    assert lazy(context, list(OTHERS)) == OTHERS
    assert lazy._analyze is None
    allowed = project_context({"pages/a/a.js": "Page({})\n"}, config="branding: {allow: [微信支付]}\n")
    brand = OPENS["branding"][0]
    assert lazy(allowed, [*OTHERS, brand]) == [*OTHERS, brand]  # the allowed phrase is no brand text
    assert lazy._analyze is not None


# Gates on what the changed pages hold (analyzers/pagegates.py). Each case: the files of a change its analyzer acts
# on, and near ones it finds nothing in (the gate closes there).
APP_JSON = '{"pages": ["pages/index/index", "pages/poll/poll", "pages/room/room"]}\n'
POLL_WXML = "<view>{{poll.title}}</view>\n"
POLL = """Page({
  onLoad(query) {
    if (!wx.getStorageSync('session')) {
      wx.redirectTo({ url: '/pages/signin/signin' })
      return
    }
  },
HOOK})
"""
SHARES_ITSELF = "  onShareAppMessage() { return { title: 'poll', path: '/pages/poll/poll?id=1' } },\n"
PRIZE = "<view>每邀请1位好友可额外获得{{bonus}}次抽奖机会</view>\n"
PAID_HOOK = """Page({
  onShareAppMessage() {
    const page = this
    return { title: 'lottery', success() { report('/lottery/shared', page.data.id) } }
  }
})
"""
UNPAID_PAGE = "Page({\n  onShare() {\n    report('/lottery/shared', this.data.id)\n  }\n})\n"
ROOM_WXML = """<view wx:for="{{lines}}">{{item.text}}</view>
<input value="{{words}}" bindinput="onWords" />
<button bindtap="post">post</button>
"""
ROOM = """Page({
  data: { words: '', lines: [] },
  onLoad() {
    this.task = wx.connectSocket({ url: 'wss://room.example.org/live' })
    this.task.onMessage((res) => { this.setData({ lines: this.data.lines.concat(JSON.parse(res.data)) }) })
  },
  onWords(e) { this.setData({ words: e.detail.value }) },
  post() { this.task.send({ data: JSON.stringify({ text: this.data.words }) }) }
})
"""
# the same room that only pushes (no handler of received messages lists anything)
PUSH_ONLY = ROOM.replace("this.task.onMessage((res) => { this.setData({ lines: this.data.lines.concat("
                         "JSON.parse(res.data)) }) })", "this.ready = true")
IM_PAGE = """import TIM from 'tim-wx-sdk'
const tim = getApp().globalData.tim
Page({
  data: { words: '' },
  onWords(e) { this.setData({ words: e.detail.value }) },
  post() {
    const note = tim.createTextMessage({ to: this.data.peer, conversationType: TIM.TYPES.CONV_C2C,
      payload: { text: this.data.words } })
    tim.sendMessage(note)
  }
})
"""
IM_LISTS = IM_PAGE.replace("tim.sendMessage(note)", "tim.getConversationList().then(() => note)")
IM_HELPER = """import TIM from 'tim-wx-sdk'
const tim = getApp().globalData.tim
export function post(peer, words) {
  return tim.sendMessage(tim.createTextMessage({ to: peer, conversationType: TIM.TYPES.CONV_C2C,
    payload: { text: words } }))
}
"""
IM_CALLER = """import { post } from '../../lib/talk'
Page({
  data: { words: '' },
  onWords(e) { this.setData({ words: e.detail.value }) },
  tap() { post(this.data.peer, this.data.words) }
})
"""
IM_WXML = '<input value="{{words}}" bindinput="onWords" />\n'
# An app that sends a user without a session to its sign-in page at launch; that page's answer to a refusal.
SIGNIN_APP = APP_JSON.replace('"pages/room/room"', '"pages/room/room", "pages/signin/signin"')
LAUNCH_GATE = ("App({\n  onLaunch() {\n    if (!wx.getStorageSync('session')) {\n"
               "      wx.reLaunch({ url: '/pages/signin/signin' })\n    }\n  }\n})\n")
REFUSED = """Page({
  onPhone(e) {
    if (!e.detail.code) {
      wx.showModal({ title: '提示', content: '请先授权手机号登录', showCancel: false, success: () => this.onPhone(e) })
    }
  }
})
"""
TOASTED = REFUSED.replace("wx.showModal({ title: '提示', content: '请先授权手机号登录', showCancel: false, ",
                          "wx.showToast({ title: '请先授权手机号登录', ")

Case = tuple[dict[str, str], dict[str, str]]  # (head files changed, base versions of the changed ones)
PAGE_CASES: dict[str, tuple[Case, list[Case]]] = {
    "share_landing": (
        ({"pages/poll/poll.js": POLL.replace("HOOK", SHARES_ITSELF)}, {"pages/poll/poll.js": POLL.replace("HOOK", "")
                                                                        .replace("wx.redirectTo", "console.log")}),
        [({"pages/poll/poll.js": POLL.replace("HOOK", "")}, {}),  # shares nothing: a wall of a page opened in-app
         ({"pages/poll/poll.js": POLL.replace("HOOK", "  onShareTimeline() { return { title: 'poll' } },\n")}, {})]),
    "share_callbacks": (
        ({"pages/poll/poll.wxml": PRIZE, "pages/poll/poll.js": PAID_HOOK}, {}),
        [({"pages/poll/poll.wxml": PRIZE, "pages/poll/poll.js": UNPAID_PAGE}, {}),
         ({"pages/poll/poll.wxml": PRIZE.replace("{{bonus}}", "2") + '<button open-type="contact">ask</button>\n',
           "pages/poll/poll.js": UNPAID_PAGE}, {})]),
    "chat": (
        ({"pages/room/room.wxml": ROOM_WXML, "pages/room/room.js": ROOM}, {}),
        [({"pages/room/room.wxml": ROOM_WXML, "pages/room/room.js": PUSH_ONLY}, {}),
         ({"pages/room/room.wxml": ROOM_WXML.replace(' wx:for="{{lines}}"', ""), "pages/room/room.js": ROOM}, {})]),
    "refusal_modal": (
        ({"app.json": SIGNIN_APP, "app.js": LAUNCH_GATE, "pages/signin/signin.js": REFUSED},
         {"pages/signin/signin.js": "Page({})\n"}),
        [({"app.json": SIGNIN_APP, "app.js": LAUNCH_GATE, "pages/signin/signin.js": TOASTED},
          {"pages/signin/signin.js": "Page({})\n"}),
         ({"app.json": SIGNIN_APP, "app.js": LAUNCH_GATE}, {})]),  # a new launch redirect, no modal
    "im_chat": (
        ({"pages/room/room.wxml": IM_WXML, "pages/room/room.js": IM_PAGE}, {}),
        [({"pages/room/room.wxml": IM_WXML, "pages/room/room.js": IM_LISTS}, {}),
         ({"pages/room/room.wxml": IM_WXML, "pages/room/room.js": IM_CALLER,
           "lib/talk.js": IM_HELPER.replace("tim.sendMessage(", "(")}, {})]),
}


def _page_context(case: Case) -> ProjectContext:
    changed, base = case
    head = {"app.json": APP_JSON, "app.js": "App({})\n", "pages/index/index.js": "Page({})\n",
            "pages/index/index.wxml": "<view>home</view>\n", "pages/poll/poll.wxml": POLL_WXML, **changed}
    return project_context(head, changed=[p for p in changed if not p.startswith("lib/")], base=base)


@pytest.mark.parametrize("name", sorted(PAGE_CASES))
def test_a_page_gate_opens_on_a_page_its_analyzer_acts_on(name: str) -> None:
    context = _page_context(PAGE_CASES[name][0])
    gate = GATED[name].gate
    assert gate is not None and gate(context, [])
    analyze = importlib.import_module(f"mp_precheck.analyzers.{name}").analyze
    assert analyze(context, []) != []  # the case is one the analyzer acts on


@pytest.mark.parametrize(("name", "index"), [(name, i) for name, (_, closed) in sorted(PAGE_CASES.items())
                                             for i in range(len(closed))])
def test_a_closed_page_gate_skips_only_an_analyzer_that_would_change_nothing(name: str, index: int) -> None:
    context = _page_context(PAGE_CASES[name][1][index])
    gate = GATED[name].gate
    assert gate is not None and not gate(context, OTHERS)
    analyze = importlib.import_module(f"mp_precheck.analyzers.{name}").analyze
    assert analyze(context, list(OTHERS)) == OTHERS
    assert GATED[name](context, list(OTHERS)) == OTHERS


def test_the_im_gate_follows_the_project_function_a_page_calls() -> None:
    changed = {"pages/room/room.wxml": IM_WXML, "pages/room/room.js": IM_CALLER, "lib/talk.js": IM_HELPER}
    context = _page_context((changed, {}))
    assert GATED["im_chat"].gate is not None and GATED["im_chat"].gate(context, [])
    from mp_precheck.analyzers import im_chat
    assert im_chat.analyze(context, []) != []


def test_the_im_gate_closes_once_a_chat_is_told() -> None:
    context = _page_context(PAGE_CASES["im_chat"][0])
    told = finding("category.ugc", "ugc:chat", "pages/room/room.js", 9)
    gate = GATED["im_chat"].gate
    assert gate is not None and not gate(context, [told])
    from mp_precheck.analyzers import im_chat
    assert im_chat.analyze(context, [told]) == [told]
