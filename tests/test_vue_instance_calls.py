"""``Vue.prototype.$api = api`` in the Vue entry script: a component's ``this.$api.method()`` calls that
module's method, followed like an imported one (readers/jsexports.py ``prototype_members``, facts/store.py)."""

from __future__ import annotations

from helpers import found, run

API = """export default {
  uploadImg(path) {
    return uni.uploadFile({ url: 'https://api.shop-example.cn/up', filePath: path, name: 'file' })
  },
  list() {
    return uni.request({ url: 'https://api.shop-example.cn/list' })
  }
}
"""
MAIN = "import Vue from 'vue'\nimport App from './App'\nimport api from './api/index.js'\n%s\nnew Vue({ ...App }).$mount()\n"


def _uni_app(repo, install: str) -> str:
    repo.write_files({
        "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}]}',
        "manifest.json": "{}",
        "App.vue": "<script>export default {}</script>\n",
        "main.js": MAIN % install,
        "api/index.js": API,
        "pages/index/index.vue": "<template><view/></template>\n<script>\nimport api from '@/api/index.js'\n"
                                 "export default { onLoad() { api.list() } }\n</script>\n",
    })
    return repo.commit("app")


def _page(repo, body: str) -> set[tuple[str, str, int]]:
    repo.write("pages/me/me.vue", "<template><view @tap=\"go\">me</view></template>\n<script>\n"
                                  f"export default {{ methods: {{ go(p) {{\n  {body}\n}} }} }}\n</script>\n")
    repo.commit()
    return {(rule, path, line) for rule, path, line, _scope in found(run(repo.path, "HEAD~1"))
            if rule.startswith("upload.")}


def test_an_instance_property_module_call_counts_its_upload(repo):
    _uni_app(repo, "Vue.prototype.$api = api")
    assert _page(repo, "this.$api.uploadImg(p)") == {("upload.upload_file", "pages/me/me.vue", 4)}


def test_the_vue3_global_property_too(repo):
    _uni_app(repo, "const app = {}\napp.config = { globalProperties: {} }\napp.config.globalProperties.$api = api")
    assert _page(repo, "this.$api.uploadImg(p)") == {("upload.upload_file", "pages/me/me.vue", 4)}


def test_the_vue3_global_property_set_in_the_entrys_create_app(repo):
    _uni_app(repo, "export function createApp() {\n  const vm = createSSRApp(App)\n"
                   "  vm.config.globalProperties.$api = api\n  return { app: vm }\n}")
    assert _page(repo, "this.$api.uploadImg(p)") == {("upload.upload_file", "pages/me/me.vue", 4)}


def test_an_instance_property_method_that_uploads_nothing_is_silent(repo):
    _uni_app(repo, "Vue.prototype.$api = api")
    assert _page(repo, "this.$api.list()") == set()


def test_an_instance_property_no_entry_script_sets_is_not_followed(repo):
    _uni_app(repo, "")
    assert _page(repo, "this.$api.uploadImg(p)") == set()


def _sdk_app(repo, imports: str) -> str:
    _uni_app(repo, "")
    repo.write("main.js", f"import Vue from 'vue'\nimport App from './App'\n{imports}\nnew Vue({{ ...App }}).$mount()\n")
    return repo.commit("an npm client as a global property")


def test_an_upload_sdk_installed_as_a_global_property_uploads(repo):
    _sdk_app(repo, "import qiniuUploader from 'qiniu-wxapp-sdk'\nVue.prototype.$qiniu = qiniuUploader")
    assert _page(repo, "this.$qiniu.upload(p, () => {})") == {("upload.third_party_upload", "pages/me/me.vue", 4)}


def test_an_upload_sdk_global_property_method_that_uploads_nothing_is_silent(repo):
    _sdk_app(repo, "import qiniuUploader from 'qiniu-wxapp-sdk'\nVue.prototype.$qiniu = qiniuUploader")
    assert _page(repo, "this.$qiniu.config({ region: 'ECN' })") == set()


def test_an_unknown_npm_client_as_a_global_property_is_no_upload(repo):
    _sdk_app(repo, "import client from 'some-rest-client'\nVue.prototype.$client = client")
    assert _page(repo, "this.$client.uploadFile(p)") == set()
