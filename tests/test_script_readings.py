"""A script's JSX components and route URLs are read once, with its facts: the analyzers of rendered components
(component uploads, first-rendered components) and of unregistered routes take them from the facts and never
read or parse a changed script again; the on-disk fact cache keeps them."""

from __future__ import annotations

from msgspec.structs import replace

from analyzer_context import project_context
from mp_precheck.analyzers import component_uploads, missing_pages
from mp_precheck.analyzers.mounted import first_rendered
from mp_precheck.facts.cache import FactCache
from mp_precheck.facts.extract import extract
from mp_precheck.facts.model import JsxReading, ScriptBindings
from mp_precheck.readers.componentuses import jsx_uses

PAGE = """import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Uploader, { Card as ShopCard } from '../../components/uploader'
import Button from 'taro-ui'

export default function Me() {
  const go = () => Taro.navigateTo({ url: '/pages/secret/index' })
  return (
    <View>
      <Uploader onTap={go} />
      <ShopCard></ShopCard>
      <Button />
    </View>
  )
}
"""
UPLOADER = """import Taro from '@tarojs/taro'

export default function Uploader() {
  const pick = () => Taro.chooseImage({ success: (r) => Taro.uploadFile({ url: 'https://a.example.com/up',
    filePath: r.tempFilePaths[0], name: 'file' }) })
  return <View onClick={pick}>上传</View>
}
"""
APP_CONFIG = "export default { pages: ['pages/me/index'] }\n"


def test_a_tsx_page_facts_hold_its_components_and_routes():
    facts = extract("src/pages/me/index.tsx", PAGE.encode())
    assert facts.jsx == JsxReading(
        ScriptBindings(imports=(("@tarojs/components", "View"), ("@tarojs/taro", "Taro"),
                                ("../../components/uploader", "Uploader"), ("../../components/uploader", "ShopCard"),
                                ("taro-ui", "Button"))),
        tags=(("View", 9), ("Uploader", 10), ("ShopCard", 11), ("Button", 12)))
    assert facts.routes == (("/pages/secret/index", 7),)
    # only project components count: taro-ui's Button and the framework's View are no files of the project
    assert jsx_uses("", "src/pages/me/index.tsx", reading=facts.jsx) == [
        ("../../components/uploader", "Uploader", 10), ("../../components/uploader", "ShopCard", 11)]


def test_a_script_without_markup_is_not_read_for_components_and_a_stylesheet_not_at_all():
    assert extract("src/utils/http.js", b"export const get = (u) => fetch(u)\n").jsx == JsxReading()
    assert extract("src/utils/types.ts", b"export type A = string\n").jsx is None  # .ts renders nothing
    assert extract("src/app.scss", b".a { color: red }\n").routes is None


def test_the_analyzers_read_no_changed_script_again():
    files = {"src/app.config.ts": APP_CONFIG, "src/app.tsx": "export default function App(p) { return p.children }\n",
             "src/pages/me/index.tsx": PAGE, "src/components/uploader/index.tsx": UPLOADER}
    context = project_context(files, changed=["src/pages/me/index.tsx"],
                              base={"src/pages/me/index.tsx": PAGE.replace("<Uploader onTap={go} />", "")
                                    .replace("<ShopCard></ShopCard>", "").replace("secret", "me")})
    read: list[str] = []
    counted = replace(context, read_head=lambda path: read.append(path) or context.read_head(path),
                      read_base=lambda path: read.append(path) or context.read_base(path))
    uploads = component_uploads.analyze(counted, [])
    assert [(f.rule, f.path, f.line) for f in uploads] == [("upload.upload_file", "src/pages/me/index.tsx", 10)]
    first_rendered(counted)
    routes = missing_pages.analyze(counted, [])
    assert [(f.rule, f.subject) for f in routes] == [("completeness.unregistered_route", "route:pages/secret/index")]
    assert "src/pages/me/index.tsx" not in read


def test_the_fact_cache_keeps_the_readings(tmp_path):
    facts = extract("src/pages/me/index.tsx", PAGE.encode())
    cache = FactCache(tmp_path / "facts.sqlite")
    key = FactCache.key("0" * 40, "js")
    cache.put_many({key: facts})
    cache.close()
    again = FactCache(tmp_path / "facts.sqlite").get_many([key])[key]
    assert again.jsx == facts.jsx and again.routes == facts.routes
    assert again == facts
