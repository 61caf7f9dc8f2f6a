"""A call of a name imported through an alias the project's build declares for one of its own folders (Taro's
``alias``, https://docs.taro.zone/docs/config-detail#alias) is followed into that module as a relative import is;
a scoped npm package, or an alias to a folder outside the Mini Program, is not. A property the app keeps on the
framework object (``Taro.$globalData``) is no API call, so a request helper that reads one passes its call on."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.jsfacts import js_facts
from test_frameworks import TARO_BASE

ALIASED = ("const path = require('path')\nconst config = {\n  sourceRoot: 'src',\n  alias: {\n"
           "    '@services': path.resolve(__dirname, '..', 'src/services'),\n  },\n}\n"
           "module.exports = function () { return config }\n")
UNALIASED = "const config = {\n  sourceRoot: 'src',\n}\nmodule.exports = function () { return config }\n"
PHOTOS = ("import Taro from '@tarojs/taro'\nexport function sendPhoto(filePath: string) {\n"
          "  return Taro.uploadFile({ url: 'https://files.example.net/up', filePath, name: 'photo' })\n}\n")
PAGE = ("import { Button } from '@tarojs/components'\nimport { sendPhoto } from '@services/photos'\n"
        "export default () => <Button onClick={() => sendPhoto('a.png')}>上传</Button>\n")


def _uploads(report):
    return {(f.path, f.line) for f in report.findings if f.rule == "upload.upload_file"}


def _taro(repo, files):
    repo.write_files({**TARO_BASE, **files})
    return repo.commit()


def test_a_call_through_a_declared_alias_is_followed_to_the_upload(repo):
    base = _taro(repo, {"config/index.js": ALIASED, "src/services/photos.ts": PHOTOS})
    repo.write("src/pages/me/index.tsx", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("src/pages/me/index.tsx", 3)}


def test_a_scoped_name_no_alias_declares_is_a_package_and_stays_unfollowed(repo):
    base = _taro(repo, {"config/index.js": UNALIASED, "src/services/photos.ts": PHOTOS})
    repo.write("src/pages/me/index.tsx", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_an_alias_to_a_folder_outside_the_mini_program_stays_unfollowed(repo):
    outside = ALIASED.replace("'src/services'", "'../services'")
    base = _taro(repo, {"config/index.js": outside, "services/photos.ts": PHOTOS})
    repo.write("src/pages/me/index.tsx", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_a_helper_reading_the_apps_global_data_passes_its_call_on(repo):
    helper = ("import Taro from '@tarojs/taro'\nimport { sendPhoto } from '../services/photos'\n"
              "export function signedSend(filePath: string) {\n  const token = Taro.$globalData.token\n"
              "  return sendPhoto(filePath + '?t=' + token)\n}\n")
    base = _taro(repo, {"config/index.js": UNALIASED, "src/services/photos.ts": PHOTOS, "src/utils/send.ts": helper})
    repo.write("src/pages/me/index.tsx", "import { Button } from '@tarojs/components'\n"
               "import { signedSend } from '../../utils/send'\n"
               "export default () => <Button onClick={() => signedSend('a.png')}>上传</Button>\n")
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("src/pages/me/index.tsx", 3)}


def test_a_property_read_of_the_framework_object_is_no_api_but_its_calls_are():
    found = js_facts("import Taro from '@tarojs/taro'\nconst t = Taro.$globalData.token\n"
                     "const dir = wx.env.USER_DATA_PATH\nTaro.$globalData.user = {}\n"
                     "wx.request.call(wx, { url: 'https://api.example.net' })\nconst pick = wx.chooseImage\n"
                     "export { pick }\n",
                     "src/utils/state.js")
    assert sorted(f.subject for f in found.facts if f.kind == "api") == ["wx.chooseImage", "wx.request"]


def test_calls_of_scoped_imports_are_kept_apart_and_the_framework_module_is_not_one():
    found = js_facts("import Taro from '@tarojs/taro'\nimport http, { post } from '@lib/http'\n"
                     "const { track } = require('@acme/stats')\nhttp.get('/a')\npost('/b')\ntrack()\n"
                     "Taro.showToast({ title: 'ok' })\n", "src/pages/a.js")
    assert found.scoped_calls == (("@lib/http", "get", 4), ("@lib/http", "post", 5), ("@acme/stats", "track", 6))
    assert found.imported_calls == ()


TSCONFIG = """{
  // TypeScript reads its config with comments
  "compilerOptions": {
    "baseUrl": "./",
    "paths": { "services/*": ["./src/services/*"] }
  }
}
"""


def test_a_bare_path_a_commented_tsconfig_declares_is_followed_and_an_undeclared_one_is_not(repo):
    page = PAGE.replace("'@services/photos'", "'services/photos'")
    base = _taro(repo, {"config/index.js": UNALIASED, "tsconfig.json": TSCONFIG, "src/services/photos.ts": PHOTOS})
    repo.write("src/pages/me/index.tsx", page)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("src/pages/me/index.tsx", 3)}
    repo.write("src/pages/me/index.tsx", page.replace("'services/photos'", "'photo-kit/photos'"))
    repo.write("src/pages/index/index.tsx", page.replace("'services/photos'", "'photo-kit/photos'"))
    repo.commit()
    assert _uploads(run(repo.path, base)) == set()


def test_an_alias_written_as_an_absolute_path_is_read_from_the_project_root_and_never_breaks_the_run(repo):
    """``'@services': '/src/services'`` names no folder of a checkout (Vite reads it from the project root); the
    run once passed it to ``git grep`` as a path outside the repository and stopped with exit 2."""
    absolute = ("const config = {\n  sourceRoot: 'src',\n  alias: {\n    '@services': '/src/services',\n  },\n}\n"
                "module.exports = function () { return config }\n")
    base = _taro(repo, {"config/index.js": absolute, "src/services/photos.ts": PHOTOS})
    repo.write("src/pages/me/index.tsx", PAGE)
    repo.commit()
    assert _uploads(run(repo.path, base)) == {("src/pages/me/index.tsx", 3)}
