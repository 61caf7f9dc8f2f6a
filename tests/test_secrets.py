"""AppSecrets in client code: reported as policy.client_secret, and never repeated by any output."""

from __future__ import annotations

import io
import json

import pytest

from helpers import cli, found, run
from mp_precheck.core.secrets import mask_app_secrets, redact

SECRET = "9e4b1c7d2a5f8e3b6c0d9a1f4e7b2c5d"  # invented, 32 hex like an AppSecret
LOGIN_PAGE = (
    "Page({\n"
    "  onTapLogin() {\n"
    "    wx.login({ success: (res) => {\n"
    "      wx.request({ url: 'https://api.weixin.qq.com/sns/jscode2session?appid=wx0a1b2c3d4e5f6a7b&secret="
    + SECRET + "&js_code=' + res.code })\n"
    "    } })\n"
    "  }\n"
    "})\n"
)
CONFIG = f"module.exports = {{\n  appid: 'wx0a1b2c3d4e5f6a7b',\n  appSecret: '{SECRET}'\n}}\n"


def test_url_with_secret_and_config_secret_are_high(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOGIN_PAGE)
    app_repo.write("utils/config.js", CONFIG)
    app_repo.commit()
    report = run(app_repo.path, base)
    hits = {(f.rule, f.path, f.line, f.severity) for f in report.findings if f.rule == "policy.client_secret"}
    assert hits == {("policy.client_secret", "pages/me/me.js", 4, "high"),
                    ("policy.client_secret", "utils/config.js", 3, "high")}
    assert report.risk_level == "high"
    assert all(SECRET not in str(f.to_dict()) for f in report.findings)  # redacted where the finding is made


def test_token_call_without_a_literal_secret_still_fires(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "const s = getApp().globalData.secret\nPage({ onShow() {\n"
                                     "  wx.request({ url: `https://api.weixin.qq.com/cgi-bin/token?appid=wx1&secret=${s}` })\n"
                                     "} })\n")
    app_repo.commit()
    assert ("policy.client_secret", "pages/me/me.js", 3, "app") in found(run(app_repo.path, base))


def test_a_call_to_wechats_server_api_is_a_secret_finding_and_an_unconfigurable_host(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onShow() {\n"
                                     "  wx.request({ url: 'https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=' + t })\n"
                                     "} })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert ("policy.client_secret", "pages/me/me.js", 2, "app") in found(report)
    # The host is reported once, by its own rule: it cannot be configured, so no 服务器域名 advice is given.
    assert [(f.rule, f.line) for f in report.findings if f.family == "external_link"] == \
        [("external_link.wechat_server_api", 2)]
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown")
    assert "api.weixin.qq.com 加入" not in out and "把 api.weixin.qq.com" not in out


@pytest.mark.parametrize(("path", "content"), [
    # placeholders are documentation, not a secret
    ("pages/me/me.js", "Page({\n  data: { appSecret: 'YOUR_APP_SECRET' },\n"
                       "  a() { return 'https://api.example.com/x?secret=YOUR_SECRET' } })\n"),
    # a cloud function is server code: the AppSecret belongs there
    ("cloudfunctions/login/index.js", "exports.main = async () => ({\n  secret: '" + SECRET + "',\n"
                                      "  url: 'https://api.weixin.qq.com/sns/jscode2session?secret=" + SECRET + "' })\n"),
    # a comment ships no secret and calls nothing
    ("pages/me/me.js", "// const APP_SECRET = '" + SECRET + "'\n// https://api.weixin.qq.com/cgi-bin/token\n"
                       "Page({})\n"),
    # a 32-hex value under another name is an id, not a secret
    ("pages/me/me.js", "Page({\n  data: { orderId: '" + SECRET + "' } })\n"),
])
def test_look_alikes_do_not_fire(app_repo, path, content):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(path, content)
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.rule == "policy.client_secret"] == []


@pytest.mark.parametrize("fmt", ["markdown", "json", "github", "sarif", "codequality"])
def test_no_output_format_repeats_the_secret(app_repo, fmt):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOGIN_PAGE)
    app_repo.write("utils/config.js", CONFIG)
    app_repo.commit(f"login: call jscode2session with secret={SECRET}")
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code == 1, err
    assert ("holds the AppSecret" if fmt == "markdown" else "policy.client_secret") in out
    assert SECRET not in out and SECRET not in err
    if fmt in ("markdown", "json"):
        assert "secret=***" in out  # the shape stays, so the reader sees what was found


CREDENTIALS = {"mch_key": "r4re3redsw3e5tg9oi87hy65tbvgt5ws", "api_key": "AK_77ab12cd34ef",
               "password": "Hunter2Hunter2", "key": "OB4BZ-D4W3U-77QX", "accessKeyId": "LTAI5tXyZ0aB"}


@pytest.mark.parametrize("fmt", ["markdown", "json", "github", "sarif", "codequality", "text"])
def test_no_output_format_repeats_another_services_credential(app_repo, fmt):
    base = app_repo.git("rev-parse", "HEAD")
    query = "&".join(f"{name}={value}" for name, value in CREDENTIALS.items())
    app_repo.write("pages/pay/pay.js", "Page({\n  onPay() {\n    wx.request({ url: 'https://pay.example-shop.cn/v1/pay?"
                   + query + "' })\n  }\n})\n")
    app_repo.commit()
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code in (0, 1), err
    assert "pay.example-shop.cn" in out  # the host is still told
    assert [value for value in CREDENTIALS.values() if value in out or value in err] == []


@pytest.mark.parametrize("subject", [
    f"feat: 登录 appsecret: \"{SECRET}\"", f"feat: 登录 appsecret: {SECRET}",
    f"fix: 更换密钥 {SECRET}",  # an AppSecret's form with no name before it
    f"fix: rotate appSecret: {SECRET[::-1]} and {SECRET}",  # the second value after a named first
])
def test_notes_do_not_repeat_a_secret_from_a_commit_message(app_repo, subject):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOGIN_PAGE)
    app_repo.commit(subject)
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base)
    assert code == 0, err
    assert SECRET not in out and SECRET not in err
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "json")
    assert SECRET not in out and SECRET not in err


@pytest.mark.parametrize(("prose", "shown"), [
    (f"更换密钥 {SECRET}", "更换密钥 ***"),
    (f"commit {SECRET}0123abcd and build 42", f"commit {SECRET}0123abcd and build 42"),  # a longer hex run: a SHA
])
def test_prose_loses_every_app_secret_shaped_value(prose, shown):
    assert mask_app_secrets(prose) == shown


@pytest.mark.parametrize(("text", "shown"), [
    (f"https://a.example.com/s?appid=wx1&secret={SECRET}&x=1", "https://a.example.com/s?appid=wx1&secret=***&x=1"),
    (f'appsecret: "{SECRET}"', 'appsecret: "***"'),
    (f"const APP_SECRET = '{SECRET}'", "const APP_SECRET = '***'"),
    (f'{{"app_secret": "{SECRET}"}}', '{"app_secret": "***"}'),
    ("fingerprint 0123456789abcdef0123456789abcdef", "fingerprint 0123456789abcdef0123456789abcdef"),
    (f"feat: 登录 appsecret: {SECRET}", "feat: 登录 appsecret: ***"),  # unquoted, as in a commit message
    (f"APP_SECRET={SECRET}", "APP_SECRET=***"),
    (f"https://a.example.com/t?access_token={SECRET}&x=1", "https://a.example.com/t?access_token=***&x=1"),
    ("secret: the key is kept on the server", "secret: the key is kept on the server"),  # prose keeps its words
    # Other services' credentials: masked wherever a parameter or a name announces one (never reported for that).
    ("https://pay.example.com/p?mch_key=r4re3redsw3e5tg9oi87hy65tbvgt5ws&n=1", "https://pay.example.com/p?mch_key=***&n=1"),
    ("?api_key=AK_77ab&password=Hunter2Hunter2!", "?api_key=***&password=***"),
    ("https://maps.example.com/ws/?location=1,2&key=OB4BZ-D4W3U", "https://maps.example.com/ws/?location=1,2&key=***"),
    ("accessKeyId=LTAI5tXyZ&token=tok_9f8e", "accessKeyId=***&token=***"),
    ('mchKey: "0123456789abcdef"', 'mchKey: "***"'),
    ("const OSS_ACCESS_KEY_ID = 'LTAI5tXyZ'", "const OSS_ACCESS_KEY_ID = '***'"),
    ("API_KEY=ab12cd34ef", "API_KEY=***"),
    # Names and words that hold no credential keep their text.
    ('<view wx:key="id">', '<view wx:key="id">'), ('key: "home"', 'key: "home"'),
    ("?keyword=foo&monkey=1", "?keyword=foo&monkey=1"), ("fix token: refreshing at launch", "fix token: refreshing at launch"),
])
def test_redact_keeps_the_shape_not_the_value(text, shown):
    assert redact(text) == shown


def test_the_action_runner_masks_what_it_writes(tmp_path):
    from mp_precheck.hosts.github.runner import FileRunner

    stream = io.StringIO()
    runner = FileRunner(tmp_path, str(tmp_path / "output"), str(tmp_path / "summary"), stream)
    leaked = f"wx.request('https://api.weixin.qq.com/sns/jscode2session?secret={SECRET}')"
    runner.log(leaked)
    runner.commands(leaked)
    runner.set_output("notes", leaked + "\nsecond line")
    runner.add_summary(leaked)
    saved = runner.save("report.md", leaked)
    written = [stream.getvalue(), (tmp_path / "output").read_text(), (tmp_path / "summary").read_text(),
               (tmp_path / saved).read_text()]
    assert all("secret=***" in text and SECRET not in text for text in written)


OAUTH_SECRET = "Qm7x2Lk9Pz4Wd8Rt3Vb6"  # invented: another service's client secret, no AppSecret's shape
AUTH_PAGE = ("Page({ onLoad(q) {\n"
             "  wx.request({ url: `https://sso.campus-example.cn/oauth2/token?client_id=app1&client_secret="
             + OAUTH_SECRET + "&code=${q.code}` })\n} })\n")


def test_another_services_client_secret_is_reported_and_never_repeated(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/auth/auth.js", AUTH_PAGE)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [(f.rule, f.path, f.line, f.severity) for f in report.findings if f.rule.startswith("policy.")] == \
        [("policy.service_secret", "pages/auth/auth.js", 2, "high")]
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown")
    assert code == 1, err
    assert OAUTH_SECRET not in out and "client_secret=***" in out


@pytest.mark.parametrize("value", ["${secret}", "YOUR_CLIENT_SECRET_HERE1", "abc123", "onlylettersnodigitshere"])
def test_a_client_secret_hole_placeholder_or_short_value_is_no_finding(app_repo, value):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/auth/auth.js", AUTH_PAGE.replace(OAUTH_SECRET, value))
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.rule.startswith("policy.")] == []


def test_the_json_report_keeps_the_notes_after_a_masked_secret(app_repo):
    # A commit message naming `secret=…` puts `secret=***` at the end of a notes line; in the JSON report the
    # line break after it is the two characters `\n`, which the last safety net once read as part of the value
    # and masked with it, so the next line of the notes ("2. Improved: none") was lost.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOGIN_PAGE)
    app_repo.commit(f"feat: login secret={SECRET}")
    code, notes, err = cli("notes", "--repo", str(app_repo.path), "--base", base, "--language", "en")
    assert code == 0, err
    assert "secret=***\n" in notes
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "json", "--language", "en")
    assert code == 1, err
    assert json.loads(out)["notes"] == notes
    assert SECRET not in out


@pytest.mark.parametrize("text", ['"secret=***\\n2. Improved"', '"a?access_token=***\\tb"', '"secret=***\\"x"'])
def test_redact_leaves_an_escape_after_a_masked_value(text):
    assert redact(text) == text
    assert redact(text.replace("***", SECRET)) == text  # a value is masked up to the escape, not through it


def test_the_action_runner_keeps_json_escapes_after_a_masked_secret(tmp_path):
    from mp_precheck.hosts.github.runner import FileRunner

    runner = FileRunner(tmp_path, None, None, io.StringIO())
    text = json.dumps({"notes": f"- login secret={SECRET}\n2. Improved: none\n"})
    saved = runner.save("report.json", text)
    assert json.loads((tmp_path / saved).read_text())["notes"] == "- login secret=***\n2. Improved: none\n"
