"""Readers that work out a file's (or a tree's) shared part once, not once per use: without it a page with
thousands of sockets, components or app folders took minutes (quadratic). Results must not change."""

from __future__ import annotations

from mp_precheck.facts.model import API_SOCKET
from mp_precheck.readers import socketurl
from mp_precheck.readers.jsfacts import js_facts


def test_a_files_socket_urls_are_resolved_from_its_bindings_read_once(monkeypatch):
    reads = []
    real = socketurl._definitions
    monkeypatch.setattr(socketurl, "_definitions", lambda root, language: reads.append(root) or real(root, language))
    source = ("const base = 'https://api.example.com'\nconst ws = base.replace('https', 'wss')\n"
              "const own = 'wss://chat.example.com'\nPage({\n  onLoad() {\n" +
              "    wx.connectSocket({ url: ws })\n    wx.connectSocket({ url: own })\n" * 30 + "  },\n})\n")
    sockets = [f for f in js_facts(source, "pages/chat/chat.js").facts if f.subject == "wx.connectSocket"]
    assert [(f.line, f.role) for f in sockets[:2]] == [(6, API_SOCKET), (7, None)]
    assert len(sockets) == 60 and {f.role for f in sockets[::2]} == {API_SOCKET} and {f.role for f in sockets[1::2]} == {None}
    assert len(reads) == 1


def test_a_templates_lines_are_indexed_once_for_all_its_tags():
    from mp_precheck.readers import textflow

    markup = "<view>分享</view>\n" + "".join(f'<input value="{{{{v{i}}}}}"\n  bindinput="on{i}" />\n'
                                           for i in range(200)) + "<view>end</view>"
    before = textflow._line_starts.cache_info().misses
    tags = [textflow.tag_at(markup, 2 + 2 * i) for i in range(200)]
    assert textflow._line_starts.cache_info().misses == before + 1
    assert tags[7] == '<input value="{{v7}}"\n  bindinput="on7" /'
    assert textflow.tag_at(markup, 1) == "<view"
    assert textflow.tag_at(markup, 402) == "<view"
    assert textflow.tag_at(markup, 403) == textflow.tag_at(markup, 0) == ""
    assert textflow.tag_at("a\n<b c='>'\nd>", 2) == "<b c='>'\nd"
