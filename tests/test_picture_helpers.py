"""A helper every call of which feeds a picture (an image's src, a CSS background, a media API) builds a picture's
address: its host needs no server domain. One call of another kind (a request's url) makes it a server again."""

from __future__ import annotations

from helpers import run
from test_frameworks import TARO_BASE

HELPER = ("// picture address from a key\nexport default (key: string): string => {\n"
          "  const ROOT = 'https://pics.example.net/'\n  return ROOT + key.slice(0, 2) + '/' + key\n}\n")
SHOWN = ("import { Image, View } from '@tarojs/components'\nimport Taro from '@tarojs/taro'\n"
         "import pic from '../../utils/pic'\n"
         "export default ({ item, list }) => {\n"
         "  const open = () => Taro.previewImage({ urls: list.map((k) => pic(k)), current: pic(item.key) })\n"
         "  return <View onClick={open} style={{ background: `url(${pic(item.cover)})` }}>\n"
         "    <Image src={item.key ? pic(item.key) : ''} />\n  </View>\n}\n")


def _domains(report) -> set[str]:
    return {f.subject for f in report.findings if f.rule == "external_link.domain"}


def test_a_helper_only_pictures_use_builds_no_server_address(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write_files({"src/utils/pic.ts": HELPER, "src/pages/index/index.tsx": SHOWN})
    repo.commit()
    assert _domains(run(repo.path, base)) == set()


def test_a_helper_one_request_uses_names_a_server(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write_files({"src/utils/pic.ts": HELPER, "src/pages/index/index.tsx": SHOWN,
                      "src/pages/me/index.tsx": "import Taro from '@tarojs/taro'\nimport pic from '../../utils/pic'\n"
                                                "export default () => { Taro.request({ url: pic('meta') }); return null }\n"})
    repo.commit()
    assert _domains(run(repo.path, base)) == {"host:pics.example.net"}


def test_a_wxs_function_shown_only_in_image_sources_builds_pictures(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/me/icons.wxs": "function icon(name) {\n  return 'https://pics.example.org/i-' + name + "
                                                "'.png';\n}\nmodule.exports = { icon: icon };\n",
                          "pages/me/me.wxml": '<wxs src="./icons.wxs" module="icons" />\n'
                                              '<image src="{{ icons.icon(item) }}" wx:for="{{ list }}"/>\n'})
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == set()
    app_repo.write("pages/me/me.wxml", '<wxs src="./icons.wxs" module="icons" />\n<text>{{ icons.icon(name) }}</text>\n')
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == {"host:pics.example.org"}
