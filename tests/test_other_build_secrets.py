"""A secret in a uni-app block only other platforms build (``// #ifdef H5``, ``APP-PLUS``) ships in that build's
public JavaScript: reported as a client secret, masked everywhere (readers/otherbuilds.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import cli, run, uni_app_page_change
from mp_precheck.facts.extract import extract

FAKE = "5eedbeef5eedbeef5eedbeef5eedbeef"  # invented, 32 hex like an AppSecret


def _uni_app(path: Path, page: str) -> tuple[Repo, str]:
    repo = Repo(path)
    return repo, uni_app_page_change(repo, page)


def _page(block: str) -> str:
    return ("<template><view @tap=\"login\">me</view></template>\n<script>\nexport default {\n  methods: {\n"
            "    login(code) {\n" + block + "    }\n  }\n}\n</script>\n")


IN_URL = ("      // #ifdef H5\n"
          "      uni.request({ url: host + '/x?code=' + code + '&Appsecret=" + FAKE + "' })\n"
          "      // #endif\n")
IN_PROPERTY = ("      /* #ifdef APP-PLUS */\n"
               "      const keys = { appid: 'wx0a1b2c3d4e5f6a7b', appSecret: '" + FAKE + "' }\n"
               "      /* #endif */\n")


@pytest.mark.parametrize(("block", "build"), [(IN_URL, "H5"), (IN_PROPERTY, "APP-PLUS")])
def test_a_secret_in_another_platforms_block_is_a_client_secret(tmp_path: Path, block: str, build: str) -> None:
    repo, base = _uni_app(tmp_path / "uni", _page(block))
    report = run(repo.path, base)
    hits = [f for f in report.findings if f.rule == "policy.client_secret"]
    assert [(f.path, f.line, f.severity) for f in hits] == [("src/pages/me/me.vue", 7, "high")]
    assert f"[#ifdef {build}]" in str(hits[0].to_dict())  # the block that ships it
    assert all(FAKE not in str(f.to_dict()) for f in report.findings)


@pytest.mark.parametrize("block", [
    IN_URL.replace(FAKE, "YOUR_APP_SECRET"),  # a placeholder
    IN_URL.replace(FAKE, "***"),  # already masked
    IN_PROPERTY.replace(FAKE, "your-secret"),
    IN_PROPERTY.replace("appSecret", "orderId"),  # a 32-hex id is no secret
    "      // #ifdef H5\n      // const APP_SECRET = '" + FAKE + "'\n      // #endif\n",  # a comment ships nothing
])
def test_no_secret_in_another_platforms_block_stays_silent(tmp_path: Path, block: str) -> None:
    repo, base = _uni_app(tmp_path / "uni", _page(block))
    assert [f for f in run(repo.path, base).findings if f.family == "policy"] == []


def test_a_secret_in_a_comment_outside_any_block_stays_silent(tmp_path: Path) -> None:
    block = "      // const url = '/x?secret=" + FAKE + "'\n      // #ifdef H5\n      uni.hideLoading()\n      // #endif\n"
    repo, base = _uni_app(tmp_path / "uni", _page(block))
    assert [f for f in run(repo.path, base).findings if f.family == "policy"] == []


@pytest.mark.parametrize("fmt", ["json", "markdown", "text", "sarif", "github"])
def test_no_output_format_repeats_a_secret_of_another_build(tmp_path: Path, fmt: str) -> None:
    repo, base = _uni_app(tmp_path / "uni", _page(IN_URL))
    code, out, err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code == 1, err
    assert "client_secret" in out or "AppSecret" in out
    assert FAKE not in out and FAKE not in err


def test_the_else_branch_of_a_wechat_block_is_another_build() -> None:
    page = _page("      // #ifdef MP-WEIXIN\n      uni.hideLoading()\n      // #else\n"
                 f"      const keys = {{ appSecret: '{FAKE}' }}\n      // #endif\n")
    facts = extract("src/pages/me/me.vue", page.encode()).facts
    assert [(f.subject, f.line, f.value) for f in facts if f.subject.startswith("secret:")] == \
        [("secret:app-secret", 9, 'appSecret: "***" [#ifdef MP-WEIXIN … #else]')]
    # a native project's #ifdef is a comment: the secret ships to WeChat and is read as any other
    native = extract("pages/me/me.js", page.split("<script>\n")[1].split("</script>")[0].encode(), compiled=False)
    assert [(f.line, f.value) for f in native.facts if f.subject.startswith("secret:")] == [(7, 'appSecret: "***"')]
