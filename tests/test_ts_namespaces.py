"""A TypeScript namespace's exported functions are members of its name (readers/tsnamespaces.py): a wrapper module
written as ``export namespace Remote { export const sendFile = o => Taro.uploadFile(o) }`` is called as
``Remote.sendFile(…)``, and that call reaches the upload as a call of an exported object's method does. What the
block keeps unexported, and a ``declare namespace`` of signatures, offer nothing to other files."""

from __future__ import annotations

from conftest import Repo
from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts
from test_frameworks import TARO_BASE

REMOTE = """import Taro from '@tarojs/taro'

export namespace Remote {
  const full = (path: string): string => (path.startsWith('https://') ? path : `${SERVER}${path}`)

  function send(option: Taro.request.Option) {
    return Taro.request({ ...option, url: full(option.url) })
  }

  export const sendFile: typeof Taro.uploadFile = option => {
    return Taro.uploadFile({ ...option, url: full(option.url) })
  }

  export function get(url: string) {
    return send({ url, method: 'GET' })
  }

  export namespace Files {
    export const fetchOne = (url: string) => Taro.downloadFile({ url: full(url) })
  }
}

declare namespace Shapes {
  function measure(): number
}
"""

TEXTS = """export namespace Texts {
  export const fileLabel = (name: string, size: number): string => `${name}（${Math.round(size / 1024)} KB）`
}
"""

PHOTOS = """import Taro from '@tarojs/taro'
import { Remote } from '../utils/remote'

export async function sendPhoto(path: string) {
  const token = Taro.getStorageSync('token')
  const res = await Remote.sendFile({ url: '/photos', filePath: path, name: 'photo', header: { token } })
  return res.data
}
"""

ME_PAGE = """import { Button } from '@tarojs/components'
import { sendPhoto } from '../../services/photos'
export default () => <Button onClick={() => sendPhoto('a.png')}>保存</Button>
"""


def _taro(repo: Repo, files: dict[str, str]) -> str:
    repo.write_files({**TARO_BASE, **files})
    return repo.commit()


def test_a_namespaces_exported_functions_are_members_of_its_name():
    exports = js_facts(REMOTE, "src/utils/remote.ts").exports
    assert {name: export.subjects for name, export in exports.items()} == {
        "Remote.sendFile": ("wx.uploadFile",), "Remote.get": ("wx.request",),
        "Remote.Files.fetchOne": ("wx.downloadFile",)}


def test_a_namespace_the_file_keeps_to_itself_is_called_through_its_name():
    source = ("import Taro from '@tarojs/taro'\nnamespace Local {\n  export function put(path: string) {\n"
              "    return Taro.uploadFile({ url: 'https://files.example.org/put', filePath: path, name: 'f' })\n"
              "  }\n}\nexport function keep(path: string) { return Local.put(path) }\n")
    exports = js_facts(source, "src/utils/keep.ts").exports
    assert {name: export.subjects for name, export in exports.items()} == {"keep": ("wx.uploadFile",)}


def test_the_first_call_of_a_namespaces_upload_member_is_an_upload(repo):
    base = _taro(repo, {"src/utils/remote.ts": REMOTE})
    repo.write_files({"src/services/photos.ts": PHOTOS, "src/pages/me/index.tsx": ME_PAGE})
    repo.commit()
    assert places(run(repo.path, base), "upload") == {("upload.upload_file", "src/services/photos.ts", 6)}


def test_a_namespace_nothing_calls_stays_silent_when_the_change_edits_it(repo):
    base = _taro(repo, {"src/utils/remote.ts": REMOTE, "src/pages/me/index.tsx": ME_PAGE.replace("sendPhoto('a.png')", "null")
                        .replace("import { sendPhoto } from '../../services/photos'\n", "")})
    repo.write("src/utils/remote.ts", REMOTE.replace("method: 'GET'", "method: 'GET', timeout: 8000"))
    repo.commit()
    assert places(run(repo.path, base)) == set()


def test_a_url_handed_to_a_namespace_member_gets_the_role_of_the_api_it_reaches(repo):
    base = _taro(repo, {"src/utils/remote.ts": REMOTE})
    repo.write("src/pages/me/index.tsx", "import { Button } from '@tarojs/components'\n"
               "import { Remote } from '../../utils/remote'\n"
               "export default () => <Button onClick={() => Remote.Files.fetchOne('https://cdn.example.org/a.pdf')}>"
               "下载</Button>\n")
    repo.commit()
    hosts = {(f.path, f.line, f.usage) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}
    assert hosts == {("src/pages/me/index.tsx", 3, "download")}


def test_a_call_of_a_namespace_member_that_only_formats_text_stays_silent(repo):
    base = _taro(repo, {"src/utils/remote.ts": REMOTE, "src/utils/texts.ts": TEXTS})
    repo.write("src/pages/me/index.tsx", "import { Text } from '@tarojs/components'\nimport { Texts } from '../../utils/texts'\n"
               "export default ({ name, size }) => <Text>{Texts.fileLabel(name, size)}</Text>\n")
    repo.commit()
    assert places(run(repo.path, base)) == set()
