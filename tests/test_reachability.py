"""Scripts a change adds that nothing loads are not yet part of the app (core/reachability.py)."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.core.reachability import unreferenced_scripts
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.discovery import Project
from test_frameworks import UNI_BASE

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


PROXY = {  # a development proxy kept beside the app: Node runs it, the app never loads it
    "proxy/server.js": "const Koa = require('koa')\nconst { UPSTREAM } = require('./upstream')\n"
                       "new Koa().use((ctx) => ctx.redirect(UPSTREAM)).listen(3000)\n",
    "proxy/upstream.js": "const mirrors = require('./mirrors')\nmodule.exports.UPSTREAM = mirrors[0]\n"
                         "module.exports.APP_SECRET = '0123456789abcdef0123456789abcdef'\n",
    "proxy/mirrors.js": "module.exports = ['https://mirror-one.example.org', 'https://mirror-two.example.org']\n",
}


def test_modules_only_a_node_script_beside_the_app_requires_add_no_server_domain(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(PROXY)
    app_repo.commit()
    # the upstream hosts are the proxy's, not requests of the Mini Program; the key is exposed all the same
    assert {(rule, path) for rule, path, _line, _scope in found(run(app_repo.path, base))} == \
        {("policy.client_secret", "proxy/upstream.js")}


def test_a_module_the_app_requires_too_is_the_apps(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**PROXY, "pages/me/me.js": "const mirrors = require('../../proxy/mirrors')\n"
                                                     "Page({ onLoad() { wx.request({ url: mirrors[1] }) } })\n"})
    app_repo.commit()
    hosts = {subject for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"
             for subject in [f.subject]}
    assert hosts == {"host:mirror-one.example.org", "host:mirror-two.example.org"}


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


# -- uni-app component files no page, component or app registration reaches ---------------------------------------

SCANNER = ("<template>\n  <view @tap=\"scan\">扫码</view>\n</template>\n<script>\nimport { send } from './sender.js'\n"
           "export default {\n  methods: {\n    scan() {\n      uni.scanCode({ success: (r) => send(r.result) })\n"
           "    }\n  }\n}\n</script>\n")
SENDER = "export function send(text) {\n  return uni.uploadFile({ url: 'https://files.example.org/up', name: text })\n}\n"
PICKER = ("<template>\n  <view @tap=\"pick\">+</view>\n</template>\n<script>\nexport default {\n  methods: {\n"
          "    pick() {\n      uni.chooseLocation({})\n    }\n  }\n}\n</script>\n")


def _kit(main: str) -> dict[str, str]:
    """A kit of two variants in one folder of ``components/`` (no easycom place: the folder does not name them),
    the remote one requiring a sender script, and the app entry ``main``."""
    return {"src/components/qr-kit/qr-kit-plain.vue": PICKER,
            "src/components/qr-kit/qr-kit-remote.vue": SCANNER, "src/components/qr-kit/sender.js": SENDER,
            "src/main.js": main}


MAIN = "import Vue from 'vue'\nimport App from './App'\n{imports}\nconst app = new Vue({{ ...App }})\napp.$mount()\n"


def test_a_kit_variant_whose_registration_is_commented_out_and_the_script_only_it_loads_are_left_out(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write_files(_kit(MAIN.format(imports=(
        "import Plain from './components/qr-kit/qr-kit-plain.vue'\n"
        "// import Remote from './components/qr-kit/qr-kit-remote.vue'\n"
        "Vue.component('qr-plain', Plain)\n// Vue.component('qr-remote', Remote)"))))
    repo.commit()
    hits = found(run(repo.path, base))
    assert ("privacy.choose_location", "src/components/qr-kit/qr-kit-plain.vue", 8, "app") in hits  # registered: ships
    # Of the unreached pair only the host is told (a server domain is judged for the whole app: module docstring).
    assert {(rule, path) for rule, path, _line, _scope in hits if "remote" in path or "sender" in path} == \
        {("external_link.domain", "src/components/qr-kit/sender.js")}


@pytest.mark.parametrize("files", [
    # registered globally in main.js, used by no page yet
    {"src/main.js": MAIN.format(imports="import Remote from './components/qr-kit/qr-kit-remote.vue'\n"
                                        "Vue.component('qr-remote', Remote)")},
    # imported by a page
    {"src/pages/me/me.vue": "<template><qr-remote /></template>\n<script>\n"
                            "import QrRemote from '@/components/qr-kit/qr-kit-remote.vue'\n"
                            "export default { components: { QrRemote } }\n</script>\n"},
    # used by its own tag
    {"src/pages/me/me.vue": "<template><view><qr-kit-remote></qr-kit-remote></view></template>\n"},
    # a custom easycom rule gives it a tag, which a page writes
    {"src/pages.json": '{\n  "easycom": { "custom": { "^qr-(.*)": "@/components/qr-kit/qr-kit-$1.vue" } },\n'
                       '  "pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}]\n}\n',
     "src/pages/me/me.vue": "<template><view><qr-remote /></view></template>\n"},
    # a folder glob registers every file of the folder
    {"src/main.js": MAIN.format(imports="const found = require.context('./components', true, /\\.vue$/)")},
])
def test_a_kit_component_something_registers_imports_or_renders_is_part_of_the_app(repo, files):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write_files({**_kit(MAIN.format(imports="")), **files})
    repo.commit()
    hits = found(run(repo.path, base))
    assert ("upload.upload_file", "src/components/qr-kit/sender.js", 2, "app") in hits


@pytest.mark.parametrize(("page", "ships"), [("<view><QrScan /></view>", True), ("<view>我的</view>", False)])
def test_a_component_at_an_easycom_place_ships_once_a_page_writes_its_tag(repo, page, ships):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write_files({"src/components/qr-scan/qr-scan.vue": SCANNER, "src/components/qr-scan/sender.js": SENDER,
                      "src/pages/me/me.vue": f"<template>{page}</template>\n"})
    repo.commit()
    hits = found(run(repo.path, base))
    assert (("upload.upload_file", "src/components/qr-scan/sender.js", 2, "app") in hits) is ships
