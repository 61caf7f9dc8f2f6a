"""Bypasses a new user found: uni-app ``#ifdef`` comments in a native project, secrets a build inlines from an
env file, several secrets in one file, a secret given as a fallback, and where a project file's error is filed."""

from __future__ import annotations

from pathlib import Path

from conftest import Repo
from helpers import found, places, run, uni_app_page_change

FAKE = "c0ffee00c0ffee00c0ffee00c0ffee00"  # invented, 32 hex like an AppSecret
OTHER = "0badf00d0badf00d0badf00d0badf00d"  # invented too

NATIVE_MARKUP = (
    "<view class=\"card\">\n"
    "  <!-- #ifndef MP-WEIXIN -->\n"
    "  <button open-type=\"chooseAvatar\" bindchooseavatar=\"onAvatar\">头像</button>\n"
    "  <!-- #endif -->\n"
    "</view>\n"
)
NATIVE_SCRIPT = (
    "Page({\n"
    "  onAvatar() {\n"
    "    /* #ifdef APP-PLUS */\n"
    "    wx.chooseLocation({})\n"
    "    /* #endif */\n"
    "  }\n"
    "})\n"
)


def test_native_project_ifdef_comments_hide_nothing(app_repo: Repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", NATIVE_MARKUP)
    app_repo.write("pages/me/me.js", NATIVE_SCRIPT)
    app_repo.commit()
    hits = places(run(app_repo.path, base), "privacy")
    assert {("privacy.user_info", "pages/me/me.wxml", 3), ("privacy.choose_location", "pages/me/me.js", 4)} <= hits


def _uni_app(path: Path, page: str) -> tuple[Repo, str]:
    repo = Repo(path)
    return repo, uni_app_page_change(repo, page)


def test_uni_app_ifdef_of_other_platforms_still_drops_code(tmp_path: Path) -> None:
    page = ("<template>\n  <view>\n"
            "    <!-- #ifdef APP-PLUS -->\n"
            "    <button open-type=\"chooseAvatar\" @chooseavatar=\"pick\">头像</button>\n"
            "    <!-- #endif -->\n  </view>\n</template>\n"
            "<script>\nexport default { methods: { pick() {\n"
            "  // #ifndef MP-WEIXIN\n  uni.chooseLocation({})\n  // #endif\n} } }\n</script>\n")
    repo, base = _uni_app(tmp_path / "uni", page)
    assert places(run(repo.path, base), "privacy") == set()


def test_env_secret_the_build_inlines_is_a_client_secret(tmp_path: Path) -> None:
    repo, _ = _uni_app(tmp_path / "uni", "<template><view>me</view></template>\n")
    base = repo.git("rev-parse", "HEAD")
    repo.write(".env.production", f"VUE_APP_BASE=/api\nVUE_APP_MINI_SECRET={FAKE}\n")
    repo.commit()
    report = run(repo.path, base)
    assert ("policy.client_secret", ".env.production", 2, "app") in found(report)
    assert all(FAKE not in str(f.to_dict()) for f in report.findings)


def test_env_secret_without_a_client_prefix_stays_silent(tmp_path: Path) -> None:
    repo, _ = _uni_app(tmp_path / "uni", "<template><view>me</view></template>\n")
    base = repo.git("rev-parse", "HEAD")
    repo.write(".env", f"SERVER_WX_SECRET={FAKE}\n")
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "policy"] == []


def test_each_secret_of_one_file_is_listed(app_repo: Repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/keys.js", f"const PAY_SECRET = '{FAKE}'\n"
                                       f"export default {{\n  wxSecret: '{OTHER}',\n  n: 1\n}}\n")
    app_repo.commit()
    lines = {line for rule, path, line in places(run(app_repo.path, base), "policy") if rule == "policy.client_secret"}
    assert lines == {1, 3}


def test_secret_as_a_fallback_literal_is_told(app_repo: Repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/keys.js", f"export const keys = {{\n  appSecret: process.env.MINI_KEY ?? ('{FAKE}')\n}}\n")
    app_repo.commit()
    assert ("policy.client_secret", "pages/me/keys.js", 2, "app") in found(run(app_repo.path, base))


def test_fallback_that_is_no_secret_stays_silent(app_repo: Repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/keys.js", "export const keys = {\n  appSecret: process.env.MINI_KEY || 'unset'\n}\n")
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.family == "policy"] == []


def test_an_invalid_project_config_is_filed_under_its_own_path(app_repo: Repo) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("project.config.json", '{"appid": "wx0a1b2c3d4e5f6a7b" "compileType": "miniprogram"}\n')
    app_repo.commit()
    paths = {e.path for e in run(app_repo.path, base).errors if "not valid JSON" in e.message}
    assert paths == {"project.config.json"}
