"""Another Mini Program inside the project's folder (an SDK's bundled demo app, with its own app.json and
app.js) is not part of the app: its files are not the project's, and its WeChat-named title, requests and
uploads are not reported; the project's own pages still are."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from test_discovery import projects_of

DEMO = "wx-app/utils/upload-sdk-master/demo/upload-demo"


def _app(repo: Repo) -> None:
    repo.write("project.config.json", '{"miniprogramRoot": "wx-app/"}\n')
    repo.write("wx-app/app.json", '{\n  "pages": ["pages/index/index"]\n}\n')
    repo.write("wx-app/app.js", "App({})\n")
    repo.write("wx-app/pages/index/index.js", "Page({})\n")
    repo.write("wx-app/pages/index/index.wxml", "<view>home</view>\n")


def test_an_sdk_demo_app_inside_the_project_is_not_reported(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo)
    base = repo.commit("base")
    repo.write(f"{DEMO}/app.json", '{\n  "pages": ["pages/index/index"],\n  "window": {\n'
                                   '    "navigationBarTitleText": "WeChat"\n  }\n}\n')
    repo.write(f"{DEMO}/app.js", "App({ onLaunch() { wx.getUserInfo({ success() {} }) } })\n")
    repo.write(f"{DEMO}/pages/index/index.js",
               "Page({ pick() { wx.chooseImage({ success(r) { wx.uploadFile({ url: 'https://yourserver.com/up',"
               " filePath: r.tempFilePaths[0], name: 'file' }) } }) } })\n")
    repo.write("wx-app/pages/index/index.wxml", "<view>home</view>\n<text>微信官方认证</text>\n")
    repo.commit("vendor the SDK with its demo")
    found = {(f.rule, f.path) for f in run(repo.path, base).findings}
    assert not [path for _, path in found if path.startswith(DEMO)]
    assert ("branding.brand_text", "wx-app/pages/index/index.wxml") in found


def test_the_project_records_the_nested_app_and_keeps_its_own_folder(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo)
    repo.write(f"{DEMO}/app.json", '{"pages": ["pages/index/index"]}\n')
    repo.write(f"{DEMO}/app.js", "App({})\n")
    repo.write("wx-app/utils/config/app.json", '{"note": "settings, not an app"}\n')
    repo.commit()
    [project] = projects_of(repo)
    assert project.nested_roots == (DEMO,)
    assert not project.owns(f"{DEMO}/pages/index/index.js")
    assert project.owns("wx-app/pages/index/index.js") and project.owns("wx-app/utils/config/app.json")
