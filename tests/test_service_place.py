"""Where a service told once per change (a category the app needs) is anchored: in a page's template or script
that carries the words, not its configuration's title, which only names the page (core/placing.py page_place)."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run
from mp_precheck.core.placing import page_place

_APP_JSON = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/clinic/ask"]\n}\n'
_TITLE = '{\n  "navigationBarTitleText": "在线问诊"\n}\n'
_FORM = ('<view class="top">医生团队</view>\n<form bindsubmit="send">\n  <view class="h">在线问诊</view>\n'
         '  <textarea name="desc" placeholder="描述症状" />\n</form>\n')


def test_a_page_config_title_gives_way_to_the_page_that_shows_the_service():
    assert page_place(["pkg/clinic/ask.json", "pkg/clinic/ask.wxml"]) == 1
    assert page_place(["src/clinic/index.config.ts", "src/clinic/index.tsx", "src/home/index.tsx"]) == 1


def test_a_config_title_alone_in_its_folder_still_anchors_it():
    assert page_place(["pages/clinic/ask.json", "pages/zone/tips/tip.wxml"]) == 0
    assert page_place(["src/clinic/index.config.ts", "src/clinic/parts/note.tsx"]) == 0  # another folder's file


def _category(tmp_path, page: dict[str, str]) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"]\n}\n'})
    repo.write_files({"app.json": _APP_JSON, "pages/clinic/ask.js": "Page({ send() {} })\n", **page})
    repo.commit("clinic")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "category"
            and f.subject == "text:medical"}


def test_the_service_is_told_at_the_page_form_not_its_title(tmp_path):
    page = {"pages/clinic/ask.json": _TITLE, "pages/clinic/ask.wxml": _FORM}
    assert _category(tmp_path, page) == {("category.regulated_content", "pages/clinic/ask.wxml", 3)}


def test_a_page_named_only_by_its_title_is_told_at_the_title(tmp_path):
    page = {"pages/clinic/ask.json": _TITLE, "pages/clinic/ask.wxml": _FORM.replace("在线问诊", "提交信息")}
    assert _category(tmp_path, page) == {("category.regulated_content", "pages/clinic/ask.json", 2)}


def _new_clinic(tmp_path, old_page: str) -> set[tuple[str, str]]:
    """A clinic page added to an app whose 'me' page already said ``old_page`` (and still does, one line on)."""
    repo, base = minimal_app(tmp_path / "repo", {"app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"]\n}\n',
                                                 "pages/me/me.wxml": f"<view>{old_page}</view>\n"})
    repo.write_files({"app.json": _APP_JSON, "pages/clinic/ask.js": "Page({ send() {} })\n",
                      "pages/me/me.wxml": f"<view>我的</view>\n<view>{old_page}</view>\n",
                      "pages/clinic/ask.wxml": '<view>医生主页</view>\n<button bindtap="send">预约挂号</button>\n'})
    repo.commit("clinic")
    return {(f.subject, f.path) for f in run(repo.path, base).findings if f.rule == "category.regulated_content"}


def test_finance_words_the_app_had_hide_no_medical_service_it_adds(tmp_path):
    # one rule, three services: the 基金定投 an old page offered is no 医疗 category the app already needed
    assert _new_clinic(tmp_path, "基金定投") == {("text:medical", "pages/clinic/ask.wxml")}


def test_a_medical_service_the_app_offered_is_not_told_again(tmp_path):
    assert _new_clinic(tmp_path, "在线挂号入口") == set()
