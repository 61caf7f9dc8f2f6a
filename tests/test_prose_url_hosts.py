"""A URL mentioned inside a sentence of a string literal (sample message text, an about page's prose) is text the
page shows, not an address the Mini Program requests: no server domain. A URL that starts its literal, or rides in
a page path's query for a web-view page, stays an address."""

from __future__ import annotations

import pytest

from helpers import found, loaded_by_app, run
from mp_precheck.readers.urls import is_prose_mention

_MESSAGES = ("Page({ data: { list: [\n"
             "  { title: 'Blog', detail: '欢迎来到我的博客 (https://blog.author-example.io/notes/)' },\n"
             "  { title: 'Docs', detail: 'Read the guide at https://docs.author-example.dev first' },\n"
             "] } })\n")


@pytest.mark.parametrize(("literal", "mention"), [
    ("恭喜你来到KroInterview (https://blog.example.io/)", True),
    ("Docs: see https://docs.example.dev/start", True),
    ("请复制 https://h5.example.cn 到浏览器打开", True),
    ("https://api.example.cn/v1", False),
    ("  https://api.example.cn/v1", False),
    ("/pages/web/web?url=https://h5.example.cn", False),
    ("token=abc https://x.example.cn", False),
    ("no link here", False),
])
def test_a_url_inside_a_sentence_is_a_mention(literal, mention):
    assert is_prose_mention(literal) is mention


def test_urls_mentioned_in_message_text_are_no_server_domains(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/messages/messages.js": _MESSAGES, **loaded_by_app("pages/messages/messages.js")})
    app_repo.commit("sample messages")
    assert {f for f in found(run(app_repo.path, base)) if f[0].startswith("external_link.")} == set()


def test_a_url_that_starts_its_literal_is_still_a_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/api.js": "module.exports = { get: () => wx.request({ url: 'https://api.new-example.cn/a' }) }\n",
                          **loaded_by_app("utils/api.js")})
    app_repo.commit("a new server")
    assert {f[1] for f in found(run(app_repo.path, base)) if f[0] == "external_link.domain"} == {"utils/api.js"}
