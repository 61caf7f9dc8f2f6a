"""A secret replaced by another on the same line is a new leak (analyzers/rotated_secrets.py), and no output
repeats either value."""

from __future__ import annotations

from helpers import cli, run

OLD = "3f6a9c2e8b1d4f7a0c5e9b2d6f8a1c4e"  # invented, 32 hex like an AppSecret
NEW = "b7e2d9f4a1c6e8b3d0f5a2c7e9b4d1f6"
CONFIG = "module.exports = {\n  appid: 'wx0a1b2c3d4e5f6a7b',\n  appSecret: 'VALUE'\n}\n"
TOKEN = ("Page({ onShow() {\n  wx.request({ url: 'https://api.weixin.qq.com/cgi-bin/token?appid=wx1&secret=VALUE' })\n"
         "} })\n")


def _secrets(app_repo, base: str) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.severity) for f in run(app_repo.path, base).findings
            if f.rule == "policy.client_secret"}


def test_a_new_appsecret_written_over_the_old_one_is_told_and_never_shown(app_repo):
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", OLD))
    base = app_repo.commit("config")
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", NEW))
    app_repo.commit("rotate")
    assert _secrets(app_repo, base) == {("policy.client_secret", "utils/config.js", 3, "high")}
    for output in ("json", "markdown", "text", "sarif"):
        _, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", output)
        assert NEW not in out + err and OLD not in out + err and NEW.upper() not in out, output


def test_a_new_secret_in_a_token_url_is_told(app_repo):
    app_repo.write("pages/me/me.js", TOKEN.replace("VALUE", OLD))
    base = app_repo.commit("token")
    app_repo.write("pages/me/me.js", TOKEN.replace("VALUE", NEW))
    app_repo.commit("rotate")
    assert ("policy.client_secret", "pages/me/me.js", 2, "high") in _secrets(app_repo, base)


def test_the_same_secret_rewritten_on_its_line_is_no_new_leak(app_repo):
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", OLD))
    base = app_repo.commit("config")
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", OLD.upper()).replace("'wx0a", "\"wx0a")
                   .replace("7b',", "7b\","))
    app_repo.commit("restyle")
    assert _secrets(app_repo, base) == set()


def test_a_secret_moved_from_another_changed_file_or_held_elsewhere_is_no_new_leak(app_repo):
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", OLD))
    app_repo.write("utils/keys.js", CONFIG.replace("VALUE", NEW))
    app_repo.write("utils/old.js", CONFIG.replace("VALUE", OLD))
    base = app_repo.commit("configs")
    app_repo.write("utils/config.js", CONFIG.replace("VALUE", NEW))  # the value utils/keys.js already ships
    app_repo.write("utils/old.js", CONFIG.replace("VALUE", OLD.replace("3f6a", "0000")))
    app_repo.write("utils/other.js", "module.exports = {}\n")
    app_repo.commit("shuffle")
    assert _secrets(app_repo, base) == {("policy.client_secret", "utils/old.js", 3, "high")}
