"""What the first page does, not what it is called, makes forced login: a chooser named like a login page forces
none; an app that opened on its login page and now opens on a page whose old redirect sends users there adds no
wall, while a redirect the change writes is told."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.choicepage import leads_on

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'

LANG_WXML = ('<view class="langs">\n  <text>选择语言 / Language</text>\n'
             '  <button bindtap="chooseZh">中文</button>\n  <button bindtap="chooseEn">English</button>\n</view>\n')
LANG_JS = ("Page({\n  chooseZh() { this.go('zh') },\n  chooseEn() { this.go('en') },\n"
           "  go(lang) {\n    wx.setStorageSync('lang', lang)\n    wx.reLaunch({ url: '/pages/shelf/shelf' })\n  }\n})\n")


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def _native(tmp_path, first: str, js: str, wxml: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", PAGES % '"pages/shelf/shelf"')
    repo.write("app.js", "App({})\n")
    repo.write("pages/shelf/shelf.js", "Page({})\n")
    repo.write("pages/shelf/shelf.wxml", "<view>shelf</view>\n")
    base = repo.commit("base")
    repo.write("app.json", PAGES % f'"{first}",\n    "pages/shelf/shelf"')
    repo.write(f"{first}.js", js)
    repo.write(f"{first}.wxml", wxml)
    repo.commit()
    return repo, base


def test_a_language_chooser_named_as_a_login_page_put_first_forces_no_login(tmp_path):
    repo, base = _native(tmp_path, "pages/signin/signin", LANG_JS, LANG_WXML)
    assert _login(repo, base) == set()


def test_a_chooser_named_as_a_login_page_whose_tap_logs_in_is_still_a_login_page(tmp_path):
    js = LANG_JS.replace("wx.setStorageSync('lang', lang)", "wx.login({ success: () => {} })")
    repo, base = _native(tmp_path, "pages/signin/signin", js, LANG_WXML)
    assert _login(repo, base) == {("login.login_first_page", "app.json", 3)}


def test_a_chooser_named_as_a_login_page_calling_a_login_helper_is_still_a_login_page(tmp_path):
    js = LANG_JS.replace("wx.setStorageSync('lang', lang)", "getApp().wxAuth(lang)")
    repo, base = _native(tmp_path, "pages/signin/signin", js, LANG_WXML)
    assert _login(repo, base) == {("login.login_first_page", "app.json", 3)}


UNI_PAGES = '{\n  "pages": [\n%s\n  ]\n}\n'
UNI_PAGE = '    {\n      "path": "%s",\n      "style": {}\n    }'
ROLE_VUE = ('<template>\n  <view>\n    <view @click="pick(\'buyer\')">我是买家</view>\n'
            '    <view @click="pick(\'seller\')">我是卖家</view>\n  </view>\n</template>\n'
            '<script>\nexport default {\n  methods: {\n    pick(role) {\n      uni.setStorageSync(\'role\', role)\n'
            '      uni.redirectTo({ url: \'/pages/shelf/index\' })\n    }\n  }\n}\n</script>\n')


def _uni(repo: Repo, pages: tuple[str, ...], files: dict[str, str]) -> None:
    repo.write("src/pages.json", UNI_PAGES % ",\n".join(UNI_PAGE % p for p in pages))
    repo.write("src/manifest.json", "{}\n")
    repo.write("src/App.vue", "<script>export default {}</script>\n")
    repo.write_files(files)


def test_a_role_chooser_component_named_auth_put_first_forces_no_login(tmp_path):
    repo = Repo(tmp_path / "repo")
    _uni(repo, ("pages/shelf/index",), {"src/pages/shelf/index.vue": "<template><view>shelf</view></template>\n"})
    base = repo.commit("base")
    _uni(repo, ("pages/auth/index", "pages/shelf/index"), {"src/pages/auth/index.vue": ROLE_VUE})
    repo.commit()
    assert _login(repo, base) == set()


def test_a_role_chooser_named_auth_asking_for_the_phone_is_still_a_login_page(tmp_path):
    repo = Repo(tmp_path / "repo")
    _uni(repo, ("pages/shelf/index",), {"src/pages/shelf/index.vue": "<template><view>shelf</view></template>\n"})
    base = repo.commit("base")
    vue = ROLE_VUE.replace("  </view>\n</template>",
                           '    <button open-type="getPhoneNumber">手机号</button>\n  </view>\n</template>')
    _uni(repo, ("pages/auth/index", "pages/shelf/index"), {"src/pages/auth/index.vue": vue})
    repo.commit()
    assert _login(repo, base) == {("login.login_first_page", "src/pages.json", 4)}


GATE_JS = ("Page({\n  onLoad() {\n    if (!wx.getStorageSync('sid')) {\n"
           "      wx.redirectTo({ url: '/pages/signin/signin' })\n    }\n  }\n})\n")


def _gate(tmp_path, first_before: str, gate_before: str) -> tuple[Repo, str]:
    """An app whose first page was ``first_before`` and whose shelf page's script was ``gate_before``; the change
    puts the shelf page first and gives it the no-session redirect (and one more method)."""
    repo = Repo(tmp_path / "repo")
    repo.write("app.js", "App({})\n")
    for page, js in (("signin", "Page({})\n"), ("shelf", gate_before), ("about", "Page({})\n")):
        repo.write(f"pages/{page}/{page}.js", js)
        repo.write(f"pages/{page}/{page}.wxml", f'<view>{page}<input type="password" /></view>\n'
                   if page == "signin" else f"<view>{page}</view>\n")
    others = [p for p in ("signin", "shelf", "about") if p != first_before]
    repo.write("app.json", PAGES % ",\n    ".join(f'"pages/{p}/{p}"' for p in (first_before, *others)))
    base = repo.commit("base")
    repo.write("app.json", PAGES % ",\n    ".join(f'"pages/{p}/{p}"' for p in ("shelf", "signin", "about")))
    repo.write("pages/shelf/shelf.js", GATE_JS.replace("  }\n})", "  },\n  more() { wx.navigateTo({ url: '/pages/about/about' }) }\n})"))
    repo.commit()
    return repo, base


def test_an_app_that_opened_on_its_login_page_and_now_opens_on_a_page_sending_users_there_adds_no_wall(tmp_path):
    repo, base = _gate(tmp_path, "signin", GATE_JS)
    assert _login(repo, base) == set()


def test_a_redirect_to_the_login_page_written_on_the_new_first_page_is_told_even_if_the_app_opened_on_it(tmp_path):
    repo, base = _gate(tmp_path, "signin", "Page({\n  onLoad() {}\n})\n")
    assert _login(repo, base) == {("login.forced_login", "pages/shelf/shelf.js", 3)}


def test_leads_on_reads_a_chooser_and_never_raises_on_malformed_input():
    assert leads_on(LANG_WXML, "p.wxml", LANG_JS, "p.js")
    assert not leads_on(LANG_WXML, "p.wxml", "Page({ chooseZh() {} })\n", "p.js")  # chooseEn is no handler of it
    assert not leads_on(LANG_WXML, "p.wxml", "Page({ chooseZh( { ", "p.js")
    assert not leads_on("<view bindtap=", "p.wxml", LANG_JS, "p.js")
    leads_on(ROLE_VUE.replace("<script>", "<script>\n}}{{"), "p.vue")  # tree-sitter recovers: no raise
    assert leads_on(ROLE_VUE, "p.vue")
    assert not leads_on(ROLE_VUE.replace("uni.setStorageSync", "uni.login({}); uni.setStorageSync"), "p.vue")
