"""`mp-precheck baseline` never accepts a secret written into client code under a blanket reason: the package can
be unpacked, so the secret stays exploitable whatever the baseline says. Secret findings are left out and named on
stderr unless `--accept-secrets` says so explicitly; every other finding is accepted as before."""

from __future__ import annotations

import json

from helpers import cli

SECRET = "5c2e8a1f7b3d9e0c4a6f8b2d1e7c3a9f"  # invented, 32 hex like an AppSecret
KEYS = f"module.exports = {{\n  appid: 'wx1a2b3c4d5e6f7a8b',\n  appSecret: '{SECRET}'\n}}\n"
PAYING = "const keys = require('../../utils/keys.js')\nPage({ pay() { wx.requestPayment({}) } })\n"


def _baseline(app_repo, *flags: str) -> tuple[int, list[tuple[str, str]], str]:
    code, _out, err = cli("baseline", "--repo", str(app_repo.path), "--base", "HEAD~1", "--reason", "reviewed",
                          *flags)
    data = json.loads((app_repo.path / ".mp-precheck-baseline.json").read_text(encoding="utf-8"))
    return code, [(a["rule"], a["path"]) for a in data["accepted"]], err


def test_a_secret_in_client_code_is_left_out_and_named(app_repo):
    app_repo.write("utils/keys.js", KEYS)
    app_repo.write("pages/me/me.js", PAYING)
    app_repo.commit("pay")
    code, accepted, err = _baseline(app_repo)
    assert code == 0
    assert accepted == [("payment.request_payment", "pages/me/me.js")]
    assert "1 finding(s) accepted" in err
    assert "1 secret finding(s) left out: a secret in client code stays exploitable" in err
    assert "  utils/keys.js:3  policy.client_secret  secret:app-secret" in err.splitlines()
    assert SECRET not in err


def test_accept_secrets_accepts_them_explicitly(app_repo):
    app_repo.write("utils/keys.js", KEYS)
    app_repo.write("pages/me/me.js", PAYING)
    app_repo.commit("pay")
    code, accepted, err = _baseline(app_repo, "--accept-secrets")
    assert code == 0
    assert sorted(accepted) == [("payment.request_payment", "pages/me/me.js"), ("policy.client_secret", "utils/keys.js")]
    assert "left out" not in err


def test_a_change_without_secrets_is_accepted_whole_and_says_nothing_of_secrets(app_repo):
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.commit("pay")
    code, accepted, err = _baseline(app_repo)
    assert code == 0 and accepted == [("payment.request_payment", "pages/me/me.js")]
    assert "left out" not in err
