"""The 测试账号 lines of the submission notes: `notes.test_account` in `.mp-precheck.yml` names the account the reviewer
logs in with and where the password is kept (`env:NAME` or `secret:NAME`). The password is never in git nor in the
notes, which go into the release body, the job summary and report files: the notes say where to fill it in from."""

from __future__ import annotations

import pytest

from helpers import notes_text
from mp_precheck.core.config import ConfigError, parse_config


def _notes(app_repo, config: str | None, language: str = "zh-CN") -> list[str]:
    if config is not None:
        app_repo.write(".mp-precheck.yml", config)
    base = app_repo.commit("config")
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.commit("feat: 会员购买")
    return notes_text(app_repo, base, language).splitlines()


def test_the_account_and_where_the_password_is_are_written(app_repo):
    lines = _notes(app_repo, "notes:\n  test_account: {account: reviewer-01, password_from: env:MP_REVIEW_PASSWORD}\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("测试账号"))
    assert lines[at + 1:at + 3] == ["账号：reviewer-01", "密码：（提交前从环境变量 MP_REVIEW_PASSWORD 填入）"]


def test_a_ci_secret_is_named_in_english(app_repo):
    lines = _notes(app_repo, "notes:\n  test_account: {account: qa@example.com, password_from: secret:REVIEW_PW}\n",
                   "en")
    assert "Account: qa@example.com" in lines
    assert "Password: (fill in from the CI secret REVIEW_PW before submitting)" in lines


def test_the_account_alone_leaves_the_password_line_blank(app_repo):
    lines = _notes(app_repo, "notes:\n  test_account: {account: reviewer-01}\n")
    assert "账号：reviewer-01" in lines and "密码：" in lines


def test_without_the_key_both_lines_stay_blank(app_repo):
    lines = _notes(app_repo, None)
    assert "账号：" in lines and "密码：" in lines


@pytest.mark.parametrize("text", [
    "notes:\n  test_account: {account: r1, password_from: hunter2hunter2}\n",     # a password, not where it is
    "notes:\n  test_account: {account: r1, password_from: 'env:'}\n",
])
def test_a_password_in_place_of_where_it_is_kept_is_refused_without_repeating_it(text):
    with pytest.raises(ConfigError) as info:
        parse_config(text, "x.yml")
    message = str(info.value)
    assert message.startswith("x.yml: line 2: `notes.test_account.password_from`: expected env:NAME (an environment variable) "
                              "or secret:NAME (a CI secret)")
    assert "hunter2" not in message


@pytest.mark.parametrize(("text", "message"), [
    ("notes:\n  test_account: {account: r1, password: hunter2}\n",
     "x.yml: line 2: `notes.test_account`: unknown key 'password' (did you mean 'password_from'?)"),
    ("notes:\n  test_account: {password_from: env:PW}\n", "x.yml: line 2: `notes.test_account`: 'account' is a required property"),
    ("notes:\n  test_account: {account: ''}\n", "x.yml: line 2: `notes.test_account.account`: '' should be non-empty"),
])
def test_the_key_is_validated(text, message):
    with pytest.raises(ConfigError) as info:
        parse_config(text, "x.yml")
    assert str(info.value) == message
