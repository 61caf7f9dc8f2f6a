"""Scripts a change adds that nothing loads are not yet part of the app (core/reachability.py)."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.core.reachability import unreferenced_scripts
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.discovery import Project

UPLOADER = "module.exports = {\n  upload(p) {\n    return wx.uploadFile({ url: 'https://up.example.com', filePath: p })\n  }\n}\n"


def test_a_copy_of_a_library_that_nothing_requires_is_left_out_and_the_loaded_copy_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/uploader.js", UPLOADER)
    app_repo.write("utils/uploader-sdk-master/sdk/uploader.js", UPLOADER)   # the library's own copies
    app_repo.write("utils/uploader-sdk-master/dist/uploader.min.js", UPLOADER)
    app_repo.write("pages/me/me.js", "const uploader = require('../../utils/uploader')\n"
                                     "Page({ send(p) { uploader.upload(p) } })\n")
    app_repo.commit()
    paths = {path for _rule, path, _line, _scope in found(run(app_repo.path, base))}
    assert "utils/uploader.js" in paths
    assert not any(path.startswith("utils/uploader-sdk-master/") for path in paths)


@pytest.mark.parametrize("files", [
    # loaded through another new script that a page loads
    {"utils/media.js": "import uploader from './uploader'\nexport const send = (p) => uploader.upload(p)\n",
     "pages/me/me.js": "import { send } from '../../utils/media'\nPage({ go(p) { send(p) } })\n"},
    # required by a name that resolves to no file (from the package root): kept when unsure
    {"pages/me/me.js": "const uploader = require('utils/uploader.js')\nPage({ go(p) { uploader.upload(p) } })\n"},
])
def test_a_script_something_loads_is_part_of_the_app(app_repo, files):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/uploader.js": UPLOADER, **files})
    app_repo.commit()
    assert ("upload.upload_file", "utils/uploader.js", 3, "app") in found(run(app_repo.path, base))


def test_an_index_script_loaded_by_its_own_name_from_its_folder_is_part_of_the_app(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "utils/net/index.js": UPLOADER,  # named ./index by its neighbour, never by its folder's name
        "utils/net/media.js": "import uploader from './index'\nexport const send = (p) => uploader.upload(p)\n",
        "pages/me/me.js": "import { send } from '../../utils/net/media'\nPage({ go(p) { send(p) } })\n"})
    app_repo.commit()
    assert ("upload.upload_file", "utils/net/index.js", 3, "app") in found(run(app_repo.path, base))


def test_nothing_loads_a_new_script_yet_then_the_change_that_loads_it_is_told(app_repo):
    first = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/uploader.js", UPLOADER)
    second = app_repo.commit("add the uploader")
    assert [f for f in run(app_repo.path, first).findings if f.family == "upload"] == []
    app_repo.write("pages/me/me.js", "const uploader = require('../../utils/uploader')\n"
                                     "Page({ send(p) { uploader.upload(p) } })\n")
    app_repo.commit("use it")
    # Told as a new call site: the unchanged uploader counts as the app's already (presence is not traced).
    assert {(rule, path, line) for rule, path, line, _scope in found(run(app_repo.path, second))} == \
        {("upload.upload_file", "pages/me/me.js", 2)}


def test_a_secret_in_a_script_nothing_loads_is_still_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("utils/wxapi.js", "const APP_SECRET = '0123456789abcdef0123456789abcdef'\n"
                                     "module.exports = { APP_SECRET }\n")
    app_repo.commit()
    assert {(rule, path) for rule, path, _line, _scope in found(run(app_repo.path, base))} == \
        {("policy.client_secret", "utils/wxapi.js")}


def test_loading_the_minified_copy_loads_the_readable_twin_the_tool_reads(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"lib/uploader.js": UPLOADER, "lib/uploader.min.js": UPLOADER,
                          "pages/me/me.js": "const up = require('../../lib/uploader.min.js')\nPage({ go(p) { up.upload(p) } })\n"})
    app_repo.commit()
    assert ("upload.upload_file", "lib/uploader.js", 3, "app") in found(run(app_repo.path, base))


def test_cloud_functions_and_workers_are_not_scripts_the_app_must_load():
    project = Project(root="", framework="native", app_config="app.json", pages=("pages/index/index",),
                      cloud_root="cloud")
    added = ["cloud/post/index.js", "workers/fetch/index.js", "utils/orphan.js"]
    tree = {path: TreeEntry(path=path, mode="100644", blob="0" * 40, size=1) for path in added}
    assert unreferenced_scripts(project, {}, added, tree, grep=lambda names: {}, facts_of=lambda paths: {}) == \
        {"utils/orphan.js"}


def test_other_frameworks_are_not_judged():
    project = Project(root="", framework="taro", app_config="src/app.config.ts")
    tree = {"src/utils/orphan.js": TreeEntry(path="src/utils/orphan.js", mode="100644", blob="0" * 40, size=1)}
    assert unreferenced_scripts(project, {}, list(tree), tree, grep=lambda names: {}, facts_of=lambda paths: {}) == set()


TARO_APP = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
    "project.config.json": '{"miniprogramRoot": "dist/"}\n',
    "src/app.config.ts": "export default {\n  pages: ['pages/index/index'],\n}\n",
    "src/pages/index/index.tsx": "export default function Index() { return null }\n",
}
PHONE_PAGE = ("<template>\n  <view>\n    <button open-type=\"getPhoneNumber\" @getphonenumber=\"bind\">绑定手机</button>\n"
              "  </view>\n</template>\n<script setup>\nconst bind = () => {}\n</script>\n")


def test_a_page_written_before_it_is_registered_is_told_when_registered(repo):
    """Taro builds only the pages ``app.config`` lists: the page file is no part of the app until the change that
    registers it, which touches only the page list; that change is where its code is told."""
    repo.write_files(TARO_APP)
    base = repo.commit()
    repo.write("src/pages/login/index.vue", PHONE_PAGE)
    written = repo.commit()
    assert not any(f[0] == "privacy.phone_number" for f in found(run(repo.path, base)))
    repo.write("src/app.config.ts", "export default {\n  pages: ['pages/index/index', 'pages/login/index'],\n}\n")
    repo.commit()
    assert ("privacy.phone_number", "src/pages/login/index.vue", 3, "app") in found(run(repo.path, written))


def test_a_page_registered_again_under_a_partly_computed_list_is_not_told_again(repo):
    """A base page list the config partly computes may have held the page: registering it as a literal tells
    nothing new."""
    repo.write_files({**TARO_APP, "src/app.config.ts": "export default {\n  pages: ['pages/index/index', ...more],\n}\n",
                      "src/pages/login/index.vue": PHONE_PAGE})
    base = repo.commit()
    repo.write("src/app.config.ts", "export default {\n  pages: ['pages/index/index', 'pages/login/index'],\n}\n")
    repo.commit()
    assert not any(f[0] == "privacy.phone_number" for f in found(run(repo.path, base)))
