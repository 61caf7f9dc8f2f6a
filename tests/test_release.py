"""Release notes: the range a tag covers, the analysis of a first release from the empty tree,
``mp-precheck notes --tag`` (and ``--feedback``), the release body between its markers, the 反馈内容
variant's 200-character limit, and golden files in zh-CN and en. Real git repositories throughout."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from conftest import MINIMAL_APP, Repo
from helpers import cli, found, run_bare
from mp_precheck.app import draft_release_notes
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.messages import Messages
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.notes.commitmessage import Entry
from mp_precheck.notes.release import (
    NOTES_END,
    NOTES_START,
    ReleaseError,
    fence,
    find_range,
    fitted_body,
    is_prerelease,
    is_version,
    merge_body,
    release_block,
    render_release_section,
)
from mp_precheck.notes.submission import FEEDBACK_LIMIT, draft_feedback, feedback_length
from test_changelog import merge_pr, squash_pr

GOLDEN = Path(__file__).parent / "golden"

PROFILE_JS = ("Page({\n  onChooseAvatar(e) {\n    wx.uploadFile({ url: 'https://upload.linli.example.com/avatar', "
              "filePath: e.detail.avatarUrl, name: 'file' })\n  }\n})\n")
PROFILE_WXML = '<button open-type="chooseAvatar" bindchooseavatar="onChooseAvatar">头像</button>\n'


def build_shop(repo: Repo, tmp: Path) -> dict[str, str]:
    """A Mini Program released twice: v1.0.0 (the first commit) and v1.1.0 with a merged pull request,
    a squash merge, docs/CI/dependency changes, a reverted feature, a pull request whose title carries
    Markdown and HTML and that adds an avatar upload no message mentions, a GBK and two emoji messages.
    Returns the commit ids by name."""
    ids: dict[str, str] = {}
    repo.write_files(MINIMAL_APP)
    ids["v1.0.0"] = repo.commit("chore: 初始版本")
    repo.git("tag", "v1.0.0")

    repo.git("checkout", "-q", "-b", "feature-map")
    repo.write("pages/index/index.js", "Page({ onLoad() { wx.getLocation({ type: 'gcj02' }) } })\n")
    repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                           '  "requiredPrivateInfos": ["getLocation"]\n}\n')
    repo.commit("feat(map): 新增附近自提点地图")
    repo.write("pages/index/index.wxml", "<view>附近自提点</view>\n")
    repo.commit("wip")
    ids["pr12"] = merge_pr(repo, "feature-map", 12, "feat(map): 新增附近自提点地图 @alice (#12)")

    repo.git("checkout", "-q", "-b", "cart")
    repo.write("pages/me/me.js", "Page({ data: { count: 1 } })\n")
    repo.commit("fix")
    ids["pr13"] = squash_pr(repo, "cart", "fix(cart): 修复数量为 0 时仍可结算 (#13)")

    repo.write("README.md", "# shop\n")
    repo.commit("docs: 更新 README")
    repo.write("docs/guide.md", "guide\n")
    repo.commit("优化使用指南")
    repo.write(".github/workflows/ci.yml", "on: push\n")
    repo.commit("调整 CI")
    repo.write("package.json", '{"dependencies": {"dayjs": "1.11.10"}}\n')
    repo.commit("chore(deps): bump dayjs from 1.11.9 to 1.11.10")
    repo.write("pages/lottery/lottery.js", "Page({})\n")
    repo.commit("feat: 新增抽奖活动")
    repo.git("revert", "--no-edit", "HEAD")

    repo.git("checkout", "-q", "-b", "profile")
    repo.write("pages/profile/profile.js", PROFILE_JS)
    repo.write("pages/profile/profile.wxml", PROFILE_WXML)
    repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/profile/profile"],\n'
                           '  "requiredPrivateInfos": ["getLocation"]\n}\n')
    repo.commit("feat(user): 个人资料")
    ids["pr14"] = merge_pr(repo, "profile", 14,
                           "feat(user): **个人资料页** <img src=x onerror=alert(1)> 支持 `chooseAvatar`")

    message = tmp / "gbk.txt"
    message.write_bytes("修复：订单列表乱码\n".encode("gbk"))
    repo.write("pages/me/me.wxml", "<view>订单</view>\n")
    repo.git("add", "-A")
    repo.git("-c", "i18n.commitEncoding=", "commit", "-q", "-F", str(message))
    repo.write("pages/index/index.wxml", "<view>附近自提点 · 优惠券</view>\n")
    repo.commit("✨ 新增优惠券入口")
    repo.write("pages/me/me.js", "Page({ data: { count: 1, busy: false } })\n")
    ids["v1.1.0"] = repo.commit("🐛 结算按钮重复点击")
    repo.git("tag", "-a", "v1.1.0", "-m", "v1.1.0")
    return ids


@pytest.fixture
def shop(repo: Repo, tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    return repo, build_shop(repo, tmp_path)


def check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}: run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8"), f"{name} is stale: run pytest tests/test_release.py --update-golden"


# ---------------------------------------------------------------------------------------- the range


def test_previous_tag_to_this_tag(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, ids = shop
    rng = find_range(GitRepo(repo.path), "refs/tags/v1.1.0")
    assert (rng.tag, rng.head, rng.base, rng.previous, rng.notices) == ("v1.1.0", ids["v1.1.0"], ids["v1.0.0"],
                                                                        "v1.0.0", ())


def test_the_first_tag_covers_the_whole_history(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    rng = find_range(GitRepo(repo.path), "v1.0.0")
    assert (rng.base, rng.previous, rng.first) == (EMPTY_TREE, None, True)


def test_nearest_tag_in_history_and_a_maintenance_branch(repo: Repo) -> None:
    repo.write("a.js", "1\n")
    v1 = repo.commit("feat: 新增首页模块")
    repo.git("tag", "v1.0.0")
    repo.git("checkout", "-q", "-b", "maint")
    repo.write("a.js", "2\n")
    repo.commit("fix: 修复首页崩溃")
    repo.git("tag", "v1.0.1")
    repo.git("checkout", "-q", "main")
    repo.write("b.js", "1\n")
    repo.commit("feat: 新增会员页面")
    repo.git("tag", "v1.1.0-rc.1")
    repo.write("b.js", "2\n")
    repo.commit("fix: 修复会员页样式")
    repo.git("tag", "v1.1.0")
    repo.git("tag", "release-candidate")          # outside the pattern
    rng = find_range(GitRepo(repo.path), "v1.1.0")
    # v1.0.1 is newer by version but on another branch; the rc is a pre-release
    assert (rng.previous, rng.base) == ("v1.0.0", v1)
    assert rng.notices == ("v1.0.1 (the previous v* tag by version) is not in v1.1.0's history (a maintenance "
                           "branch?): the notes cover v1.0.0…v1.1.0",)
    assert find_range(GitRepo(repo.path), "v1.1.0-rc.1").previous == "v1.0.0"
    repo.git("checkout", "-q", "main")
    repo.write("b.js", "3\n")
    repo.commit("feat: 新增积分页面")
    repo.git("tag", "v1.2.0-rc.1")
    repo.git("tag", "v1.2.0-rc.2")                # the same commit: nothing new since rc.1
    with pytest.raises(ReleaseError, match=r"^empty range: v1.2.0-rc.2 is on the same commit as v1.2.0-rc.1 "):
        find_range(GitRepo(repo.path), "v1.2.0-rc.2")
    assert find_range(GitRepo(repo.path), "v1.2.0-rc.1").previous == "v1.1.0"  # rc.2 is later: not its previous
    repo.git("tag", "v1.2.0")                     # a final on its last pre-release's commit: pre-releases skipped
    assert find_range(GitRepo(repo.path), "v1.2.0").previous == "v1.1.0"


def test_tag_pattern(repo: Repo) -> None:
    repo.write("a.js", "1\n")
    repo.commit("feat: 首页")
    repo.git("tag", "release-1")
    repo.write("a.js", "2\n")
    repo.commit("fix: 首页崩溃")
    repo.git("tag", "v9")
    repo.git("tag", "release-2")
    assert find_range(GitRepo(repo.path), "release-2", "release-*").previous == "release-1"
    with pytest.raises(ReleaseError) as err:
        find_range(GitRepo(repo.path), "release-2")
    assert str(err.value) == ("tag release-2 does not match the tag pattern 'v*': set notes.tag_pattern in "
                              ".mp-precheck.yml (or --tag-pattern) to match your release tags")


def test_a_tag_with_no_earlier_release_in_its_history_covers_the_whole_history(repo: Repo) -> None:
    repo.write("a.js", "1\n")
    repo.commit("feat: 首页")
    repo.git("tag", "v1.0.0")
    repo.git("checkout", "-q", "--orphan", "rewrite")
    repo.write("a.js", "2\n")
    repo.commit("feat: 重写")
    repo.git("tag", "v2.0.0")
    rng = find_range(GitRepo(repo.path), "v2.0.0")
    assert (rng.base, rng.previous) == (EMPTY_TREE, None)
    assert rng.notices == ("no earlier v* tag is in v2.0.0's history (v1.0.0 is on another line of history): the "
                           "notes cover the whole history of v2.0.0; choose the range with --base (the action's base "
                           "input)",)


def test_a_malformed_later_tag_is_no_previous_release(repo: Repo) -> None:
    """A typo'd tag (``v.2.1.0``: no digit after the prefix) sorts before every version: it neither blocks the
    first release nor counts as a release, and a word matching the pattern (``vendor``) is none either."""
    repo.write("a.js", "1\n")
    first = repo.commit("feat: 首页")
    repo.git("tag", "v1.3.0")
    repo.write("a.js", "2\n")
    second = repo.commit("feat: 订单页")
    repo.git("tag", "v.2.1.0")
    repo.git("tag", "vendor-sync")
    repo.write("a.js", "3\n")
    repo.commit("fix: 订单页崩溃")
    repo.git("tag", "v1.6.0")
    git = GitRepo(repo.path)
    first_range = find_range(git, "v1.3.0")
    assert (first_range.base, first_range.previous, first_range.notices) == (EMPTY_TREE, None, ())
    assert (find_range(git, "v1.6.0").previous, find_range(git, "v1.6.0").base) == ("v1.3.0", first)
    repo.git("tag", "v1.5.0", second)             # the same tag spelt right is the previous release
    assert find_range(git, "v1.6.0").previous == "v1.5.0"
    assert [t for t in ("v1.3.0", "v.2.1.0", "vendor-sync", "2.0", "release-2026-01", "v2025.11") if is_version(t)] \
        == ["v1.3.0", "2.0", "release-2026-01", "v2025.11"]


def test_a_tag_on_the_same_commit_as_the_previous_release_is_an_empty_range(repo: Repo) -> None:
    repo.write_files(MINIMAL_APP)
    repo.commit("feat: 首页")
    repo.git("tag", "v1.6.0")
    repo.write("pages/index/index.wxml", "<view>订单</view>\n")
    repo.commit("feat: 订单页")
    repo.git("tag", "v2.0.0")
    repo.git("tag", "v2.0.4")
    git = GitRepo(repo.path)
    assert find_range(git, "v2.0.0").previous == "v1.6.0"   # v2.0.4 is later: never v2.0.0's previous
    code, out, err = cli("notes", "--repo", str(repo.path), "--tag", "v2.0.4")
    assert (code, out) == (2, "")
    assert err == ("mp-precheck: empty range: v2.0.4 is on the same commit as v2.0.0 (the previous v* tag), so it "
                   "adds nothing to describe; to draft notes from an earlier release, give --base (the action's "
                   "base input)\n")
    code, out, err = cli("notes", "--repo", str(repo.path), "--tag", "v2.0.4", "--base", "v1.6.0")
    assert code == 0 and "订单页" in out
    assert err.splitlines()[0] == "mp-precheck: 范围：v1.6.0..v2.0.4（1 个提交）"


def test_notes_for_a_tag_say_the_range(repo: Repo) -> None:
    repo.write_files(MINIMAL_APP)
    repo.commit("feat: 首页")
    repo.git("tag", "v1.0.0")
    repo.write("pages/index/index.wxml", "<view>订单</view>\n")
    repo.commit("feat: 订单页")
    repo.git("tag", "v1.1.0")
    code, _, err = cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0")
    assert (code, err.splitlines()[0]) == (0, "mp-precheck: 范围：v1.0.0..v1.1.0（1 个提交）")
    code, _, err = cli("notes", "--repo", str(repo.path), "--tag", "v1.0.0", "--language", "en")
    assert (code, err.splitlines()[0]) == (0, "mp-precheck: range: the whole history of v1.0.0 (first release, 1 "
                                              "commit(s))")
    code, _, err = cli("notes", "--repo", str(repo.path), "--base", "v1.0.0", "--head", "v1.1.0")
    assert code == 0 and "范围" not in err     # a range the user gave is said by the command line itself


def test_no_tags_at_all_and_a_missing_tag(repo: Repo) -> None:
    repo.write("a.js", "1\n")
    repo.commit("feat: 首页")
    with pytest.raises(ReleaseError, match=r"^no tag v1.0.0: the repository has no tags \(create and push it"):
        find_range(GitRepo(repo.path), "v1.0.0")
    repo.git("tag", "v0.9.0")
    with pytest.raises(ReleaseError, match=r"^no tag v1.0.0 \(the latest tags: v0.9.0\); fetch tags"):
        find_range(GitRepo(repo.path), "v1.0.0")


def test_a_shallow_clone_is_refused_with_the_fix(shop: tuple[Repo, dict[str, str]], tmp_path: Path) -> None:
    repo, _ = shop
    clone = tmp_path / "shallow"
    Repo(clone).git("fetch", "-q", "--depth=1", f"file://{repo.path}", "+refs/tags/v1.1.0:refs/tags/v1.1.0")
    code, out, err = cli("notes", "--repo", str(clone), "--tag", "v1.1.0")
    assert (code, out) == (2, "")
    assert err == ("mp-precheck: the clone is shallow, so the tags before v1.1.0 and their history may be missing: "
                   "run `git fetch --unshallow --tags` (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab "
                   "CI: GIT_DEPTH: 0)\n")


def test_is_prerelease() -> None:
    assert [t for t in ("v1.3.0-rc.1", "v2.0-beta", "1.0.0-alpha.2", "v1.3.0", "release-2026-01", "v1-hotfix")
            if is_prerelease(t)] == ["v1.3.0-rc.1", "v2.0-beta", "1.0.0-alpha.2"]


# ---------------------------------------------------------------------------------------- the CLI


def test_notes_for_a_tag(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    code, out, err = cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0")
    assert code == 0
    assert err == ("mp-precheck: 范围：v1.0.0..v1.1.0（15 个提交）\n"
                   "mp-precheck: 仍有 3 项高风险未处理（privacy.location, privacy.user_info, upload.upload_file）："
                   "提交审核前请先处理，详见 `mp-precheck diff`\n")
    changes = out.split("测试账号")[0]
    assert changes == (
        "本次版本变更：\n1. 新增：\n   - 附近自提点地图 @alice\n   - 个人资料页 支持 chooseAvatar\n"
        "   - 优惠券入口\n   - 上传功能\n2. 优化：无\n3. 修复：\n   - 数量为 0 时仍可结算\n"
        "   - 订单列表乱码\n   - 结算按钮重复点击\n")
    assert "抽奖" not in out and "README" not in out and "dayjs" not in out and "<img" not in out


def test_the_output_file_and_the_feedback_variant(shop: tuple[Repo, dict[str, str]], tmp_path: Path) -> None:
    repo, _ = shop
    target = tmp_path / "notes.txt"
    assert cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0", "--output", str(target))[:2] == (0, "")
    assert target.read_text(encoding="utf-8").startswith("本次版本变更：\n")
    code, out, _ = cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0", "--feedback", "--language", "en")
    assert code == 0 and out.endswith("\n") and "\n" not in out[:-1]
    assert feedback_length(out[:-1]) <= FEEDBACK_LIMIT
    assert out.startswith("This version: fixed: 数量为 0 时仍可结算; fixed: 订单列表乱码; fixed: 结算按钮重复点击; privacy: ")


def test_base_head_notes_and_their_feedback(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, ids = shop
    code, out, _ = cli("notes", "--repo", str(repo.path), "--base", ids["pr12"], "--head", ids["pr13"])
    assert code == 0 and "   - 数量为 0 时仍可结算\n" in out and "自提点" not in out
    code, out, _ = cli("notes", "--repo", str(repo.path), "--base", ids["pr12"], "--head", ids["pr13"], "--feedback")
    assert (code, out) == (0, "本次版本：修复数量为 0 时仍可结算。\n")


def test_base_overrides_the_previous_tag(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, ids = shop
    code, out, _ = cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0", "--base", ids["pr13"])
    assert code == 0 and "自提点" not in out and "数量为 0" not in out and "订单列表乱码" in out


def test_tag_pattern_flag_over_the_config(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    repo.write(".mp-precheck.yml", "notes:\n  tag_pattern: 'app-*'\n")
    repo.commit("chore: 配置")
    repo.git("tag", "app-2")
    code, _, err = cli("notes", "--repo", str(repo.path), "--tag", "app-2")
    assert code == 0 and "项高风险未处理" in err and "tag pattern" not in err  # the first app-* tag: whole history
    code, _, err = cli("notes", "--repo", str(repo.path), "--tag", "app-2", "--tag-pattern", "v*")
    assert code == 2 and "does not match the tag pattern 'v*'" in err


@pytest.mark.parametrize(("args", "message"), [
    (("--tag", "v1.1.0", "--head", "HEAD~1"), "mp-precheck: --tag names the head of the range: leave out --head\n"),
    (("--tag-pattern", "v*"), "mp-precheck: --tag-pattern chooses the previous release tag: give --tag too\n"),
    (("--tag", "v9.9.9"), "mp-precheck: no tag v9.9.9 (the latest tags: v1.0.0, v1.1.0); fetch tags with `git fetch "
                          "--tags`\n"),
    (("--base", "v1.1.0", "--head", "v1.1.0"), "mp-precheck: empty range: v1.1.0 adds no commit to v1.1.0, so there is "
                                               "nothing to describe; check --base and --head\n"),
    (("--base", "v1.1.0", "--head", "v1.0.0"), "mp-precheck: empty range: v1.0.0 adds no commit to v1.1.0, so there is "
                                               "nothing to describe; check --base and --head\n"),
])
def test_bad_input_is_one_line(shop: tuple[Repo, dict[str, str]], args: tuple[str, ...], message: str) -> None:
    repo, _ = shop
    assert cli("notes", "--repo", str(repo.path), *args) == (2, "", message)


def test_an_empty_release_range(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    assert cli("notes", "--repo", str(repo.path), "--tag", "v1.1.0", "--base", "v1.1.0") == (
        2, "", "mp-precheck: empty range: v1.1.0 adds no commit to v1.1.0, so there is nothing to describe\n")


def test_a_release_of_chores_only_says_so(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    repo.write("README.md", "# shop 2\n")
    repo.commit("docs: 说明")
    repo.git("tag", "v1.1.1")
    code, out, _ = cli("notes", "--repo", str(repo.path), "--tag", "v1.1.1")
    assert code == 0 and out.startswith("本次版本变更：\n1. 新增：无\n2. 优化：无\n3. 修复：无\n")
    assert cli("notes", "--repo", str(repo.path), "--tag", "v1.1.1", "--feedback")[1] == \
        "本次版本没有用户可见的功能变更。\n"


# ------------------------------------------------------------------------------ first release, empty tree


def test_a_first_release_is_analysed_from_the_empty_tree(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, ids = shop
    run, draft = draft_release_notes(GitRepo(repo.path), "v1.1.0", base=None)
    assert run.report.base == ids["v1.0.0"]
    repo.git("tag", "-d", "v1.0.0")
    run, draft = draft_release_notes(GitRepo(repo.path), "v1.1.0", language="en")
    assert (run.report.base, run.report.head, draft.range.first) == (EMPTY_TREE, ids["v1.1.0"], True)
    # everything is new: the location API and the upload are findings, app.js's consent flow is not
    assert {"privacy.location", "upload.upload_file"} <= {f.rule for f in run.report.findings}
    assert run.report.to_dict()["base"] == EMPTY_TREE
    assert "First release: the whole history of v1.1.0" in render_release_section(
        draft, run.report, run.catalog, "en")


def test_analyze_takes_the_empty_tree_as_its_own_merge_base(app_repo: Repo) -> None:
    head = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.getLocation({}) } })\n")
    app_repo.commit("feat: 定位")
    report = run_bare(app_repo.path, EMPTY_TREE)
    assert (report.base, report.status) == (EMPTY_TREE, None)
    assert ("privacy.location", "pages/me/me.js", 1, "app") in found(report)
    assert report.changed_files == len(app_repo.git("ls-files").splitlines())
    assert run_bare(app_repo.path, EMPTY_TREE, head).findings == ()   # the base app needs nothing declared


def test_the_config_of_a_release_is_read_at_the_tag(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    repo.write(".mp-precheck.yml", "language: en\nnotes:\n  types: {chore: added}\n")
    repo.commit("chore: 新增运营配置")
    repo.git("tag", "v1.2.0")
    code, out, _ = cli("notes", "--repo", str(repo.path), "--tag", "v1.2.0")
    assert code == 0 and out.startswith("Changes in this version:\n1. New:\n   - 运营配置\n")


# ---------------------------------------------------------------------------------------- the body


def test_merge_body_keeps_what_people_wrote() -> None:
    block = release_block("new notes")
    assert merge_body(None, block) == f"{NOTES_START}\nnew notes\n{NOTES_END}\n"
    assert merge_body("", block) == f"{NOTES_START}\nnew notes\n{NOTES_END}\n"
    assert merge_body("  \n", block) == f"  \n\n{block}\n"
    assert merge_body("Written by hand.\r\n", block) == f"Written by hand.\r\n\r\n{block}\r\n"
    existing = f"Before\r\n\r\n{NOTES_START}\nold\n{NOTES_END}\r\n\r\nAfter <b>kept</b>\r\n"
    assert merge_body(existing, block) == f"Before\r\n\r\n{block}\r\n\r\nAfter <b>kept</b>\r\n"
    # a start marker left alone by a person: the last one before our end marker is ours
    stray = f"{NOTES_START} quoted by someone\n\n{NOTES_START}\nold\n{NOTES_END}\ntail"
    assert merge_body(stray, block) == f"{NOTES_START} quoted by someone\n\n{block}\ntail"
    # an end marker without a start: appended, nothing of theirs removed, and found again next time
    once = merge_body(f"x {NOTES_END} y", block)
    assert once == f"x {NOTES_END} y\n\n{block}\n"
    assert merge_body(once, release_block("newer")) == f"x {NOTES_END} y\n\n{release_block('newer')}\n"


def test_merge_body_keeps_hard_breaks_and_a_missing_final_newline() -> None:
    block = release_block("notes")
    hard_break = "Line one  \nLine two  "   # two trailing spaces: a Markdown hard break
    assert merge_body(hard_break, block) == f"{hard_break}\n\n{block}\n"
    assert merge_body("Ends here\n\n", block) == f"Ends here\n\n{block}\n"
    around = f"Intro  \r\n{NOTES_START}\nold\n{NOTES_END}\r\nOutro  "
    assert merge_body(around, block) == f"Intro  \r\n{block}\r\nOutro  "


_HUMAN = st.lists(st.sampled_from(["a", "文", " ", "  ", "\n", "\r\n", "\r", "\t", "<!--", "-->", "`", "*",
                                   NOTES_START, NOTES_END, "mp-precheck:notes:"]) | st.text(max_size=6),
                  max_size=30).map("".join)


@given(_HUMAN, st.text(max_size=40), st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_merging_keeps_human_text_byte_for_byte(human: str, first: str, second: str) -> None:
    """For any text people wrote without a marker pair, the body starts with it unchanged, and merging
    again replaces only our block."""
    end = human.find(NOTES_END, human.find(NOTES_START) + 1) if NOTES_START in human else -1
    if end != -1:
        return  # a start marker before an end marker is a marker pair: that is ours to replace
    blocks = [release_block(text.replace("mp-precheck:notes:", "")) for text in (first, second)]
    body = merge_body(human, blocks[0])
    assert body.startswith(human)
    assert body.count(blocks[0]) == 1
    again = merge_body(body, blocks[1])
    assert again == merge_body(human, blocks[1])
    assert again.startswith(human)


def test_fences_outlast_backticks_in_the_notes() -> None:
    assert fence("plain") == "```"
    assert fence("a ```` b") == "`````"


def test_the_section_cannot_forge_a_marker_or_break_its_fence(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    repo.write("pages/me/me.wxml", "<view>x</view>\n")
    repo.commit("fix: 修复 ```` 显示与 <!-- mp-precheck:notes:end --> 之后的 **文字** | 表格 # 标题")
    repo.git("tag", "v1.2.0")
    run, draft = draft_release_notes(GitRepo(repo.path), "v1.2.0")
    assert draft.text.split("3. 修复：\n")[1].startswith("   - 显示与 之后的 文字 | 表格 # 标题\n")
    section = render_release_section(draft, run.report, run.catalog, "zh-CN")
    assert NOTES_END not in section and NOTES_START not in section
    assert "- 修复：显示与 之后的 文字 \\| 表格 \\# 标题 · " in section      # the list is escaped Markdown
    forged = replace(draft, text=draft.text + "``` <!-- mp-precheck:notes:start -->\n")
    section = render_release_section(forged, run.report, run.catalog, "zh-CN")
    assert "````text\n" in section and NOTES_START not in section
    body = merge_body(f"intro\n{NOTES_START}\nold\n{NOTES_END}\noutro", release_block(section))
    assert body.count(NOTES_START) == body.count(NOTES_END) == 1 and body.startswith("intro\n")
    assert body.endswith(f"{NOTES_END}\noutro")


def test_a_long_body_drops_details_before_the_notes(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    run, draft = draft_release_notes(GitRepo(repo.path), "v1.1.0")
    full = render_release_section(draft, run.report, run.catalog, "zh-CN")
    people = "说明。" * 1000
    body = fitted_body(people, draft, run.report, run.catalog, "zh-CN", limit=len(people) + len(full) + 100)
    assert body is not None and "审核风险与后台设置清单" in body
    body = fitted_body(people, draft, run.report, run.catalog, "zh-CN", limit=len(people) + len(full) - 100)
    assert body is not None and "审核风险与后台设置清单" not in body and "内容过长" in body
    assert body.startswith(people) and "```text\n本次版本变更：" in body
    assert fitted_body(people, draft, run.report, run.catalog, "zh-CN", limit=len(people) + 50) is None


# ---------------------------------------------------------------------------------------- feedback


def test_feedback_fits_in_200_characters_at_an_item_boundary() -> None:
    m = Messages("zh-CN")
    fixed = [f"第{n}个问题：下单页在弱网下重复提交订单" for n in range(1, 30)]
    text = draft_feedback(fixed, [], [], [], m)
    assert feedback_length(text) <= FEEDBACK_LIMIT
    assert text.startswith("本次版本：修复第1个问题：下单页在弱网下重复提交订单；修复第2个问题")
    kept = text.count("修复第")
    assert text.endswith(f"；另有 {29 - kept} 项见版本说明。")


def test_feedback_counts_emoji_as_two_and_cuts_one_long_item_at_a_clause() -> None:
    m = Messages("zh-CN")
    assert feedback_length("头像🎁") == 4
    long_item = "，".join(["支付页面在低端机型上白屏"] * 30)
    text = draft_feedback([long_item], [], ["🎁" * 10], [], m)
    assert feedback_length(text) <= FEEDBACK_LIMIT
    assert text.startswith("本次版本：修复支付页面在低端机型上白屏，")
    assert text.endswith("白屏…；另有 1 项见版本说明。")
    emoji = draft_feedback([], [], ["🎁" * 150], [], m)
    assert feedback_length(emoji) <= FEEDBACK_LIMIT and emoji.endswith("…。")


def test_feedback_order_fixes_answers_new_improved() -> None:
    m = Messages("en")
    text = draft_feedback(["crash on pay"], [("privacy", "adds 「位置信息」")], ["map"], ["speed"], m)
    assert text == "This version: fixed: crash on pay; privacy: adds 「位置信息」; new: map; improved: speed."


def test_entries_keep_their_source(shop: tuple[Repo, dict[str, str]]) -> None:
    repo, _ = shop
    _, draft = draft_release_notes(GitRepo(repo.path), "v1.1.0")
    assert draft.entries[:2] == (Entry("added", "附近自提点地图 @alice", "#12"),
                                 Entry("fixed", "数量为 0 时仍可结算", "#13"))
    assert draft.commits == 15


# ---------------------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_release_golden(shop: tuple[Repo, dict[str, str]], language: str, update_golden: bool) -> None:
    repo, _ = shop
    run, draft = draft_release_notes(GitRepo(repo.path), "v1.1.0", language=language)
    check_golden(f"release-notes.{language}.txt", draft.text, update_golden)
    check_golden(f"release-feedback.{language}.txt", draft.feedback + "\n", update_golden)
    section = render_release_section(draft, run.report, load_catalog(), language,
                                     "https://github.com/octo-org/mini-app/blob/v1.1.0/")
    check_golden(f"release-body.{language}.md", section, update_golden)


_PIECES = st.sampled_from([*"修复页面，。；ab ", "🎁", "👩\u200d👩\u200d👧", "\u200b", "é"])


@given(st.lists(st.lists(_PIECES, min_size=1, max_size=120).map("".join), max_size=40),
       st.sampled_from(["zh-CN", "en"]))
@settings(max_examples=150, deadline=None)
def test_feedback_never_exceeds_the_limit(items: list[str], language: str) -> None:
    text = draft_feedback(items[:10], [("privacy", x) for x in items[10:12]], items[12:30], items[30:], Messages(language))
    assert 0 < feedback_length(text) <= FEEDBACK_LIMIT
    assert "\n" not in text
