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


def test_each_app_configuration_is_read_once_whatever_the_number_of_app_folders():
    from collections import Counter

    from mp_precheck.readers.generatedapp import generated_apps

    files = [f"app{k}/{name}" for k in range(20) for name in ("app.js", "pages/p0/p0.wxml", "pages/p1/p1.js")]
    configs = {f"cfg/app.{k}.json": '{"pages": ["pages/p0/p0", "pages/p1/p1", "pages/none/none"]}' for k in range(5)}
    configs["templates/app.json"] = '{"pages": ["pages/p1/p1", "pages/p0/p0"], "entryPagePath": "pages/p0/p0"}'
    configs["app3/cfg/app-dev.json"] = '{"pages": ["pages/p0/p0"], "subpackages": 1}'  # resolves under no root
    reads = Counter()

    def read(path):
        reads[path] += 1
        return configs.get(path)

    apps = generated_apps([*files, *configs], read, frozenset())
    assert reads == Counter(list(configs))  # each once
    assert [app.root for app in apps] == sorted(f"app{k}" for k in range(20))
    # two pages resolve in cfg/ and in templates/: the tie goes to the first by depth and name
    assert {(app.pages, app.entry_page, app.errors) for app in apps} == {
        (("pages/p0/p0", "pages/p1/p1", "pages/none/none"), "pages/p0/p0", ())}
    assert apps[0].note == ("no app.json beside app0/app.js; pages and entry page read from cfg/app.0.json (a "
                            "build writes the app's app.json); its other app settings are not checked")
