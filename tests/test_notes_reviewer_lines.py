"""The notes tell the reviewer what the report found, in the reviewer's words: a 补充说明 answer is 是 only with what
it names and follows the report's new-to-the-app judgement; a subject joining changes with ``&`` gives each change
its own line; a subject that says 优化 is filed under 优化; version-control work and bare file words are left out;
pages are named by the title users see; a checklist names a category by what it covers; a pre-release's previous
tag is the last release before it by version."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli, notes_of_commits, notes_remark, notes_section, notes_text
from mp_precheck.git.repo import GitRepo
from mp_precheck.notes.release import find_range
from test_old_box_uploads import BOX, PHOTOS_ONLY, POSTS, UUID

PAGES = ["pages/index/index", "pages/publish/publish", "pages/ads/ads", "pages/more/more"]
AD = "Page({ onLoad() { this.ad = wx.createRewardedVideoAd({ adUnitId: 'adunit-%s' }) } })\n"
UPLOAD = "Page({ up(p) { wx.uploadFile({ url: 'https://api.example.com/u', filePath: p, name: 'f' }) } })\n"


def _app(repo: Repo, files: dict[str, str] | None = None, categories: bool = True) -> str:
    """A native app with four pages (the publish page titled 写动态), committed; ``files`` added or replacing."""
    repo.write_files({"app.json": json.dumps({"pages": PAGES}), "app.js": "App({})\n",
                      "pages/index/index.js": "Page({})\n", "pages/index/index.wxml": "<view>首页</view>\n",
                      "pages/publish/publish.json": json.dumps({"navigationBarTitleText": "写动态"}, ensure_ascii=False),
                      "utils/uuid.js": UUID, "pages/publish/publish.wxml": BOX, "pages/publish/publish.js": PHOTOS_ONLY,
                      "pages/ads/ads.js": "Page({})\n", "pages/ads/ads.wxml": "<view>ads</view>\n",
                      "pages/more/more.js": "Page({})\n", "pages/more/more.wxml": "<view>更多</view>\n",
                      **({".mp-precheck.yml": "categories: [工具 > 信息查询]\n"} if categories else {}), **(files or {})})
    return repo.commit("chore: 初始版本")




# ------------------------------------------------------------------------------------------- 补充说明 answers


def test_an_ad_new_to_the_app_is_a_category_change(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/ads/ads.js", AD % 1)
    repo.commit("feat: 激励视频解锁")
    assert notes_remark(notes_text(repo, base), 3) == "3. 本次是否涉及服务类目或资质变化？是：新增流量主广告"


@pytest.mark.parametrize(("categories", "said"), [(True, "否"), (False, "未检测（请人工确认）")])
def test_an_ad_on_one_more_page_changes_no_category(repo: Repo, categories: bool, said: str) -> None:
    base = _app(repo, {"pages/ads/ads.js": AD % 1}, categories=categories)
    repo.write("pages/more/more.js", AD % 2)
    repo.commit("feat: 更多页激励视频")
    _code, data, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "json")
    assert [(f["rule"], f["scope"]) for f in json.loads(data)["findings"]] == [("category.ad", "file")]
    assert notes_remark(notes_text(repo, base), 3) == f"3. 本次是否涉及服务类目或资质变化？{said}"


def test_an_upload_new_to_the_app_is_named(repo: Repo) -> None:
    base = _app(repo, {"pages/publish/publish.js": "Page({})\n"})
    repo.write("pages/more/more.js", UPLOAD)
    repo.commit("feat: 上传附件")
    # the upload's server domain is no answer to question 2: only the upload is named; its page sets no title, and
    # its folder name is no name a reviewer can find
    assert notes_remark(notes_text(repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？是：用户上传内容"


def test_an_upload_on_one_more_page_is_no_yes_without_a_reason(repo: Repo) -> None:
    base = _app(repo, {"pages/ads/ads.js": UPLOAD})
    repo.write("pages/more/more.js", UPLOAD)
    repo.commit("feat: 更多页上传附件")
    assert notes_remark(notes_text(repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？否"


# ------------------------------------------------------------------------------------------- commit subjects


def _notes_of(repo: Repo, *subjects: str) -> str:
    return notes_of_commits(repo, _app(repo), subjects)


def test_changes_joined_with_an_ampersand_each_get_a_line(repo: Repo) -> None:
    out = _notes_of(repo, "登录页样式优化&会员身份判断函数优化&支持扫码登录", "重构&重新对接图书检索接口",
                    "feat: 首页轮播&商品详情分享", "新增收藏夹&重构请求模块")
    assert notes_section(out, 1) == ["扫码登录", "首页轮播", "商品详情分享", "收藏夹"]
    assert notes_section(out, 2) == ["登录页样式优化", "会员身份判断函数优化", "重新对接图书检索接口"]
    assert "&" not in out.split("测试账号")[0]


def test_an_ampersand_inside_one_change_is_kept(repo: Repo) -> None:
    out = _notes_of(repo, "修复登录&支付问题", "调整Q&A页面文案")
    assert (notes_section(out, 2), notes_section(out, 3)) == (["Q&A页面文案"], ["登录&支付问题"])


def test_a_subject_that_says_it_optimises_goes_under_improved(repo: Repo) -> None:
    out = _notes_of(repo, "feat: 列表页加载优化", "fix: 搜索结果排序优化")
    assert (notes_section(out, 1), notes_section(out, 2), notes_section(out, 3)) == ([], ["列表页加载优化", "搜索结果排序优化"], [])


def test_a_feature_that_also_optimises_stays_new(repo: Repo) -> None:
    out = _notes_of(repo, "feat: 新增订单导出并优化加载", "fix: 修复登录报错并优化提示")
    assert (notes_section(out, 1), notes_section(out, 3)) == (["订单导出并优化加载"], ["登录报错并优化提示"])


def test_version_control_work_and_bare_file_words_are_left_out(repo: Repo) -> None:
    out = _notes_of(repo, "解决冲突（pull 时产生冲突请先对比）", "再次解决冲突", "修复冲突并更新远程仓库的新增文件",
                    "重新提交，无任何改动", "强制push误操作恢复", "jason", "新jason", "更新json", "json、js修改",
                    "config.json同步", "删除", "feat: 新增积分商城")
    assert (notes_section(out, 1), notes_section(out, 2), notes_section(out, 3)) == (["积分商城"], [], [])


def test_a_conflict_users_see_and_a_typed_word_are_kept(repo: Repo) -> None:
    out = _notes_of(repo, "修复预约时间冲突提示", "feat: darkmode", "新增banner")
    assert (notes_section(out, 1), notes_section(out, 3)) == (["darkmode", "banner"], ["预约时间冲突提示"])


# ------------------------------------------------------------------------------------------- names


def test_a_high_new_call_site_names_its_page_by_title(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/publish/publish.js", POSTS)
    repo.commit("feat: 发布动态")  # the text box's content is what is new: published text, not an upload
    assert notes_remark(notes_text(repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？是：用户发布的文字内容（「写动态」）"


@pytest.mark.parametrize(("title", "named"), [('title="附件上传"', "（「附件上传」）"), ('title="{{heading}}"', "")])
def test_a_custom_navigation_bar_names_its_page(repo: Repo, title: str, named: str) -> None:
    base = _app(repo, {"pages/publish/publish.js": "Page({})\n"})
    repo.write_files({"pages/more/more.js": UPLOAD, "pages/more/more.json": '{"navigationStyle": "custom"}',
                      "pages/more/more.wxml": f"<nav-bar {title}/>\n<view>更多</view>\n"})
    repo.commit("feat: 上传附件")
    assert notes_remark(notes_text(repo, base), 2) == f"2. 本次是否涉及支付、内容发布或外链？是：用户上传内容{named}"


def test_the_checklist_names_a_category_by_what_it_covers(repo: Repo) -> None:
    base = _app(repo, categories=False)
    repo.write("pages/ads/ads.js", "Page({ call() { wx.joinVoIPChat({ groupId: 'g1' }) } })\n")
    repo.commit("feat: 语音通话")
    for form in ("text", "markdown"):
        _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", form, "--color", "never")
        lines = [line for line in out.splitlines() if "服务类目：确认" in line]
        assert [line.strip(" -[]") for line in lines] == ["服务类目：确认已有类目覆盖 实时语音通话（设置 → 基本设置 → 服务类目）"]


def test_an_ad_asks_for_its_ad_units_not_a_service_category(repo: Repo) -> None:
    base = _app(repo, categories=False)
    repo.write("pages/ads/ads.js", AD % 1)
    repo.commit("feat: 激励视频解锁")
    for form in ("text", "markdown"):
        _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", form, "--color", "never")
        assert "服务类目：确认" not in out
        assert [line.strip(" -[]") for line in out.splitlines() if "流量主：" in line] == \
            ["流量主：确认已开通「流量主」并为每个广告创建广告位（广告无需另加服务类目）"]


def test_english_headings_end_without_a_space(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/index/index.js", "Page({ data: { coupons: [] } })\n")
    repo.commit("feat: add coupons")
    assert notes_text(repo, base, language="en").splitlines()[1:4] == ["1. New:", "   - coupons", "2. Improved: none"]


# ------------------------------------------------------------------------------------------- release ranges


def _tagged(repo: Repo, *steps: tuple[str, str]) -> None:
    """The app, then a commit and a tag for each ``(tag, branch)`` step (on ``branch`` when given, made from the
    current commit when new)."""
    _app(repo)
    for number, (tag, branch) in enumerate(steps):
        if branch:
            repo.git("checkout", "-q", *(["-b", branch] if branch not in repo.git("branch") else [branch]))
        repo.write(f"pages/index/f{number}.js", f"// {number}\n")
        repo.commit(f"feat: 新增模块{number}")
        repo.git("tag", tag)


def test_a_pre_release_follows_the_last_release_before_it(repo: Repo) -> None:
    _tagged(repo, ("v0.1.0", ""), ("v0.2.0", ""), ("v0.3.0-rc.1", ""), ("v0.3.0", ""))
    rng = find_range(GitRepo(repo.path), "v0.3.0-rc.1")
    assert (rng.previous, rng.notices) == ("v0.2.0", ())
    code, _out, err = cli("notes", "--repo", str(repo.path), "--tag", "v0.3.0-rc.1")
    assert code == 0 and "history" not in err


def test_a_pre_release_after_a_release_on_another_branch_says_so(repo: Repo) -> None:
    _tagged(repo, ("v0.1.0", ""), ("v0.2.0", "side"), ("v0.3.0-rc.1", "main"))
    rng = find_range(GitRepo(repo.path), "v0.3.0-rc.1")
    assert rng.previous == "v0.1.0"
    assert rng.notices == ("v0.2.0 (the previous v* tag by version) is not in v0.3.0-rc.1's history (a maintenance "
                           "branch?): the notes cover v0.1.0…v0.3.0-rc.1",)
