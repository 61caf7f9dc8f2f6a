"""JSON with comments, trailing commas and the rest of JSON5 (a tsconfig, uni-app's pages.json) is read by the
standard library's parser or pyjson5; what neither reads is a ValueError. A tsconfig's ``paths`` are read once per
text however many analyzers ask."""

from __future__ import annotations

import pytest

from mp_precheck.readers import aliases, appconfig
from mp_precheck.readers.appconfig import loads_jsonc

TSCONFIG = """{
  // paths the build resolves
  "compilerOptions": {
    "baseUrl": ".", /* the project */
    "paths": { "@/utils/*": ["./src/utils/*"], "@/api/*": ["./src/api/*"], },
  },
}
"""
PAGES_JSON = """{
  "pages": [ // the entry first
    { "path": "pages/index/index", "style": { "navigationBarTitleText": "首页 // 不是注释" } },
    { "path": "pages/me/me", "style": { "navigationBarTitleText": "/* 我的 */" } },
  ],
  "globalStyle": { "backgroundColor": "#F8F8F8" }
}
"""


def test_json_with_comments_and_trailing_commas_is_read():
    assert loads_jsonc(TSCONFIG) == {"compilerOptions": {"baseUrl": ".", "paths": {
        "@/utils/*": ["./src/utils/*"], "@/api/*": ["./src/api/*"]}}}
    assert loads_jsonc(PAGES_JSON) == {"pages": [
        {"path": "pages/index/index", "style": {"navigationBarTitleText": "首页 // 不是注释"}},
        {"path": "pages/me/me", "style": {"navigationBarTitleText": "/* 我的 */"}}],
        "globalStyle": {"backgroundColor": "#F8F8F8"}}


@pytest.mark.parametrize(("text", "value"), [
    ("{ unquoted: 1 }", {"unquoted": 1}), ("{ 'single': 'quotes // kept' }", {"single": "quotes // kept"}),
    ("[0x1F, +1, .5]", [31, 1, 0.5]), ('["a" // c\r, "b"]', ["a", "b"]),
    ('{"k": "\\ud83d\\ude00"} // a surrogate pair', {"k": "\U0001f600"}),
], ids=lambda v: repr(v)[:30])
def test_what_only_json5_allows_is_read(text, value):
    assert loads_jsonc(text) == value


def test_nesting_a_config_could_hold_is_read():
    value = loads_jsonc("[" * 60 + "1" + "]" * 60 + " // deep")
    depth = 0
    while isinstance(value, list):
        value, depth = value[0], depth + 1
    assert (depth, value) == (60, 1)


@pytest.mark.parametrize("text", ["[,]", "{,}", "[1,,]", "[1 /* open", "// nothing", "{a b}", "[" * 100_000])
def test_what_json5_rejects_is_a_value_error(text):
    with pytest.raises(ValueError):
        loads_jsonc(text)


def test_a_tsconfigs_paths_are_read_once_per_text(monkeypatch):
    reads = []
    real = appconfig.load_json_leniently
    monkeypatch.setattr(aliases, "load_json_leniently", lambda text, name: reads.append(name) or real(text, name))
    getattr(aliases._ts_paths, "cache_clear", lambda: None)()  # another test may have read the same text
    texts = {"tsconfig.json": TSCONFIG}
    for _ in range(3):
        assert aliases.project_aliases(("",), texts.get) == {"@/utils": "src/utils", "@/api": "src/api"}
    assert reads == ["tsconfig.json"]
