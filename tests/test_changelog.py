"""The 本次版本变更 lines of a range: classification of messages, and units (merged pull requests, squash
merges, commits) read from real git repositories with merge commits, squash merges and reverts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Repo
from helpers import cli
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.notes.changelog import (
    Commit,
    PullInfo,
    entries_from_commits,
    pull_numbers,
    read_commits,
)
from mp_precheck.notes.commitmessage import classify, clean


def lines(repo: Repo, base: str, head: str = "HEAD", **kwargs: object) -> list[tuple[str, str, str]]:
    commits = read_commits(GitRepo(repo.path), base, head)
    return [(e.section, e.text, e.source) for e in entries_from_commits(commits, **kwargs)]  # type: ignore[arg-type]


def merge_pr(repo: Repo, branch: str, number: int, title: str) -> str:
    """What GitHub's "Create a merge commit" does: a --no-ff merge with its message and the title as body."""
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", branch, "-m", f"Merge pull request #{number} from org/{branch}", "-m", title)
    return repo.git("rev-parse", "HEAD")


def squash_pr(repo: Repo, branch: str, title: str) -> str:
    """What GitHub's "Squash and merge" does: one commit on main titled "Title (#N)"."""
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--squash", branch)
    return repo.commit(title)


# ---------------------------------------------------------------------------------------- messages


@pytest.mark.parametrize(("message", "expected"), [
    ("feat(map): 新增附近自提点地图", ("added", "附近自提点地图")),
    ("fix(cart): 修复数量为 0 时仍可结算", ("fixed", "数量为 0 时仍可结算")),
    ("perf: 首页首屏提速", ("improved", "首页首屏提速")),
    ("style: 按钮圆角", ("improved", "按钮圆角")),
    ("新增：会员积分", ("added", "会员积分")),
    ("新功能 订单导出", ("added", "订单导出")),
    ("优化 列表滚动", ("improved", "列表滚动")),
    ("调整：首页布局", ("improved", "首页布局")),
    ("修复：支付回调", ("fixed", "支付回调")),
    ("修正 价格显示", ("fixed", "价格显示")),
    ("【修复】修复购物车数量", ("fixed", "购物车数量")),
    ("[feat] 新增地图", ("added", "地图")),
    ("(购物车) 修复数量为负", ("fixed", "数量为负")),
    ("✨ 新增优惠券入口", ("added", "优惠券入口")),
    ("🐛 结算按钮重复点击", ("fixed", "结算按钮重复点击")),
    (":sparkles: 会员页", ("added", "会员页")),
    ("Fix crash on the cart page", ("fixed", "Crash on the cart page")),
    ("Add dark mode", ("added", "Dark mode")),
    ("首页轮播图", ("improved", "首页轮播图")),
    (":bug: 修复了下拉刷新未返回的问题", ("fixed", "下拉刷新未返回的问题")),
    ("🐛 首页定位bug", ("fixed", "首页定位bug")),
    ("首页定位bug", ("fixed", "首页定位bug")),
    ("修改子表单回显问题", ("fixed", "修改子表单回显问题")),
    ("fix: 优化小程序登录", ("improved", "小程序登录")),
    ("反馈页面添加联系客服按钮", ("added", "反馈页面添加联系客服按钮")),
    ("🚀 上线积分商城", ("added", "积分商城")),
    ("fix[litemall-admin]: 订单管理时间过滤查询bug", ("fixed", "订单管理时间过滤查询bug")),  # scope in brackets
    # an explicit type outranks 重构, which names a rebuilt feature as often as a refactor
    ("feat(order): 重构订单详情页", ("added", "重构订单详情页")),
    ("feat!: 重构支付流程", ("added", "重构支付流程")),
    ("✨ 重构个人中心", ("added", "个人中心")),
])
def test_sections(message: str, expected: tuple[str, str]) -> None:
    entry = classify(message)
    assert entry is not None
    assert (entry.section, entry.text) == expected


@pytest.mark.parametrize("message", [
    "chore: 初始版本", "ci: 调整工作流", "docs: 更新 README", "test: 补充用例", "build: 升级打包",
    "chore(deps): bump lodash from 4.17.20 to 4.17.21", "fix(deps): update dependency dayjs to v2",
    "Bump axios from 1.6.0 to 1.7.0", "更新依赖 lodash", "Merge branch 'main' into feature",
    'Revert "feat: 新增抽奖"', "📝 补充注释", "refactor(me)!: 抽取上传逻辑",
    ":fire: 删除旧的 `app` 目录", ":truck: 目录 `app-new` 改名 `app`", ":sparkles: 新增日志模块", "客服按钮样式兼容支付宝小程序",
    "修复H5端支付跳转", ":wrench: 配置 VS Code 工作区规则", "代码整理", ":bookmark: v0.3.2 版本发布",
    "chore[litemall-wx]: 海报",
    "首页重构", "feat: 重构请求模块", "fix: 重构接口封装",  # no type, or a refactor of code whatever the type
])
def test_left_out_by_type(message: str) -> None:
    entry = classify(message)
    assert entry is None or entry.section == "skip"


@pytest.mark.parametrize("message", ["update", "修改", "wip", "fix", "修复", ".", "1.3.0", "v1.3.0", "fix #12",
                                     "🎉 Initial commit", ""])
def test_messages_that_say_nothing(message: str) -> None:
    assert classify(message) is None


def test_configured_types_win() -> None:
    entry = classify("chore: 新增运营位", {"chore": "added"})
    assert entry is not None and entry.section == "added"
    entry = classify("ux: 按钮更大", {"ux": "improved"})
    assert entry is not None and (entry.section, entry.text) == ("improved", "按钮更大")


@pytest.mark.parametrize(("text", "expected"), [
    ("Add **dark** mode <b>now</b>", "Add dark mode now"),
    ("支持 `wx.getLocation` 选点 [skip ci]", "支持 wx.getLocation 选点"),
    ("看 [文档](https://example.com/x) 和 ![图](a.png)", "看 文档 和 图"),
    ("<img src=x onerror=alert(1)>头像上传", "头像上传"),
    ("修复<!-- mp-precheck:notes:end -->漏洞", "修复漏洞"),
    ("&lt;!-- 注释 --&gt;可见文字", "可见文字"),
    ("谢谢 @alice 和 @bob-2", "谢谢 @alice 和 @bob-2"),  # plain text notifies no one: no hidden character
    ("邮件 a@example.com 不变", "邮件 ***@example.com 不变"),
    ("修复登录 (#12)", "修复登录"),
    ("修复登录 closes #12, refs org/app#3", "修复登录"),
    ("snake_case_name 与 2*3*4 不变", "snake_case_name 与 2*3*4 不变"),
    ("### 标题 ", "标题"),
])
def test_clean(text: str, expected: str) -> None:
    assert clean(text) == expected


# ---------------------------------------------------------------------------------------- ranges


@pytest.fixture
def base_repo(repo: Repo) -> tuple[Repo, str]:
    repo.write("app.js", "App({})\n")
    return repo, repo.commit("chore: 初始版本")


def test_a_merged_pull_request_is_one_line(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "feature-map")
    repo.write("map.js", "1\n")
    repo.commit("feat(map): 新增附近自提点地图")
    repo.write("map.js", "2\n")
    repo.commit("wip")
    repo.write("map.js", "3\n")
    repo.commit("fix: 地图缩放")
    merge_pr(repo, "feature-map", 12, "feat(map): 新增附近自提点地图与缩放 (#12)")
    assert lines(repo, base) == [("added", "附近自提点地图与缩放", "#12")]


def test_a_squash_merge_is_one_line(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "cart")
    repo.write("cart.js", "1\n")
    repo.commit("wip")
    squash_pr(repo, "cart", "fix(cart): 修复数量为 0 时仍可结算 (#13)")
    assert lines(repo, base) == [("fixed", "数量为 0 时仍可结算", "#13")]


def test_titles_and_labels_from_the_api_win(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "pay")
    repo.write("pay.js", "1\n")
    repo.commit("wip")
    merge_pr(repo, "pay", 14, "pay page")
    repo.git("checkout", "-q", "-b", "deps")
    repo.write("package.json", "{}\n")
    repo.commit("x")
    squash_pr(repo, "deps", "Update things (#15)")
    commits = read_commits(GitRepo(repo.path), base, "HEAD")
    assert pull_numbers(commits) == [14, 15]
    pulls = {14: PullInfo(14, "Checkout with **WeChat Pay** @alice", ("enhancement",)),
             15: PullInfo(15, "Update things", ("dependencies",))}
    entries = entries_from_commits(commits, pulls=pulls)
    assert [(e.section, e.text, e.source) for e in entries] == [("added", "Checkout with WeChat Pay @alice", "#14")]
    entries = entries_from_commits(commits, pulls=pulls, labels={"enhancement": "improved"})
    assert [(e.section, e.source) for e in entries] == [("improved", "#14")]


def test_without_the_title_a_merge_uses_its_first_meaningful_commit(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "f")
    repo.write("a.js", "1\n")
    repo.commit("wip")
    repo.write("a.js", "2\n")
    repo.commit("feat: 会员积分")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "f", "-m", "Merge pull request #16 from org/f")
    assert lines(repo, base) == [("added", "会员积分", "#16")]


def test_a_release_branch_gives_the_lines_of_its_pull_requests(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "release")
    repo.git("checkout", "-q", "-b", "a")
    repo.write("a.js", "1\n")
    repo.commit("feat: 新增会员中心页面")
    repo.git("checkout", "-q", "release")
    repo.git("merge", "-q", "--no-ff", "a", "-m", "Merge pull request #20 from org/a", "-m", "feat: 新增会员中心页面")
    repo.write("b.js", "1\n")
    repo.commit("fix: 修复发布脚本路径")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "release", "-m", "Merge pull request #21 from org/release", "-m", "Release 1.2")
    assert lines(repo, base) == [("added", "会员中心页面", "#20"), ("fixed", "发布脚本路径", repo.git("rev-parse", "release"))]


def test_main_merged_into_a_branch_is_not_listed_again(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "f")
    repo.write("f.js", "1\n")
    repo.commit("feat: 新增 F")
    repo.git("checkout", "-q", "main")
    repo.write("m.js", "1\n")
    repo.commit("fix: 修复 M (#30)")
    repo.git("checkout", "-q", "f")
    repo.git("merge", "-q", "--no-edit", "main")
    merge_pr(repo, "f", 31, "feat: 新增 F 页面")
    assert lines(repo, base) == [("fixed", "修复 M", "#30"), ("added", "F 页面", "#31")]


def test_a_revert_cancels_its_target_and_a_revert_of_it_brings_it_back(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.write("lottery.js", "1\n")
    repo.commit("feat: 新增抽奖活动")
    repo.git("revert", "--no-edit", "HEAD")
    repo.write("keep.js", "1\n")
    repo.commit("feat: 新增每日签到")
    assert [t for _, t, _ in lines(repo, base)] == ["每日签到"]
    repo.git("revert", "--no-edit", "HEAD~1")  # revert the revert: the lottery is back
    assert [t for _, t, _ in lines(repo, base)] == ["抽奖活动", "每日签到"]


def test_a_reverted_pull_request_is_gone_with_its_revert_pull_request(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "lottery")
    repo.write("lottery.js", "1\n")
    repo.commit("feat: 抽奖")
    merged = merge_pr(repo, "lottery", 40, "feat: 新增抽奖活动")
    repo.git("checkout", "-q", "-b", "revert-40-lottery")
    repo.git("revert", "--no-edit", "-m", "1", merged)
    merge_pr(repo, "revert-40-lottery", 41, 'Revert "feat: 新增抽奖活动"')
    repo.write("sign.js", "1\n")
    repo.commit("feat: 新增签到 (#42)")
    assert lines(repo, base) == [("added", "新增签到", "#42")]  # a short line keeps its verb


def test_ci_and_docs_only_changes_are_left_out_whatever_the_message(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    for path, message in ((".github/workflows/ci.yml", "优化流水线"), ("docs/guide.md", "新增使用指南"),
                          ("README.md", "feat: 新增说明"), (".gitlab-ci.yml", "fix: 修复部署"),
                          ("ci/build.sh", "调整构建"), ("pages/a/README.md", "完善页面说明")):
        repo.write(path, "x\n")
        repo.commit(message)
    repo.write("docs/x.md", "y\n")
    repo.write("pages/a/a.js", "1\n")
    repo.commit("feat: 新增 A 页面与文档")
    assert lines(repo, base) == [("added", "A 页面与文档", repo.git("rev-parse", "HEAD"))]


def test_gbk_and_emoji_messages(base_repo: tuple[Repo, str], tmp_path: Path) -> None:
    repo, base = base_repo
    repo.write("a.js", "1\n")
    message = tmp_path / "msg.txt"
    message.write_bytes("修复：订单列表乱码\n".encode("gbk"))
    repo.git("add", "-A")
    repo.git("-c", "i18n.commitEncoding=", "commit", "-q", "-F", str(message))  # raw GBK, no encoding header
    repo.write("b.js", "1\n")
    repo.git("add", "-A")
    message.write_bytes("新增：积分商城\n".encode("gbk"))
    repo.git("-c", "i18n.commitEncoding=GBK", "commit", "-q", "-F", str(message))  # GBK with the header
    repo.write("c.js", "1\n")
    repo.commit("✨ 新增优惠券入口 🎁")
    assert [(s, t) for s, t, _ in lines(repo, base)] == [
        ("fixed", "订单列表乱码"), ("added", "积分商城"), ("added", "优惠券入口")]


def test_identical_lines_are_listed_once(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    for n in (1, 2):
        repo.write(f"f{n}.js", "1\n")
        repo.commit("fix: 修复登录态丢失")
    assert len(lines(repo, base)) == 1


def test_the_first_release_reads_the_whole_history(base_repo: tuple[Repo, str]) -> None:
    repo, _ = base_repo
    repo.write("a.js", "1\n")
    repo.commit("feat: 新增首页")
    commits = read_commits(GitRepo(repo.path), EMPTY_TREE, "HEAD")
    assert [c.subject for c in commits] == ["chore: 初始版本", "feat: 新增首页"]
    assert commits[0].files == ("app.js",)
    assert lines(repo, EMPTY_TREE) == [("added", "新增首页", repo.git("rev-parse", "HEAD"))]


def test_units_without_the_history_around_them() -> None:
    """Commits as a caller may build them (no files, no parents in the range) are still one line each."""
    commits = [Commit("a" * 40, ("0" * 40,), "feat: 新增 A 页面"), Commit("b" * 40, ("a" * 40,), "fix: B 页面崩溃")]
    assert [(e.section, e.text) for e in entries_from_commits(commits)] == [("added", "A 页面"), ("fixed", "B 页面崩溃")]


# ------------------------------------------------------------------ messages as Chinese teams write them


def test_each_marked_line_of_a_message_is_an_item(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.write("a.js", "1\n")
    repo.commit("feat(order): 新增订单评价\nfix(cart): 修复优惠券叠加金额错误\nfeat(user): 新增收货地址管理\n"
                "- 优化首页加载速度\n2、修复分类页白屏\n\n原因：接口返回空数组时没有判断")
    assert [(s, t) for s, t, _ in lines(repo, base)] == [
        ("added", "订单评价"), ("fixed", "优惠券叠加金额错误"), ("added", "收货地址管理"),
        ("improved", "首页加载速度"), ("fixed", "分类页白屏")]


def test_several_prefixes_in_one_subject_give_one_item_each(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.write("a.js", "1\n")
    repo.commit("fix: 修复登录态丢失 / feat: 新增积分兑换 / fix: 修复分享图片模糊")
    repo.write("a.js", "2\n")
    repo.commit("feat: 新增门店导航；perf(list): 列表滚动更流畅")
    assert [(s, t) for s, t, _ in lines(repo, base)] == [
        ("fixed", "登录态丢失"), ("added", "积分兑换"), ("fixed", "分享图片模糊"),
        ("added", "门店导航"), ("improved", "列表滚动更流畅")]


def test_a_subject_with_one_prefix_stays_one_item() -> None:
    commits = [Commit("a" * 40, ("0" * 40,), "fix: 修复 iOS/Android 下的支付回调, 以及退款状态")]
    assert [(e.section, e.text) for e in entries_from_commits(commits)] == [
        ("fixed", "iOS/Android 下的支付回调, 以及退款状态")]


def test_a_pull_request_titled_by_its_branch_never_lists_the_branch(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "Feat/v1.1.0")
    repo.write("a.js", "1\n")
    repo.commit("feat: 新增会员日活动页")
    merge_pr(repo, "Feat/v1.1.0", 40, "Feat/v1.1.0")
    repo.git("checkout", "-q", "-b", "add-coupon-center")
    repo.write("b.js", "1\n")
    repo.commit("chore: 调整")
    merge_pr(repo, "add-coupon-center", 41, "Add coupon center")
    repo.git("checkout", "-q", "-b", "release/v1.2")
    repo.write("c.js", "1\n")
    repo.commit("wip")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "release/v1.2", "-m", "Merge branch 'release/v1.2'")
    found = lines(repo, base)
    assert found == [("added", "会员日活动页", "#40")]
    assert not any("v1.1.0" in t or "coupon" in t.lower() or "release" in t for _s, t, _src in found)


def test_a_pull_request_title_is_kept_when_it_is_a_sentence(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    repo.git("checkout", "-q", "-b", "feat/coupon")
    repo.write("a.js", "1\n")
    repo.commit("wip")
    merge_pr(repo, "feat/coupon", 42, "feat: 新增领券中心")
    assert lines(repo, base) == [("added", "领券中心", "#42")]


def test_a_line_repeated_across_commits_is_listed_once(base_repo: tuple[Repo, str]) -> None:
    repo, base = base_repo
    for n, message in enumerate(("feat: 新增积分商城", "新增：积分商城", "✨ 积分商城。", "feat: 新增积分商城\nfix: 修复积分为负")):
        repo.write(f"f{n}.js", "1\n")
        repo.commit(message)
    assert [(s, t) for s, t, _ in lines(repo, base)] == [("added", "积分商城"), ("fixed", "积分为负")]


def test_in_a_repository_with_a_server_only_the_mini_programs_changes_are_listed(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "mono")
    repo.write_files({"app/app.json": '{"pages": ["pages/index/index"]}', "app/app.js": "App({})\n",
                      "app/pages/index/index.js": "Page({})\n", "server/pom.xml": "<project/>\n"})
    base = repo.commit("chore: 初始版本")
    repo.write("server/Order.java", "class Order {}\n")
    repo.commit("feat[server]: 新增订单导出")
    repo.write("app/pages/index/index.js", "Page({ data: { vip: true } })\n")
    repo.commit("feat: 新增会员标识")
    code, out, err = cli("notes", "--repo", str(repo.path), "--base", base, "--head", "HEAD")
    assert code == 0, err
    assert "会员标识" in out and "订单导出" not in out
