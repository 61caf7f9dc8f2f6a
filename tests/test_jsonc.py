"""JSON with comments and trailing commas is read by the standard library's parser, with the value the JSON5 library
gives; what only JSON5 reads (single quotes, unquoted keys, ...) still goes to JSON5. A tsconfig's ``paths`` are read
once per text however many analyzers ask."""

from __future__ import annotations

import json
import random
import sys

import json5
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


class _NoJson5:
    def __getattr__(self, name: str) -> object:
        raise AssertionError("JSON5 was asked")


@pytest.mark.parametrize("text", [TSCONFIG, PAGES_JSON], ids=["tsconfig", "pages.json"])
def test_json_with_comments_and_trailing_commas_is_read_without_json5(text, monkeypatch):
    expected = json5.loads(text)
    monkeypatch.setitem(sys.modules, "json5", _NoJson5())
    assert loads_jsonc(text) == expected


@pytest.mark.parametrize("text", [
    "{ unquoted: 1 }", "{ 'single': 'quotes // kept' }", "[0x1F, +1, .5]", '["a" // c\r, "b"]',
    '{"k": "\\ud83d\\ude00"} // a surrogate pair', "[,]", "{,}", "[1,,]", "[1 /* open", "// nothing",
    '{"a": 1}\u00a0// no-break space', "{" * 60 + '"a": 1' + "}" * 60 + " // deep",
], ids=lambda text: repr(text)[:30])
def test_what_only_json5_reads_gives_json5s_answer(text):
    try:
        expected: object = ("value", json5.loads(text))
    except (ValueError, RecursionError):
        expected = ("error",)
    try:
        got: object = ("value", loads_jsonc(text))
    except ValueError:
        got = ("error",)
    assert repr(got) == repr(expected)


def test_random_jsonc_reads_as_json5_reads_it():
    """Seeded JSON values with comments, trailing commas, quotes and stray characters put in at random places."""
    rng = random.Random(17)
    pieces = ["//c\n", "/* x */", "/*", "*/", "//", ",", " ", "\r", "'", '"', "\\", "a", "0x1", "+1", "[", "]", "{",
              "}", ":", "NaN", "\u2028", '"//"', "'//'", ",]", ",}", "[,]"]

    def value(depth: int = 0) -> object:
        roll = rng.random()
        if depth > 3 or roll < 0.3:
            return rng.choice([1, -0.5, "s//x", "q'\"", True, None, "https://a.example/*c*/"])
        if roll < 0.65:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(["a", "b/*", "c//"]): value(depth + 1) for _ in range(rng.randint(0, 3))}

    def answer(read: object, text: str) -> object:
        try:
            return ("value", repr(read(text)))  # type: ignore[operator]
        except (ValueError, RecursionError):
            return ("error",)

    for _ in range(1500):
        chars = list(json.dumps(value(), ensure_ascii=rng.random() < 0.5))
        for _ in range(rng.randint(0, 4)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(pieces))
        text = "".join(chars)
        strict = answer(json.loads, text)
        assert answer(loads_jsonc, text) == (strict if strict[0] == "value" else answer(json5.loads, text)), text


def test_a_tsconfigs_paths_are_read_once_per_text(monkeypatch):
    reads = []
    real = appconfig.load_json_leniently
    monkeypatch.setattr(aliases, "load_json_leniently", lambda text, name: reads.append(name) or real(text, name))
    getattr(aliases._ts_paths, "cache_clear", lambda: None)()  # another test may have read the same text
    texts = {"tsconfig.json": TSCONFIG}
    for _ in range(3):
        assert aliases.project_aliases(("",), texts.get) == {"@/utils": "src/utils", "@/api": "src/api"}
    assert reads == ["tsconfig.json"]
