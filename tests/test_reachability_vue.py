"""uni-app and mpvue: a plain script the change adds ships only when something imports it
(core/reachability.py)."""

from __future__ import annotations

from helpers import found, run

UPLOADER = "export default {\n  upload(p) {\n    return uni.uploadFile({ url: 'https://up.example.com', filePath: p })\n  }\n}\n"


def _uni_app(repo):
    repo.write_files({
        "pages.json": '{"pages": [{"path": "pages/index/index"}]}',
        "App.vue": "<script>export default {}</script>\n",
        "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
        "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    })
    return repo.commit("app")


def test_a_vendored_sdk_nothing_imports_is_left_out_of_a_uni_app(repo):
    base = _uni_app(repo)
    repo.write("common/uploaderSdk.js", UPLOADER)
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "upload"] == []


def test_a_script_a_uni_app_page_imports_is_reported(repo):
    base = _uni_app(repo)
    repo.write("common/uploaderSdk.js", UPLOADER)
    repo.write("pages/index/index.vue", "<template><view>home</view></template>\n"
                                        "<script>\nimport sdk from '@/common/uploaderSdk.js'\n"
                                        "export default { methods: { go(p) { sdk.upload(p) } } }\n</script>\n")
    repo.commit()
    assert ("upload.upload_file", "common/uploaderSdk.js", 3, "app") in found(run(repo.path, base))


def test_a_script_named_by_a_script_src_block_is_reported(repo):
    base = _uni_app(repo)
    repo.write("common/uploaderSdk.js", UPLOADER)
    repo.write("components/up.vue", "<template><view/></template>\n<script src=\"../common/uploaderSdk.js\"></script>\n")
    repo.write("pages/index/index.vue", "<template><up/></template>\n"
                                        "<script>\nimport up from '@/components/up.vue'\n"
                                        "export default { components: { up } }\n</script>\n")
    repo.commit()
    assert ("upload.upload_file", "common/uploaderSdk.js", 3, "app") in found(run(repo.path, base))


def test_the_entry_script_of_a_uni_app_is_kept(repo):
    base = _uni_app(repo)
    repo.write("main.js", "import Vue from 'vue'\nimport App from './App'\n"
                          "uni.uploadFile({ url: 'https://up.example.com', filePath: 'x' })\n")
    repo.commit()
    assert ("upload.upload_file", "main.js", 3, "app") in found(run(repo.path, base))


PICKER_PAGE = "<template><view @tap=\"pick\">选择</view></template>\n<script>\nexport default {\n" \
              "  methods: { pick() { uni.chooseAddress({}) } }\n}\n</script>\n"


def test_a_uni_app_page_is_told_by_the_change_that_registers_it(repo):
    _uni_app(repo)
    repo.write("pages/address/pick.vue", PICKER_PAGE)
    written = repo.commit()
    repo.write("pages.json", '{"pages": [{"path": "pages/index/index"}, {"path": "pages/address/pick"}]}')
    repo.commit()
    assert ("privacy.address", "pages/address/pick.vue", 4, "app") in found(run(repo.path, written))


def test_a_registered_page_the_change_leaves_alone_is_not_told_again(repo):
    _uni_app(repo)
    repo.write_files({"pages/address/pick.vue": PICKER_PAGE,
                      "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/address/pick"}]}'})
    registered = repo.commit()
    repo.write("pages.json", '{"pages": [{"path": "pages/address/pick"}, {"path": "pages/index/index"}]}')
    repo.commit()
    assert not any(f[0] == "privacy.address" for f in found(run(repo.path, registered)))
