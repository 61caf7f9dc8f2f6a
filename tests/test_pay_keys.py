"""A WeChat Pay merchant key in client code is reported (policy.client_pay_key) and never repeated; a client call of
WeChat Pay's merchant API is told to move to the server (external_link.wechat_pay_api), not to the domain list."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import cli, found, run, uni_app_page_change
from mp_precheck.core.secrets import redact

KEY = "Zq8T3vLm2Xc9Rb4Nw7Ks1Hd6Gf0Pj5Ya"  # invented: 32 letters and digits like a merchant key
OTHER = "h2J7kP4sW9xQ3mN8vB5cT1rL6yF0dG3a"  # invented: a second one
SETTINGS = ("App({\n"
            "  globalData: {\n"
            "    appid: 'wx0a1b2c3d4e5f6a7b',\n"
            "    mch_id: '1900000001',\n"
            f"    apikey: '{KEY}'\n"
            "  }\n"
            "})\n")
ORDER_PAGE = ("Page({\n"
              "  buy() {\n"
              "    const xml = '<xml><mch_id>1900000001</mch_id></xml>'\n"
              "    wx.request({ url: 'https://api.mch.weixin.qq.com/pay/unifiedorder', method: 'POST', data: xml })\n"
              "  }\n"
              "})\n")


def _pay_findings(repo, base):
    report = run(repo.path, base)
    return report, {(rule, path, line) for rule, path, line, _ in found(report)
                    if rule in ("policy.client_pay_key", "external_link.wechat_pay_api", "external_link.domain")}


def test_a_merchant_key_beside_a_merchant_id_and_a_client_unified_order_are_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", SETTINGS)
    app_repo.write("pages/index/index.js", ORDER_PAGE)
    app_repo.commit()
    report, hits = _pay_findings(app_repo, base)
    assert hits == {("policy.client_pay_key", "app.js", 5), ("external_link.wechat_pay_api", "pages/index/index.js", 4)}
    assert [f.severity for f in report.findings if f.rule == "policy.client_pay_key"] == ["high"]
    assert all(KEY not in str(f.to_dict()) for f in report.findings)


@pytest.mark.parametrize(("name", "content", "line"), [
    ("pay name", f"export default {{\n  appId: 'wx1',\n  payKey: '{KEY}'\n}}\n", 3),
    ("merchant key", f"const MCH_KEY = '{KEY}'\nmodule.exports = {{ MCH_KEY }}\n", 1),
    ("sign key", f"Page({{\n  data: {{ paySignKey: '{KEY}' }} }})\n", 2),
    ("key beside mchid", f"module.exports = {{\n  wxpay: {{ mchid: '1900000001',\n    key: '{KEY}' }}\n}}\n", 3),
    ("api key, merchant id elsewhere in the file", f"const mchId = '1900000001'\nconst apiKey = '{KEY}'\n", 2),
    ("assigned to a member", f"const cfg = {{}}\ncfg.partnerKey = '{KEY}'\n", 2),
])
def test_each_name_a_merchant_key_goes_by_is_reported(app_repo, name, content, line):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/shop.js", content)
    app_repo.write("pages/index/index.js", "const shop = require('../../utils/shop.js')\nPage({})\n")
    app_repo.commit()
    _, hits = _pay_findings(app_repo, base)
    assert hits == {("policy.client_pay_key", "utils/shop.js", line)}, name


@pytest.mark.parametrize(("path", "content"), [
    # placeholders are documentation, not a key
    ("utils/shop.js", "module.exports = {\n  mch_id: '1900000001',\n  apikey: 'your-key',\n  mchKey: 'xxxx' }\n"),
    ("utils/shop.js", "module.exports = {\n  mchKey: 'YOUR_MCH_KEY_HERE_0123456789abcdef' }\n"),
    ("utils/shop.js", "module.exports = {\n  mchKey: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1' }\n"),
    # `key` is a list key or a map SDK key: no merchant id beside it
    ("utils/shop.js", "module.exports = {\n  key: 'id',\n  list: [{ key: '" + KEY + "' }] }\n"),
    ("utils/shop.js", "const mchId = '1'\nmodule.exports = { key: '" + KEY + "' }\n"),
    ("utils/shop.js", "module.exports = {\n  url: 'https://api.map.example.com/geocoder?ak=" + KEY + "' }\n"),
    # an API key of another service, with no merchant in sight
    ("utils/shop.js", "module.exports = {\n  apiKey: '" + KEY + "' }\n"),
    # a 32-character value under another name is an id or a nonce, not a key
    ("utils/shop.js", "module.exports = {\n  mch_id: '1900000001',\n  nonce_str: '" + KEY + "' }\n"),
    # server code: the key belongs there, and so does the call of the merchant API
    ("cloudfunctions/pay/index.js", "exports.main = async () => ({\n  mchKey: '" + KEY + "',\n"
                                    "  url: 'https://api.mch.weixin.qq.com/pay/unifiedorder' })\n"),
    ("server/pay.js", "const mch_id = '1900000001'\nconst apiKey = '" + KEY + "'\n"),
    # a comment ships nothing
    ("utils/shop.js", "// const MCH_KEY = '" + KEY + "'\nmodule.exports = {}\n"),
])
def test_look_alikes_and_server_keys_stay_silent(app_repo, path, content):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(path, content)
    app_repo.write("utils/real.js", f"module.exports = {{\n  mchKey: '{OTHER}' }}\n")  # the one real key
    app_repo.write("pages/index/index.js", "const shop = require('../../utils/shop.js')\n"
                                           "const real = require('../../utils/real.js')\nPage({})\n")
    app_repo.commit()
    _, hits = _pay_findings(app_repo, base)
    assert {hit for hit in hits if hit[0] != "external_link.domain"} == {("policy.client_pay_key", "utils/real.js", 2)}


@pytest.mark.parametrize("fmt", ["markdown", "json", "github", "sarif", "codequality", "text"])
def test_no_output_format_repeats_the_merchant_key(app_repo, fmt):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", SETTINGS)
    app_repo.write("utils/shop.js", f"module.exports = {{\n  wxPayKey: '{OTHER}' }}\n")
    app_repo.write("pages/index/index.js", "const shop = require('../../utils/shop.js')\n" + ORDER_PAGE)
    app_repo.commit(f"pay: mchKey={KEY} payKey: '{OTHER}'")
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code == 1, err
    assert "policy.client_pay_key" in out or "merchant API key" in out
    assert KEY not in out and KEY not in err and OTHER not in out and OTHER not in err


def test_the_merchant_api_advice_is_the_server_not_the_domain_list(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", ORDER_PAGE)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [(f.rule, f.line) for f in report.findings if f.family == "external_link"] == \
        [("external_link.wechat_pay_api", 4)]
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown")
    assert "服务器" in out and "request合法域名" not in out


def test_a_merchant_key_the_build_inlines_from_an_env_file_is_reported(tmp_path):
    repo = Repo(tmp_path / "uni")
    uni_app_page_change(repo, "<template><view>me</view></template>\n")
    base = repo.git("rev-parse", "HEAD")
    repo.write(".env.production", f"VUE_APP_BASE=/api\nVUE_APP_MCH_KEY={KEY}\nSERVER_MCH_KEY={OTHER}\n")
    repo.commit()
    report = run(repo.path, base)
    assert {(f.rule, f.path, f.line) for f in report.findings if f.family == "policy"} == \
        {("policy.client_pay_key", ".env.production", 2)}  # the unprefixed variable stays with the build
    assert all(KEY not in str(f.to_dict()) for f in report.findings)


@pytest.mark.parametrize(("text", "shown"), [
    (f"payKey: '{KEY}'", "payKey: '***'"),
    (f"const apiV3Key = \"{KEY}\"", "const apiV3Key = \"***\""),
    (f'merchantKey: "{KEY}"', 'merchantKey: "***"'),
])
def test_redact_masks_a_merchant_key_under_each_of_its_names(text, shown):
    assert redact(text) == shown
