"""Neither a bundler's global-object shim (``new Function("return this")``) nor a locale's status label
(``inAudit: '待审核'``) is what its rule is about: the first runs no code from elsewhere, the second switches
nothing. Code built from text and a review switch read in a condition still are; in a minified bundle of one
line the report's column points at the code that was matched, not at column 1."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import run
from mp_precheck.git.repo import GitRepo
from mp_precheck.outputs.columns import column_finder
from mp_precheck.readers.jsfacts import js_facts


@pytest.mark.parametrize(("code", "fires"), [
    ('var g;g=function(){return this}();try{g=g||new Function("return this")()}catch(e){g=window}\n', False),
    ("const root = new Function('return this;')()\n", False),
    ("const read = new Function('return this.' + key)\n", True),
    ("const f = new Function('return this.secret')\n", True),
    ("const run = new Function('a', 'return this')\n", True),  # a parameter too: not the shim's one body
])
def test_the_global_object_shim_is_no_dynamic_code(code, fires):
    assert any(f.subject == "js:new-Function" for f in js_facts(code, "a.js").facts) is fires


def _flags(code: str) -> list[tuple[int, str | None]]:
    return [(f.line, f.role) for f in js_facts(code, "a.js").facts if f.subject == "js:review-flag"]


LOCALE = "export default {\n  loading: '加载中',\n  inAudit: '待审核',\n  limit: '200',\n}\n"
EN = "export default {\n  loading: 'Loading',\n  inAudit: 'Pending',\n  retry: 'Retry',\n}\n"


@pytest.mark.parametrize(("code", "flagged"), [
    (LOCALE, False),  # a label of a locale's messages
    (EN, False),  # an English table of single words
    ("const messages = { zh: { inAudit: '待审核' } }\n", False),
    ("const config = { api: 'https://a.example.org', inAudit: 'true', name: 'shop' }\n", True),  # a switch spelled
    ("const config = { inAudit: false }\n", True),
    ("const state = { isAudit: 'pending' }\n", True),  # one word, no table: may be a mode
    ("if (app.globalData.inAudit) { hideShop() }\n", True),
])
def test_a_locale_label_named_like_a_review_switch_is_no_switch(code, flagged):
    assert bool(_flags(code)) is flagged


BUNDLE = ('!function(e){var t={};e.exports=t}(function(e,t){var n;n=function(){return this}();try{n=n||'
          'new Function("return this")()}catch(e){}e.exports=n;var run=new Function("a",e.src);run(1)});\n')


def test_a_finding_in_a_one_line_bundle_points_at_the_matched_code(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.json": '{"pages": ["pages/home/home"]}\n', "app.js": "App({})\n",
                      "pages/home/home.js": "Page({})\n", "pages/home/home.wxml": "<view>home</view>\n"})
    base = repo.commit("base")
    repo.write("utils/signal-wx.js", BUNDLE)
    repo.write("pages/home/home.js", "require('../../utils/signal-wx.js')\nPage({})\n")
    repo.commit("vendor an sdk")
    report = run(repo.path, base)
    dynamic = [f for f in report.findings if f.rule == "policy.remote_code"]
    assert [(f.path, f.line) for f in dynamic] == [("utils/signal-wx.js", 1)]
    column = column_finder(GitRepo(repo.path), report.head)(dynamic[0])
    assert BUNDLE[column - 1:].startswith('new Function("a"')
