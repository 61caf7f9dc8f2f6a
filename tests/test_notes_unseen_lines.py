"""The notes a team pastes: the three 补充说明 answers never contradict each other (user content a category finding
names is 内容发布 in answer 2 too), lines only developers can see or that describe a practice review rejects are not
pasted, other platforms' Mini Programs (阿里小程序…) are taken out, and a web-view is named once."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli, notes_of_commits, notes_remark, notes_section, notes_text

PAGES = ["pages/index/index", "pages/me/me"]
REVIEW = ('<view>\n<text>请对本次服务提供评价</text>\n<textarea bindinput="onText"/>\n'
          '<view class="btn" bindtap="submit">发布</view>\n</view>\n')
REVIEW_JS = ("Page({\n  onText(e) { this.setData({ text: e.detail.value }) },\n"
             "  submit() { wx.navigateTo({ url: './done/done' }) }\n})\n")


def _app(repo: Repo) -> str:
    repo.write_files({"app.json": json.dumps({"pages": PAGES}), "app.js": "App({})\n",
                      **{f"{p}.js": "Page({})\n" for p in PAGES}, **{f"{p}.wxml": "<view>x</view>\n" for p in PAGES}})
    return repo.commit("chore: 初始版本")


@pytest.mark.parametrize(("language", "said"), [("zh-CN", "2. 本次是否涉及支付、内容发布或外链？是：用户发布的内容（「商品评价」）"),
                                                ("en", "2. Does this version involve payment, user-published content or "
                                                       "external links? Yes: user-published content (「商品评价」)")])
def test_user_content_a_category_finding_names_is_content_publishing_too(repo: Repo, language: str, said: str) -> None:
    base = _app(repo)
    repo.write_files({"app.json": json.dumps({"pages": [*PAGES, "pages/goods/rate"]}),
                      "pages/goods/rate.json": json.dumps({"navigationBarTitleText": "商品评价"}, ensure_ascii=False),
                      "pages/goods/rate.wxml": REVIEW, "pages/goods/rate.js": REVIEW_JS})
    repo.commit("feat: 评价")
    _code, data, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "json")
    answering = {f["rule"] for f in json.loads(data)["findings"]
                 if f["family"] in ("payment", "upload", "external_link", "category")}
    assert answering == {"category.ugc"}  # no finding of answer 2's families
    out = notes_text(repo, base, language)
    remarks = out.split("补充说明" if language == "zh-CN" else "Remarks")[-1]
    assert said in remarks.splitlines()
    assert any(line.startswith("3. ") and ("新增用户发布内容" in line or "adds user-published content" in line)
               for line in remarks.splitlines())


def test_no_user_content_keeps_answer_2_no(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/me/me.wxml", "<view>我的</view>\n<textarea placeholder=\"备注\"/>\n")
    repo.commit("feat: 备注")
    assert notes_remark(notes_text(repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？否"


def _notes_of(repo: Repo, *subjects: str) -> str:
    return notes_of_commits(repo, _app(repo), subjects)


def test_lines_only_developers_can_see_are_left_out(repo: Repo) -> None:
    out = _notes_of(repo, "add lodash package", "move shared-helpers folder", "clean useless code", "rename state",
                    "res.status !== 200 should throw", "mr:feat-dark-theme", "fix: vendor submodule update",
                    "add date utils", "fix: style", "add adapt", "feat: add coupon center", "修复订单列表重复加载")
    assert notes_section(out, 1) == ["coupon center", "若干小功能"]
    assert notes_section(out, 3) == ["订单列表重复加载", "若干已知问题"]
    assert notes_section(out, 2) == []


@pytest.mark.parametrize("subject", ["feat: add coupon center", "fix: login page crash", "feat: darkmode",
                                     "新增会员积分", "修复购物车数量错误", "PR: 新增购物车",
                                     "feat: add live plugin", "add music library"])
def test_a_real_user_facing_line_stays(repo: Repo, subject: str) -> None:
    out = _notes_of(repo, subject)
    assert [*notes_section(out, 1), *notes_section(out, 2), *notes_section(out, 3)] != []


@pytest.mark.parametrize("subject", ["force users to bind a phone number", "feat: 强制绑定手机号", "登录后强制授权手机号"])
def test_a_line_describing_a_rejected_practice_is_not_pasted_but_told(repo: Repo, subject: str) -> None:
    base = _app(repo)
    repo.write("pages/index/part.js", "// x\n")
    repo.commit(subject)
    code, out, err = cli("notes", "--repo", str(repo.path), "--base", base)
    assert code == 0
    assert "手机号" not in out.split("测试账号")[0] and "phone" not in out.split("测试账号")[0]
    assert "强制授权或绑定手机号" in err


def test_a_phone_binding_line_that_lets_users_skip_stays(repo: Repo) -> None:
    out = _notes_of(repo, "feat: 新增绑定手机号入口（可跳过）")
    assert notes_section(out, 1) == ["绑定手机号入口（可跳过）"]


@pytest.mark.parametrize(("subject", "kept"), [
    ("fix: 底部导航适配阿里小程序", []), ("fix: 适配钉钉小程序", []), ("修复抖音小程序分享", []),
    ("feat: 更新自定义tabbar组件，适配阿里和微信小程序", ["更新自定义tabbar组件，适配微信小程序"]),
    ("feat: 接入阿里云OSS上传", ["接入阿里云OSS上传"]),  # a service the WeChat build uses
])
def test_other_platforms_mini_programs_are_taken_out(repo: Repo, subject: str, kept: list[str]) -> None:
    out = _notes_of(repo, subject)
    assert [*notes_section(out, 1), *notes_section(out, 2), *notes_section(out, 3)] == kept


def test_a_web_view_whose_address_the_code_sets_is_named_once(repo: Repo) -> None:
    base = _app(repo)
    repo.write_files({"app.json": json.dumps({"pages": [*PAGES, "pages/web/web"]}),
                      "pages/web/web.wxml": '<web-view src="{{url}}"/>\n',
                      "pages/web/web.js": "Page({ onLoad(o) { this.setData({ url: decodeURIComponent(o.url) }) } })\n"})
    repo.commit("feat: 网页")
    remark = notes_remark(notes_text(repo, base), 2)
    assert remark.count("内嵌网页") == 1 and "地址由程序指定" in remark


def test_a_phone_number_button_without_login_needs_no_test_account(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号</button>\n')
    repo.commit("feat: 联系方式")
    out = notes_text(repo, base)
    assert "测试账号（非必需）" in out and "手机号绑定" not in out
