"""branding.brand_image: a page of the change shows an image whose pixels are WeChat's logo."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from images import (
    GREY,
    SMILEY_SVG,
    WECHAT_SVG,
    green_rectangle,
    green_tick,
    grey_face_avatar,
    noise_photo,
    two_bubble_mark,
)
from mp_precheck.analyzers import brand_image
from mp_precheck.app import check_change
from mp_precheck.git.repo import EMPTY_TREE, GitRepo


def _hits(repo: Repo, base: str) -> set[tuple[str, int, str | None]]:
    return {(f.path, f.line, f.subject) for f in run(repo.path, base).findings if f.rule == "branding.brand_image"}


def _app(tmp_path, extra: dict[str, str | bytes] | None = None) -> tuple[Repo, str]:
    return minimal_app(tmp_path / "repo", extra)


def test_logo_added_and_shown_on_a_login_page_fires_on_the_image_line(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("images/brand.png", two_bubble_mark())
    repo.write("pages/me/me.wxml", '<view class="login">\n  <image class="logo" src="/images/brand.png" />\n'
                                   '  <button open-type="getPhoneNumber">手机号快捷登录</button>\n</view>\n')
    repo.commit("login page")
    assert _hits(repo, base) == {("pages/me/me.wxml", 2, "brand-image:images/brand.png")}


def test_grey_variant_referenced_relative_to_the_page_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("assets/auth-mark.png", two_bubble_mark(GREY))
    repo.write("pages/me/me.wxml", '<view>\n<image src="../../assets/auth-mark.png"></image>\n</view>\n')
    repo.commit("auth")
    assert _hits(repo, base) == {("pages/me/me.wxml", 2, "brand-image:assets/auth-mark.png")}


def test_logo_named_in_a_script_string_fires_at_the_string(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("images/brand.png", two_bubble_mark())
    repo.write("pages/me/me.js", "Page({\n  data: { loginIcon: '/images/brand.png?v=2' } })\n")
    repo.commit("icon in data")
    assert _hits(repo, base) == {("pages/me/me.js", 2, "brand-image:images/brand.png")}


def test_look_alike_images_stay_silent_whatever_their_name(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"images/wx.png": green_tick(), "images/wechat-pay.png": green_rectangle(),
                      "images/banner.jpg": noise_photo()})
    repo.write("pages/me/me.wxml", '<view>\n<image src="/images/wx.png"/>\n<image src="/images/wechat-pay.png"/>\n'
                                   '<image src="/images/banner.jpg"/>\n</view>\n')
    repo.commit("icons")
    assert _hits(repo, base) == set()


def test_a_logo_nothing_shows_stays_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("images/brand.png", two_bubble_mark())
    repo.commit("asset only")
    assert _hits(repo, base) == set()


def test_an_existing_logo_on_an_edited_page_is_not_new(tmp_path):
    page = '<view>\n<image src="/images/brand.png"/>\n<text>登录</text>\n</view>\n'
    repo, base = _app(tmp_path, {"images/brand.png": two_bubble_mark(), "pages/me/me.wxml": page})
    repo.write("pages/me/me.wxml", page.replace("登录", "登录后查看订单"))
    repo.commit("reword")
    assert _hits(repo, base) == set()


def test_an_image_replaced_by_the_logo_fires_where_unchanged_pages_show_it(tmp_path):
    page = '<view>\n<image src="/images/login-icon.png"/>\n</view>\n'
    repo, base = _app(tmp_path, {"images/login-icon.png": green_tick(), "pages/me/me.wxml": page})
    repo.write("images/login-icon.png", two_bubble_mark())
    repo.commit("new login icon")
    assert _hits(repo, base) == {("pages/me/me.wxml", 2, "brand-image:images/login-icon.png")}


def test_a_whole_app_in_one_commit_is_not_grepped_for_its_image_names(tmp_path, monkeypatch):
    # Every file that could show the images is in the change: no unchanged file is left to search for them.
    grepped: list[set[str]] = []
    grep = GitRepo.grep_needles
    monkeypatch.setattr(GitRepo, "grep_needles", lambda self, rev, needles, paths=(): grepped.append(set(needles))
                        or grep(self, rev, needles, paths))
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.json": '{"pages": ["pages/me/me"]}\n', "app.js": "App({})\n",
                      "images/login-icon.png": two_bubble_mark(), "images/photo.png": noise_photo(),
                      "pages/me/me.wxml": '<view>\n<image src="/images/login-icon.png"/>\n</view>\n'})
    repo.commit("the whole app")
    assert _hits(repo, EMPTY_TREE) == {("pages/me/me.wxml", 2, "brand-image:images/login-icon.png")}
    assert not [needles for needles in grepped if "login-icon.png" in needles]
    # With one unchanged page, the names are searched: that page shows the replaced image.
    repo.write("images/login-icon.png", green_tick())
    middle = repo.commit("a plain icon")
    repo.write("images/login-icon.png", two_bubble_mark())
    repo.commit("the logo again")
    assert _hits(repo, middle) == {("pages/me/me.wxml", 2, "brand-image:images/login-icon.png")}
    assert [needles for needles in grepped if "login-icon.png" in needles] == [{"login-icon.png"}]


def test_a_replaced_images_name_is_searched_in_the_unchanged_readable_files_only(tmp_path, monkeypatch):
    # git grep reads every blob it searches: the photos and fonts of the tree are left out by name.
    scopes: list[list[str]] = []
    grep = GitRepo.grep_needles
    monkeypatch.setattr(GitRepo, "grep_needles", lambda self, rev, needles, paths=(): (
        scopes.append(list(paths)) if "login-icon.png" in needles else None) or grep(self, rev, needles, paths))
    page = '<view>\n<image src="/images/login-icon.png"/>\n</view>\n'
    repo, base = _app(tmp_path, {"images/login-icon.png": green_tick(), "images/photo.png": noise_photo(),
                                 "pages/me/me.wxml": page})
    repo.write("images/login-icon.png", two_bubble_mark())
    repo.commit("new login icon")
    assert _hits(repo, base) == {("pages/me/me.wxml", 2, "brand-image:images/login-icon.png")}
    assert len(scopes) == 1 and ":(literal)pages/me/me.wxml" in scopes[0]
    assert not [path for path in scopes[0] if path.endswith(".png")]


def test_taro_import_of_the_logo_fires_at_the_import(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({
        "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
        "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/auth/index'] })\n",
        "src/app.ts": "export default function App(props) { return props.children }\n",
        "src/pages/auth/index.tsx": "export default function Auth() { return <View>登录</View> }\n",
    })
    base = repo.commit("base")
    repo.write("src/assets/mark.png", two_bubble_mark())
    repo.write("src/pages/auth/index.tsx", "import { Image, View } from '@tarojs/components'\n"
                                           "import mark from '../../assets/mark.png'\n"
                                           "export default function Auth() { return <View><Image src={mark} /></View> }\n")
    repo.commit("auth page")
    assert _hits(repo, base) == {("src/pages/auth/index.tsx", 2, "brand-image:src/assets/mark.png")}


def test_undecodable_image_says_nothing_and_loses_nothing(tmp_path):
    repo, base = _app(tmp_path)
    repo.write("images/brand.png", b"\x89PNG\r\n\x1a\n truncated")
    repo.write("pages/me/me.wxml", '<view>\n<image src="/images/brand.png"/>\n<web-view src="https://h5.example.com/a"/>\n</view>\n')
    repo.commit("broken image")
    report = run(repo.path, base)
    assert not [f for f in report.findings if f.rule == "branding.brand_image"]
    assert any(f.rule == "external_link.web_view" for f in report.findings)


def test_with_the_fact_cache_a_second_run_decodes_no_image_and_finds_the_same(tmp_path, monkeypatch):
    repo, base = _app(tmp_path)
    repo.write("images/brand.png", two_bubble_mark())
    repo.write("images/photo.png", noise_photo())
    repo.write("pages/me/me.wxml", '<view>\n<image src="/images/brand.png"/>\n<image src="/images/photo.png"/>\n</view>\n')
    repo.commit("login page")
    decoded: list[str] = []
    classify = brand_image._shows_logo
    monkeypatch.setattr(brand_image, "_shows_logo", lambda job: decoded.append(job[0]) or classify(job))
    cache = str(tmp_path / "facts.sqlite")

    def hits() -> set[tuple[str, int]]:
        report = check_change(GitRepo(repo.path), base, "HEAD", language="en", cache=cache).report
        return {(f.path, f.line) for f in report.findings if f.rule == "branding.brand_image"}

    assert hits() == {("pages/me/me.wxml", 2)}
    assert sorted(decoded) == ["images/brand.png", "images/photo.png"]
    decoded.clear()
    assert hits() == {("pages/me/me.wxml", 2)}  # the logo's verdict (and the photo's) came from the cache
    assert decoded == []
    # A verdict belongs to the file name too (a name saying WeChat lowers the bar): a copy is looked at.
    repo.write("images/wx-brand.png", two_bubble_mark())
    repo.write("pages/me/me.wxml", '<view>\n<image src="/images/wx-brand.png"/>\n</view>\n')
    repo.commit("renamed copy")
    assert hits() == {("pages/me/me.wxml", 2)}
    assert decoded == ["images/wx-brand.png"]


def test_logo_in_a_theme_folder_bound_at_run_time_fires(tmp_path):
    # src="{{theme.images}}/x.png": the folder is bound, the file name written; the project's files of that
    # name are what the page can show.
    repo, base = _app(tmp_path)
    repo.write_files({"res/light/share.png": two_bubble_mark(), "res/dark/share.png": green_tick()})
    repo.write("pages/post/post.wxml", '<view>\n<button open-type="share">分享\n<image src="{{theme.images}}/share.png"/>'
                                       '\n</button>\n</view>\n')
    repo.commit("share button")
    assert _hits(repo, base) == {("pages/post/post.wxml", 3, "brand-image:res/light/share.png")}


def test_bound_folder_naming_other_files_stays_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"res/light/wechat-share.png": two_bubble_mark(), "res/light/poster.png": green_tick()})
    repo.write("pages/post/post.wxml", '<view>\n<image src="{{theme.images}}/share.png"/>\n'
                                       '<image src="{{theme.images}}/poster.png"/>\n<image src="{{icon}}.png"/>\n</view>\n')
    repo.commit("icons")
    assert _hits(repo, base) == set()


def test_logo_drawn_as_svg_fires_and_a_smiley_named_wechat_does_not(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"images/icon/sync.svg": WECHAT_SVG, "images/wechat.svg": SMILEY_SVG})
    repo.write("pages/me/me.wxml", '<view>\n<image src="../../images/icon/sync.svg"/>\n'
                                   '<image src="../../images/wechat.svg"/>\n</view>\n')
    repo.commit("icons")
    assert _hits(repo, base) == {("pages/me/me.wxml", 2, "brand-image:images/icon/sync.svg")}


def test_grey_avatar_pictures_stay_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"static/avatar/a.png": grey_face_avatar(), "static/avatar/b.png": grey_face_avatar(mouth=False)})
    repo.write("pages/me/me.wxml", '<view>\n<image src="/static/avatar/a.png"/>\n<image src="/static/avatar/b.png"/>\n'
                                   '</view>\n')
    repo.commit("avatars")
    assert _hits(repo, base) == set()
