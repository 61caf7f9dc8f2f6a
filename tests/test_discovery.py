from __future__ import annotations

from helpers import run
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.discovery import discover


def projects_of(repo):
    git = GitRepo(repo.path)
    tree = {e.path: e for e in git.ls_tree("HEAD")}

    def read(path: str) -> str | None:
        return git.read_blobs([tree[path].blob])[tree[path].blob].decode() if path in tree else None

    return discover(tree.values(), read)


def test_miniprogram_root_from_project_config(repo):
    repo.write_files({
        "project.config.json": '{"miniprogramRoot": "miniprogram/", "cloudfunctionRoot": "cloudfunctions/",'
                               ' "appid": "wx123"}',
        "miniprogram/app.json": '{"pages": ["pages/a/a"], "subPackages": [{"root": "pkg", "pages": ["b/b"]}],'
                                ' "entryPagePath": "pkg/b/b"}',
        "miniprogram/app.js": "App({})",
    })
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.cloud_root) == ("miniprogram", "native", "cloudfunctions")
    assert project.pages == ("pages/a/a", "pkg/b/b")
    assert project.entry_page == "pkg/b/b"
    assert project.owns("miniprogram/pages/a/a.js")
    assert not project.owns("miniprogram/miniprogram_npm/vant/button.js")
    assert not project.owns("cloudfunctions/login/index.js")


def test_app_json_without_project_config_and_several_apps(repo):
    repo.write_files({
        "apps/shop/app.json": '{"pages": ["pages/index/index"], "subpackages": [{"root": "sub", "pages": ["x"]}]}',
        "apps/shop/app.js": "App({})",
        "apps/admin/app.json": '{"pages": ["pages/home/home"]}',
        "apps/admin/app.ts": "App({})",
        "node_modules/pkg/app.json": '{"pages": []}',
        "node_modules/pkg/app.js": "",
        "docs/app.json": '{"not": "a mini program"}',
    })
    repo.commit()
    found = {(p.root, p.pages) for p in projects_of(repo)}
    assert found == {("apps/admin", ("pages/home/home",)), ("apps/shop", ("pages/index/index", "sub/x"))}


def test_malformed_app_json_is_reported_not_fatal(repo):
    repo.write_files({"app.json": '{"pages": [', "app.js": "App({})"})
    repo.commit()
    [project] = projects_of(repo)
    assert project.errors == ("app.json is not valid JSON: Expecting ']' before the end of the file at line 1 column 12",)


def test_an_app_json_with_a_trailing_comma_still_names_its_pages(repo):
    repo.write_files({"app.json": '{"pages": ["pages/home/home", "pages/me/me",]}', "app.js": "App({})"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.pages, project.entry_page) == (("pages/home/home", "pages/me/me"), "pages/home/home")
    assert project.errors == ("app.json is not valid JSON: Expecting value at line 1 column 45; WeChat's tools will "
                              "not compile it — the rest was read leniently (as JSON5)",)


def test_uni_app_project_and_build_output_excluded(repo):
    repo.write_files({
        "src/pages.json": '// comment\n{"pages": [{"path": "pages/index/index"},]}',
        "src/manifest.json": "{}",
        "dist/build/mp-weixin/app.json": '{"pages": ["pages/index/index"]}',
        "dist/build/mp-weixin/app.js": "",
    })
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.pages) == ("", "uni-app", ("pages/index/index",))
    assert not project.owns("dist/build/mp-weixin/app.js")


def test_uni_app_without_manifest_json_found_by_its_root_component(repo):
    # manifest.json holds the appid and is often left out of the repository: pages.json beside App.vue is
    # still uni-app's.
    repo.write_files({
        "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}]}',
        "App.vue": "<script>export default {}</script>",
        "main.js": "import App from './App'",
        "pages/index/index.vue": "<template><view/></template>",
    })
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.entry_page) == ("", "uni-app", "pages/index/index")
    assert project.pages == ("pages/index/index", "pages/me/me")


def test_pages_json_alone_is_no_uni_app(repo):
    # A data file that happens to be called pages.json (a CMS export, a docs site) marks no Mini Program.
    repo.write_files({"content/pages.json": '{"pages": [{"path": "about"}]}', "content/index.js": ""})
    repo.commit()
    assert projects_of(repo) == []


def test_mpvue_source_app_json_beside_main_js_and_app_vue(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"mpvue": "^2.0.0"}}',
        "project.config.json": '{"miniprogramRoot": "dist/wx/", "appid": "wx123"}',
        "src/app.json": '{"pages": ["pages/index/main", "pages/me/main"]}',
        "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
        "src/App.vue": "<script>export default {}</script>\n",
        "src/pages/index/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
        "src/pages/index/index.vue": "<template><div>hi</div></template>\n",
        "dist/wx/app.json": '{"pages": ["pages/index/main"]}',
        "dist/wx/app.js": "App({})",
    })
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.app_config) == ("", "mpvue", "src/app.json")
    assert project.pages == ("pages/index/main", "pages/me/main")
    assert project.entry_page == "pages/index/main"
    assert project.owns("src/pages/index/index.vue")
    assert not project.owns("dist/wx/app.js")


def test_a_plain_app_json_beside_app_js_is_still_native(repo):
    repo.write_files({"src/app.json": '{"pages": ["pages/a/a"]}', "src/app.js": "App({})",
                      "src/main.js": "console.log(1)\n"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework) == ("src", "native")


def test_a_native_app_in_a_framework_scaffold_is_found_where_it_is(repo):
    # A WePY scaffold (package.json, wepy.config.js, project.config.json → the untracked dist/) whose app is
    # written natively in src/: the app is src/, not an empty WePY project at the root.
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.6.0"}}', "wepy.config.js": "module.exports = {}",
                      "project.config.json": '{"miniprogramRoot": "./dist", "appid": "touristappid"}',
                      "src/app.json": '{"pages": ["pages/index/index"]}', "src/app.js": "App({})",
                      "src/pages/index/index.js": "Page({})"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.pages) == ("src", "native", ("pages/index/index",))


def test_a_wepy_app_written_as_vue_files_gives_its_pages_from_src_app_vue(repo):
    # WePY 1.x with wpyExt '.vue': the App class and its config live in src/app.vue, not app.wpy.
    app = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
           "  config = {\n    pages: ['pages/index', 'pages/login']\n  }\n}\n</script>\n")
    repo.write_files({"package.json": '{"dependencies": {"wepy": "^1.7.0"}}', "wepy.config.js": "module.exports = {}",
                      "src/app.vue": app, "src/pages/index.vue": "<template><view/></template>"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.framework, project.pages, project.entry_page) == ("wepy", ("pages/index", "pages/login"),
                                                                      "pages/index")


def test_a_framework_build_output_is_no_native_app_of_a_package_named_project(repo):
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "^2.0.0"}}',
                      "dist/app.json": '{"pages": ["pages/index/index"]}', "dist/app.js": "App({})"})
    repo.commit()
    assert [(p.root, p.framework) for p in projects_of(repo)] == [("", "taro")]


def test_app_js_without_app_json_is_a_project_without_pages_and_says_so(repo):
    repo.write_files({"project.config.json": '{"appid": "wx123", "compileType": "miniprogram"}',
                      "app.js": "App({})", "pages/a/a.js": "Page({})"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.pages, project.app_config) == ("", "native", (), None)
    assert project.errors == ("app.json not found (next to app.js): pages and app settings unknown; "
                              "files are checked on their own",)
    assert project.owns("pages/a/a.js")


def test_a_demo_mini_program_copied_in_with_an_sdk_is_not_part_of_the_app(repo):
    repo.write_files({
        "project.config.json": '{"miniprogramRoot": "app/"}',
        "app/app.json": '{"pages": ["pages/index/index"]}',
        "app/app.js": "App({})",
        "app/pages/index/index.js": "Page({})",
        "app/utils/uploader-sdk/demo/app.json": '{"pages": ["pages/index/index"]}',
        "app/utils/uploader-sdk/demo/app.js": "App({})",
        "app/utils/uploader-sdk/demo/pages/index/index.js": "Page({})",
        "app/utils/uploader-sdk/sdk/uploader.js": "module.exports = {}",
        "app/utils/uploader-sdk/sdk/uploader.min.js": "module.exports={}",
        "app/utils/uploader-sdk/sdk/other-min.js": "module.exports={}",
    })
    repo.commit()
    [project] = projects_of(repo)
    assert project.nested_roots == ("app/utils/uploader-sdk/demo",)
    assert project.owns("app/pages/index/index.js")
    assert not project.owns("app/utils/uploader-sdk/demo/pages/index/index.js")
    assert not project.owns("app/utils/uploader-sdk/demo/app.json")
    assert project.owns("app/utils/uploader-sdk/sdk/uploader.js")
    assert not project.owns("app/utils/uploader-sdk/sdk/uploader.min.js")
    assert project.owns("app/utils/uploader-sdk/sdk/other-min.js")  # no readable twin: the only copy


def test_a_ui_kit_copied_in_by_hand_is_not_the_apps_code_but_its_use_is(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("lib/vant-weapp/uploader/index.js",
                   "Component({ methods: { pick() { wx.chooseMessageFile({ count: 1 }) } } })\n")
    app_repo.write("pages/me/me.json", '{"usingComponents": {"van-uploader": "/lib/vant-weapp/uploader/index"}}')
    app_repo.write("pages/me/me.wxml", '<van-uploader bind:after-read="afterRead"/>\n')
    app_repo.commit("vendor vant and use its uploader")
    found = {(f.rule, f.path) for f in run(app_repo.path, base).findings}
    assert not any(path.startswith("lib/vant-weapp/") for _, path in found)
    assert ("privacy.album", "pages/me/me.wxml") in found


def test_an_mpx_app_reads_the_json_its_block_names_and_the_pages_of_its_packages(repo):
    repo.write_files({
        "package.json": '{"dependencies": {"@mpxjs/core": "^2.9.0"}}',
        "src/app.mpx": '<script>\ncreateApp({})\n</script>\n<script name="json" src="./app.config.js">\n</script>\n',
        "src/app.config.js": "module.exports = {\n  pages: ['./pages/work/index'],\n  packages: [\n"
                             "    './pagesMine/app.mpx?root=pagesMine',\n    './shared/index?lazy=1',\n"
                             "    '@team/orders/app.mpx?root=orders'\n  ]\n}\n",
        "src/pagesMine/app.mpx": '<script type="application/json">\n{ "pages": ["./login/index"] }\n</script>\n',
        "src/shared/index.mpx": '<script type="application/json">\n{ "pages": ["./pages/help/index"] }\n</script>\n',
    })
    repo.commit()
    [project] = projects_of(repo)  # no Taro project from app.config.js, no second project for package.json
    assert (project.root, project.framework, project.app_config) == ("src", "mpx", "src/app.config.js")
    assert project.pages == ("pages/work/index", "pagesMine/login/index", "pages/help/index")
    assert project.entry_page == "pages/work/index"


def test_an_mpx_app_without_packages_registers_its_own_pages_only(repo):
    repo.write_files({
        "src/app.mpx": '<script type="application/json">\n{ "pages": ["./pages/index"] }\n</script>\n',
        "src/other/app.mpx": '<script type="application/json">\n{ "pages": ["./x/index"] }\n</script>\n',
    })
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.pages, project.app_config) == ("src", ("pages/index",), "src/app.mpx")


MPVUE1_CONFIG = ("import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n"
                 "export default {\n  config: {\n    pages: ['pages/about/main', '^pages/feed/main'],\n"
                 "    window: { navigationBarTitleText: 'feed' }\n  }\n}\n")
MPVUE1_PAGE = "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n"


def test_mpvue_1_pages_from_main_js_config_and_the_page_entries_webpack_adds(repo):
    """mpvue 1.x writes app.json from ``src/main.js``'s config: the page marked ``^`` opens first, and the build
    adds every ``src/pages/**/main.js`` the list leaves out; an mpvue app whose main.js names no pages has none."""
    repo.write_files({"package.json": '{"dependencies": {"mpvue": "^1.0.11"}}', "src/App.vue": "<script></script>",
                      "src/main.js": MPVUE1_CONFIG, "src/pages/feed/main.js": MPVUE1_PAGE,
                      "src/pages/about/main.js": MPVUE1_PAGE, "src/pages/user/orders/main.js": MPVUE1_PAGE,
                      "src/pages/feed/index.vue": "<template><div>feed</div></template>"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.framework, project.entry_page) == ("mpvue", "pages/feed/main")
    assert project.pages == ("pages/feed/main", "pages/about/main", "pages/user/orders/main")
    repo.write("src/main.js", "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n")
    repo.commit()
    [project] = projects_of(repo)
    assert (project.pages, project.entry_page) == ((), None)
