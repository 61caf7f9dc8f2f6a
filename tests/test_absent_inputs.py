"""Analyzers whose input is absent do no work — no parse, no base version read (issue #17) — with the same answers."""

from __future__ import annotations

from msgspec.structs import replace

from analyzer_context import project_context
from mp_precheck.analyzers import ProjectContext, missing_pages, script_checks
from mp_precheck.readers import syntax
from mp_precheck.readers.scriptchecks import scan

# A modal with its cancel button, shown from a tap: what most pages hold (no check of this module applies).
PLAIN_MODAL = "Page({\n  ask() {\n    wx.showModal({ title: '提示', content: '确定删除？' })\n  },\n})\n"
BLOCKING = """Page({
  askAgree() {
    wx.showModal({
      'showCancel': false,
      success: () => { this.askAgree() }
    })
  },
})
"""


def test_a_script_whose_modals_all_have_a_cancel_button_is_not_parsed() -> None:
    misses = syntax.TREES.misses
    assert scan(PLAIN_MODAL + "// a fresh text\n", "pages/a/a.js") == scan("", "pages/a/a.js")
    assert syntax.TREES.misses == misses


def test_a_blocking_modal_is_still_found_however_its_key_is_quoted() -> None:
    assert scan(BLOCKING, "pages/a/a.js").blocking_modals == [("askAgree", 3)]
    assert scan(BLOCKING.replace("'showCancel'", "showCancel"), "pages/a/a.ts").blocking_modals == [("askAgree", 3)]


def _recording_base(context: ProjectContext, asked: list[str]) -> ProjectContext:
    read = context.read_base

    def read_base(path: str) -> str | None:
        asked.append(path)
        return read(path)
    return replace(context, read_base=read_base)


def test_no_modal_or_prompt_at_head_reads_no_base_version() -> None:
    context = project_context({"pages/index/index.js": PLAIN_MODAL},
                              base={"pages/index/index.js": "Page({})\n"})
    asked: list[str] = []
    assert script_checks.analyze(_recording_base(context, asked), []) == []
    assert asked == []


def test_a_blocking_modal_at_head_is_still_compared_with_the_base() -> None:
    files = {"pages/index/index.js": BLOCKING, "pages/me/me.js": "Page({})\n"}
    context = project_context(files, base={"pages/index/index.js": "Page({})\n", "pages/me/me.js": BLOCKING})
    asked: list[str] = []
    found = script_checks.analyze(_recording_base(context, asked), [])
    assert [(f.rule, f.path, f.line) for f in found] == [("policy.blocking_modal", "pages/index/index.js", 3)]
    assert sorted(asked) == ["pages/index/index.js", "pages/me/me.js"]


ROUTE = "Page({\n  go() { wx.navigateTo({ url: '/pages/%s/%s' }) },\n})\n"


def test_no_route_to_an_unregistered_page_at_head_reads_no_base_version() -> None:
    context = project_context({"pages/index/index.js": ROUTE % ("index", "index")},
                              base={"pages/index/index.js": "Page({})\n"})
    asked: list[str] = []
    assert missing_pages.analyze(_recording_base(context, asked), []) == []
    assert "pages/index/index.js" not in asked


def test_a_route_to_an_unregistered_page_is_still_compared_with_the_base() -> None:
    # the base version's routes come with its facts: a rewritten line keeping an old route is nothing new
    head = {"pages/index/index.js": (ROUTE % ("gone", "gone")).replace("go()", "open()")}
    kept = project_context(head, base={"pages/index/index.js": ROUTE % ("gone", "gone")})
    assert missing_pages.analyze(kept, []) == []
    added = project_context(head, base={"pages/index/index.js": ROUTE % ("index", "index")})
    assert [(f.rule, f.path, f.line) for f in missing_pages.analyze(added, [])] == [
        ("completeness.unregistered_route", "pages/index/index.js", 2)]
