"""HTTP client libraries (checks/http_clients.yml) call wx.request underneath: a request module that makes a
Fly.js or luch-request instance and exports it, an API module whose wrappers call its methods, a page that
posts a comment through them. Each on a small real repository, with the look-alike that must stay silent."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.thirdparty import REQUEST_SUBJECT, third_party
from mp_precheck.readers.jsfacts import js_facts

REQUEST_JS = """import Fly from 'flyio/dist/npm/wx'
const fly = new Fly()
fly.config.baseURL = 'https://api.example.com/v1'
export default fly
"""
API_JS = """import fly from './request'
export const getComments = (id) => { return fly.get(`/comment/${id}`) }
export const addComment = (data) => { return fly.post('/comment/', data) }
"""
PAGE_WXML = '<view>\n<textarea bindinput="onText" placeholder="写评论"/>\n<button bindtap="send">发送</button>\n</view>\n'


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def test_client_packages_are_matched_by_the_specifiers_package():
    assert third_party().sdk_of_module("flyio/dist/npm/wx").subject == REQUEST_SUBJECT
    assert third_party().sdk_of_module("luch-request").subject == REQUEST_SUBJECT
    assert third_party().sdk_of_module("./utils/wx") is None  # a project file named like Fly's entry
    assert third_party().sdk_of_module("flyio-mock") is None


def test_an_instance_made_in_the_file_sends_requests_and_its_export_offers_its_methods():
    facts = js_facts(REQUEST_JS + "export const ping = () => fly.post('/ping')\n", "utils/request.js")
    assert [(f.subject, f.line) for f in facts.facts if f.kind == "api"] == [("wx.request", 5)]
    assert facts.exports["post"].subjects == ("wx.request",)  # fly.post in a module importing the instance
    assert facts.exports["ping"].subjects == ("wx.request",)
    named = js_facts("import Request from 'luch-request'\nexport const http = new Request()\n", "utils/http.js")
    assert named.exports["http.get"].subjects == ("wx.request",)
    assert "get" not in named.exports


def test_an_exported_object_of_no_client_offers_nothing():
    facts = js_facts("import Store from './store'\nconst store = new Store()\nexport default store\n", "utils/s.js")
    assert facts.exports == {}
    local = js_facts("import Fly from './lib/fly'\nconst fly = new Fly()\nfly.post('/x')\nexport default fly\n", "a.js")
    assert not [f for f in local.facts if f.subject == "wx.request"]  # a copy of unknown origin: not assumed


def test_a_comment_posted_through_an_exported_fly_instance_is_user_content(app_repo):
    app_repo.write("utils/request.js", REQUEST_JS)
    app_repo.write("utils/api.js", API_JS)
    base = app_repo.commit("a request module")
    app_repo.write("pages/me/me.wxml", PAGE_WXML)
    app_repo.write("pages/me/me.js", "import { addComment } from '../../utils/api'\nPage({\n"
                                     "  onText(e) { this.text = e.detail.value },\n"
                                     "  send() { addComment({ content: this.text }) },\n})\n")
    app_repo.commit("comments")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 4)}
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 4)}


def test_a_page_that_only_loads_through_a_read_wrapper_publishes_nothing(app_repo):
    app_repo.write("utils/request.js", REQUEST_JS)
    app_repo.write("utils/api.js", API_JS)
    base = app_repo.commit("a request module")
    app_repo.write("pages/me/me.wxml", PAGE_WXML)  # the send button is wired to nothing yet
    app_repo.write("pages/me/me.js", "import { getComments } from '../../utils/api'\nPage({\n"
                                     "  onLoad(q) { getComments(q.id).then((r) => this.setData(r.data)) },\n})\n")
    app_repo.commit("comment detail")
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == set()
    assert _hits(report, "upload.user_text") == set()


def test_the_sdk_a_specifier_loads_is_looked_up_once_per_specifier(monkeypatch):
    """Every binding of every script asks twice: the table is searched once per specifier, with the same answers."""
    from mp_precheck.core import thirdparty

    asked: list[str] = []
    real = thirdparty.loads_module
    monkeypatch.setattr(thirdparty, "loads_module", lambda spec, *rest: asked.append(spec) or real(spec, *rest))
    tables = third_party()
    for _ in range(3):
        assert tables.sdk_of_module("luch-request/index-once").subject == REQUEST_SUBJECT
        assert tables.sdk_of_module("./utils/not-an-sdk-once") is None
    assert 0 < asked.count("luch-request/index-once") <= len(tables.sdks)
    assert asked.count("./utils/not-an-sdk-once") == len(tables.sdks)
