"""Submission notes drafted from a release history shaped like real ones: gitmoji shortcodes and emoji,
Chinese subjects without prefixes, housekeeping, vague subjects, a change for H5 only, a demo folder, and
a location API missing from requiredPrivateInfos. The reviewer reads what the version does, nothing else.
"""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli
from mp_precheck.git.repo import GitRepo
from mp_precheck.notes.platform_only import only_other_platforms
from test_golden import check

APP = {"pages": ["pages/index/index", "pages/stores/stores", "pages/member/member"],
       "window": {"navigationBarTitleText": "街角花店"}}


@pytest.fixture
def history(repo: Repo) -> Repo:
    repo.write_files({
        "project.config.json": json.dumps({"appid": "wx0123456789abcdef", "compileType": "miniprogram"}),
        "app.json": json.dumps(APP, ensure_ascii=False),
        "app.js": "App({})\n",
        "pages/index/index.js": "Page({ onLoad() {} })\n",
        "pages/index/index.wxml": "<view>首页</view>\n",
        "pages/stores/stores.json": json.dumps({"navigationBarTitleText": "附近门店"}, ensure_ascii=False),
        "pages/stores/stores.wxml": "<view>门店</view>\n",
        "pages/stores/stores.js": "Page({})\n",
        "pages/member/member.json": json.dumps({"navigationBarTitleText": "会员中心"}, ensure_ascii=False),
        "pages/member/member.js": "Page({})\n",
        "demos/old/README.txt": "旧示例\n",
    })
    repo.commit("chore: 初始版本")
    repo.git("tag", "v1.0.0")
    repo.write("pages/stores/stores.js", "Page({ onLoad() { wx.getLocation({ type: 'gcj02', success: () => {} }) } })\n")
    repo.commit(":sparkles: 附近门店按距离排序")
    repo.write("pages/index/index.wxml", "<view>首页</view>\n<view>今日推荐</view>\n")
    repo.commit("✨ 首页今日推荐")
    repo.write("pages/index/index.js", "Page({ onLoad() { this.setData({ ready: true }) } })\n")
    repo.commit("首页定位bug")
    repo.write("pages/member/member.js", "Page({ onShow() { this.setData({ level: 1 }) } })\n")
    repo.commit("fix: 优化会员中心登录")
    repo.write("pages/index/index.js", "Page({ onLoad() { this.setData({ ready: 1 }) } })\n")
    repo.commit("修改了几个已知的bug")
    repo.write("pages/member/member.wxml", "<view>等级</view>\n")
    repo.commit("细节优化")
    repo.write("pages/member/member.wxml", "<view>会员等级</view>\n")
    repo.commit("部分流程")
    repo.remove("demos/old/README.txt")
    repo.commit(":fire: 删除旧的 demos 文件夹")
    repo.write("utils/format.js", "module.exports = function format(x) { return String(x) }\n")
    repo.commit(":recycle: 重构格式化函数")
    repo.write("pages/index/index.wxss", ".a { color: red }\n")
    repo.commit("🎨 统一代码格式")
    repo.write("pages/index/index.js", "Page({ onLoad() { this.setData({ ready: 2 }) } })\n")
    repo.commit("修复H5端支付跳转")
    repo.write("demos/pages/merchant/api.js", "wx.uploadFile({ url: 'https://up.demo-shop.example.com/f', "
                                              "filePath: 'a', name: 'f' })\n")
    repo.commit("chore: 商家上传示例")
    repo.write(".vscode/settings.json", "{}\n")
    repo.commit(":wrench: 配置 VS Code 工作区")
    repo.git("tag", "v1.1.0")
    return repo


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_notes_of_a_real_shaped_history(history: Repo, language: str, update_golden: bool) -> None:
    code, out, err = cli("notes", "--repo", str(history.path), "--base", "v1.0.0", "--head", "v1.1.0",
                         "--language", language)
    assert code == 0, err
    check(f"history-notes.{language}.txt", out, update_golden)


def test_the_draft_says_what_ships_and_nothing_else(history: Repo) -> None:
    code, out, err = cli("notes", "--repo", str(history.path), "--base", "v1.0.0", "--head", "v1.1.0")
    assert code == 0
    changes, account, remarks = out.partition("测试账号")[0], out.split("补充说明")[0], out.split("补充说明")[1]
    # gitmoji and emoji classify and are gone
    assert "   - 附近门店按距离排序\n" in changes.split("2. 优化")[0]
    assert "   - 首页今日推荐\n" in changes.split("2. 优化")[0]
    assert ":" + "sparkles" not in out and "✨" not in out and "🐛" not in out
    # Chinese subjects by their own words: a bug anywhere is a fix; 优化 is an improvement whatever the type
    assert "   - 首页定位bug\n" in changes.split("3. 修复")[1]
    assert "   - 会员中心登录\n" in changes.split("2. 优化")[1].split("3. 修复")[0]
    # vague subjects fold into one honest line per section
    assert changes.count("若干已知问题") == 1 and changes.count("若干细节与体验") == 1
    assert "几个已知" not in out and "部分流程" not in out and "细节优化" not in out
    # housekeeping, H5-only and tooling lines are left out
    for hidden in ("删除", "重构", "代码格式", "H5", "VS Code", "商家上传示例"):
        assert hidden not in out, hidden
    # the feature is named by its page title; nothing from the demo folder
    assert "「附近门店」使用位置信息" not in changes  # the commit already mentions 附近门店 …
    assert "demos" not in out and "up.demo-shop.example.com" not in out
    # a login change needs a test account, and says why
    assert "测试账号（需要，登录、会员功能）：" in account
    # the privacy answer says what the version collects, never an open problem
    assert "1. 本次是否涉及新增用户隐私信息收集？是：新增「位置信息」\n" in remarks
    assert "requiredPrivateInfos" not in out and "未声明" not in out
    # the open problem goes to the developer, on stderr
    assert "requiredPrivateInfos" in err or "privacy.required_private_infos_missing" in err


def test_a_capability_no_commit_mentions_is_named_by_its_page_title(repo: Repo) -> None:
    repo.write_files({"app.json": json.dumps(APP, ensure_ascii=False), "app.js": "App({})\n",
                      "pages/index/index.js": "Page({})\n",
                      "pages/stores/stores.json": json.dumps({"navigationBarTitleText": "附近门店"}, ensure_ascii=False),
                      "pages/stores/stores.js": "Page({})\n", "pages/member/member.js": "Page({})\n"})
    repo.commit("chore: 初始版本")
    base = repo.git("rev-parse", "HEAD")
    repo.write("pages/stores/stores.js", "Page({ onLoad() { wx.chooseMedia({ count: 1 }); "
                                         "wx.uploadFile({ url: 'https://up.example.com/a', filePath: 'a', name: 'f' }) } })\n")
    repo.commit("feat: 门店评价")
    code, out, _ = cli("notes", "--repo", str(repo.path), "--base", base)
    assert code == 0
    assert "   - 「附近门店」支持上传图片或文件\n" in out
    assert "pages/stores" not in out


def test_an_edit_inside_an_h5_block_ships_nothing_to_wechat(repo: Repo) -> None:
    page = ("<template><view>支付</view></template>\n<script>\nexport default {\n  methods: {\n    pay() {\n"
            "      // #ifdef H5\n      location.href = '/pay'\n      // #endif\n"
            "      // #ifdef MP-WEIXIN\n      uni.requestPayment({})\n      // #endif\n    }\n  }\n}\n</script>\n")
    repo.write("pages/pay/pay.vue", page)
    repo.commit("chore: init")
    repo.write("pages/pay/pay.vue", page.replace("location.href = '/pay'", "location.href = '/pay?from=h5'"))
    h5 = repo.commit("修复支付跳转")
    repo.write("pages/pay/pay.vue", page.replace("uni.requestPayment({})", "uni.requestPayment({ a: 1 })"))
    wechat = repo.commit("修复支付参数")
    repo.write("pages/pay/pay.rn.tsx", "export default 1\n")
    rn = repo.commit("修复 RN 支付")
    git = GitRepo(repo.path)

    def other(sha: str) -> bool:
        parent = repo.git("rev-parse", f"{sha}^")
        files = tuple(repo.git("show", "--name-only", "--format=", sha).split())
        return only_other_platforms(git, sha, parent, files)

    assert other(h5) and other(rn)
    assert not other(wechat)


def test_a_commit_whose_files_hold_no_conditional_block_ships_without_its_diff_being_read(repo: Repo) -> None:
    """Without a ``#ifdef`` in any touched file (either side), every line ships: no ``git diff`` is run for it.
    A file with a block on one side only is read from the diff, as before."""
    repo.write_files({"pages/a/a.vue": "<template><view/></template>\n", "pages/b/b.js": "Page({})\n"})
    repo.commit("chore: init")
    repo.write_files({"pages/a/a.vue": "<template><view>a</view></template>\n", "pages/b/b.js": "Page({ a: 1 })\n"})
    plain = repo.commit("页面")
    repo.write("pages/b/b.js", "Page({ a: 1 })\n// #ifdef H5\nlocation.href = '/h5'\n// #endif\n")
    block = repo.commit("H5 跳转")
    repo.write("pages/b/b.js", "Page({ a: 1 })\n// #ifdef H5\nlocation.href = '/h5?from=mp'\n// #endif\n")
    inside = repo.commit("修复 H5 跳转")
    git = GitRepo(repo.path)
    diffs: list[tuple[str, ...]] = []
    run = git.run

    def counting(*args: str, stdin: bytes | None = None) -> bytes:
        if args[0] == "diff":
            diffs.append(args)
        return run(*args, stdin=stdin)

    git.run = counting  # type: ignore[method-assign]

    def other(sha: str) -> bool:
        parent = repo.git("rev-parse", f"{sha}^")
        return only_other_platforms(git, sha, parent, tuple(repo.git("show", "--name-only", "--format=", sha).split()))

    assert not other(plain)
    assert diffs == []
    assert not other(block)  # the parent had no block: the file as a whole is new to the build
    assert other(inside)  # the edit lies inside an H5 block on both sides: nothing ships
    assert len(diffs) == 2
