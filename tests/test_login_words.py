"""``names_login`` answers as ``LOGIN_TARGET.search`` does, on any text (it only answers faster)."""

from __future__ import annotations

import re
import sys

import pytest

from mp_precheck.readers.lifecycle import _FOLDED_TO_ASCII, _LOGIN_WORDS, LOGIN_TARGET, names_login

_WORD_LETTERS = sorted(set("".join(_LOGIN_WORDS)))


def test_every_character_regular_expressions_match_to_a_word_letter_is_one_lower_maps_there_or_a_fallback():
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in _WORD_LETTERS:
        by_re = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        by_lower = {c for c in by_re if c.lower() == letter}
        assert by_re - by_lower <= set(_FOLDED_TO_ASCII)
    # and lower() takes no other character to a letter of the words
    lowered = {c for c in everything if c.lower() != c and set(c.lower()) & set(_WORD_LETTERS)}
    assert lowered <= {c for letter in _WORD_LETTERS for c in re.findall(re.escape(letter), everything, re.I)} | \
        set(_FOLDED_TO_ASCII)


@pytest.mark.parametrize("text", [
    "", "export default { pages: ['pages/index/index'] }", "LOGIN", "pages/SignIn/index", "sign_in", "Sign-In",
    "Ａuth", "registeR", "passPORT", "去绑定手机", "授权登录", "sıgnin", "SİGNIN", "ſign_in", "\u212aey bind",
    "au th", "log in", "regis\u0301ter", "autHorize" * 1000, "x" * 5000 + "Bind", "../regist/regist", "toRegist",
    "registry", "signUp", "signUpload", "pages/reg/reg", "RegExp", "ſign-up", "x" * 5000 + "/reg/",
])
def test_it_answers_as_the_regular_expression(text):
    assert names_login(text) == bool(LOGIN_TARGET.search(text))
