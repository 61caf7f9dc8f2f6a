"""A native Mini Program whose app.json a build writes (readers/generatedapp.py): checked, and the gap said."""

from __future__ import annotations

from conftest import Repo
from helpers import cli, cli_json
from test_discovery import projects_of

SOURCES = {
    "package.json": '{"devDependencies": {"gulp": "^4.0.0"}}\n',
    "gulpfile.js": "gulp.task('copy', () => gulp.src('src/**/*').pipe(gulp.dest('dist')))\n",
    "src/app.js": "App({ onLaunch() {} })\n",
    "src/app.wxss": "page { color: #333 }\n",
    "src/pages/start/start.js": "Page({ onLoad() {} })\n",
    "src/pages/start/start.wxml": "<view>start</view>\n",
    "src/pages/login/login.js": "Page({})\n",
    "src/pages/login/login.wxml": "<view>login</view>\n",
    "src/pages/post/post.js": "Page({})\n",
    "src/pages/post/post.wxml": "<view>post</view>\n",
    "src/components/card/card.js": "Component({})\n",
    "src/components/card/card.wxml": "<view>card</view>\n",
}
TEMPLATE = '{\n  "pages": ["pages/start/start", "pages/login/login", "pages/post/post"]\n}\n'
START = ("Page({\n  onLoad() {\n    wx.redirectTo({ url: '/pages/login/login' })\n  }\n})\n")
POST = "Page({\n  pick() {\n    wx.chooseImage({ count: 1 })\n  }\n})\n"


def _change(repo: Repo, files: dict[str, str]) -> str:
    repo.write_files(files)
    base = repo.commit()
    repo.write("src/pages/start/start.js", START)
    repo.write("src/pages/post/post.js", POST)
    repo.write("src/pages/post/post.wxml", "<view bindtap=\"pick\">post</view>\n")
    repo.commit()
    return base


def test_pages_and_entry_page_are_read_from_a_template_app_json_the_build_copies_in(repo):
    base = _change(repo, {**SOURCES, "templates/app.json": TEMPLATE})
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    found = {(f["rule"], f["path"], f["line"]) for f in data["findings"]}
    assert ("privacy.album", "src/pages/post/post.js", 3) in found
    # the entry page is known from the template: its load hook sending everyone to login is a forced login
    assert ("login.forced_login", "src/pages/start/start.js", 3) in found
    assert not any(rule.startswith("completeness.") for rule, _path, _line in found)
    assert data["errors"] == [{"path": "src", "message": "no app.json beside src/app.js; pages and entry page read "
                                                         "from templates/app.json (a build writes the app's "
                                                         "app.json); its other app settings are not checked"}]
    assert data["projects"] == [{"root": "src", "framework": "native"}]


def test_without_any_app_json_files_are_checked_on_their_own_and_page_checks_skipped(repo):
    base = _change(repo, SOURCES)
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    found = {(f["rule"], f["path"], f["line"]) for f in data["findings"]}
    assert ("privacy.album", "src/pages/post/post.js", 3) in found
    # which page opens first is unknown: a page's redirect to login is not told as a forced login
    assert not any(path == "src/pages/start/start.js" for _rule, path, _line in found)
    assert data["errors"] == [{"path": "src", "message": "no app.json beside src/app.js and no app configuration "
                                                         "elsewhere names pages under src (written at build time?): "
                                                         "page registration unknown, page-level checks skipped; "
                                                         "files are checked on their own"}]
    assert data["answers"]["privacy"] != "no"


def test_a_web_app_with_an_app_js_and_no_wxml_is_still_no_mini_program(repo):
    repo.write_files({"package.json": '{"dependencies": {"express": "^4.0.0"}}\n', "app.js": "const a = 1\n",
                      "public/index.html": "<html></html>\n", "views/home.html": "<p>home</p>\n",
                      "config/app.json": '{"pages": ["views/home"]}\n'})
    base = repo.commit()
    repo.write("app.js", "const a = 2\n")
    repo.commit()
    code, _out, err = cli("diff", "--repo", str(repo.path), "--base", base)
    assert code == 2
    assert err.startswith("mp-precheck: no Mini Program found at HEAD")
    assert "Traceback" not in err


def test_the_app_folder_is_the_nearest_app_js_above_the_wxml_outside_vendored_and_build_folders(repo):
    repo.write_files({"app.js": "require('express')().listen(3000)\n",  # a server beside the Mini Program
                      "client/app.js": "App({})", "client/pages/a/a.js": "Page({})",
                      "client/pages/a/a.wxml": "<view/>",
                      "node_modules/kit/app.js": "App({})", "node_modules/kit/pages/x/x.wxml": "<view/>",
                      "dist/app.js": "App({})", "dist/pages/a/a.wxml": "<view/>"})
    repo.commit()
    [project] = projects_of(repo)
    assert (project.root, project.framework, project.pages, project.entry_page) == ("client", "native", (), None)
    assert project.owns("client/pages/a/a.js") and not project.owns("app.js")


def test_a_config_whose_pages_are_not_the_folders_is_not_read(repo):
    repo.write_files({"src/app.js": "App({})", "src/pages/a/a.js": "Page({})", "src/pages/a/a.wxml": "<view/>",
                      "docs/app.json": '{"pages": ["pages/other/other", "pages/a/a"]}',
                      "templates/app.json": '{"pages": ["pages/a/a",',  # malformed: passed over
                      "config/app.dev.json": '{"pages": ["pages/a/a", "pages/b/b"], "entryPagePath": "pages/b/b"}'})
    repo.commit()
    [project] = projects_of(repo)
    # the first page of docs/app.json has no files under src/; config/app.dev.json's first page does
    assert (project.pages, project.entry_page) == (("pages/a/a", "pages/b/b"), "pages/b/b")
    assert "read from config/app.dev.json" in project.errors[0]


def test_a_project_discovery_knows_is_left_as_it_was(repo):
    repo.write_files({"src/app.js": "App({})", "src/pages/a/a.wxml": "<view/>", "src/pages/a/a.js": "Page({})",
                      "templates/app.json": '{"pages": ["pages/a/a"]}',
                      "mini/app.json": '{"pages": ["pages/b/b"]}', "mini/app.js": "App({})"})
    repo.commit()
    assert [(p.root, p.pages, p.errors) for p in projects_of(repo)] == [("mini", ("pages/b/b",), ())]


def test_a_page_skeleton_with_neither_app_js_nor_app_json_is_the_mini_program_its_pages_make(repo):
    # a team commits its new app's pages before the app files: what the pages add is still told
    repo.write_files({"server/index.js": "module.exports = {}\n"})
    base = repo.commit()
    repo.write_files({
        "client/rider/pages/checkin/checkin.js": "Page({\n  onLoad() {\n    wx.getLocation({ type: 'gcj02' })\n  }\n})\n",
        "client/rider/pages/checkin/checkin.wxml": "<view>签到</view>\n",
        "client/rider/pages/done/done.js": "Page({})\n",
        "client/rider/pages/done/done.wxml": "<view>完成</view>\n",
    })
    repo.commit()
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    found = {(f["rule"], f["path"], f["line"]) for f in data["findings"]}
    assert ("privacy.location", "client/rider/pages/checkin/checkin.js", 3) in found
    assert data["projects"] == [{"root": "client/rider", "framework": "native"}]
    assert data["errors"][0]["message"].startswith("no app.json beside the pages of client/rider (no app.js yet)")


def test_wxml_outside_any_pages_folder_without_an_app_js_is_still_no_mini_program(repo):
    repo.write_files({"server/index.js": "module.exports = {}\n"})
    base = repo.commit()
    repo.write_files({"docs/snippets/card.wxml": "<view>card</view>\n", "docs/snippets/card.js": "wx.getLocation()\n"})
    repo.commit()
    code, _out, err = cli("diff", "--repo", str(repo.path), "--base", base)
    assert code == 2
    assert "no Mini Program found" in err
