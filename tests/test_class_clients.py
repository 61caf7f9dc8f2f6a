"""API clients written as classes (readers/instances.py): a method called through an instance the page makes or
holds — ``new Shelf().put(p)``, ``const replies = new ReplyClient(); replies.create(body)``, ``this.shelf``, a
TypeScript parameter property — counts what the method reaches at the page's call; a method the page does not
call, a method that only reads and a method of the same name on another object stay silent."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

TRANSPORT = """export default {
  get(url, data) { return new Promise((ok) => wx.request({ url, data, success: ok })) },
  post(url, data) { return new Promise((ok) => wx.request({ url, data, method: 'POST', success: ok })) },
}
"""
REPLIES = """import transport from '../utils/transport'
export class ReplyClient {
  constructor(board) { this.board = board }
  recent(id) { return transport.get('/reply/recent', { id, board: this.board }) }
  create(body) { return transport.post('/reply/create', body) }
}
export class TallyClient {
  create(body) { return transport.post('/tally/create', body) }
}
"""
SHELF = """export default class Shelf {
  put(filePath) { return wx.uploadFile({ url: '/shelf/put', filePath, name: 'photo' }) }
  count() { return 0 }
}
"""
CHECKOUT = """export class Checkout {
  settle(order: { sign: string }): Promise<unknown> {
    return new Promise((ok) => wx.requestPayment({ ...order, success: ok } as any))
  }
}
"""
# A client whose class field holds an HTTP client (Fly.js) and whose post reaches it through two of its own methods.
FIELD_CLIENT = """import Fly from 'flyio/dist/npm/wx'
class Client {
  http = new Fly()
  send(method, url, data) { return this.http.request(url, data, { method }) }
  post(url, data) { return this.send('POST', url, data) }
}
export default new Client()
"""


def _changed(app_repo, head: dict[str, str], family: str, base: dict[str, str] | None = None) -> set[tuple[str, str, int]]:
    app_repo.write_files({"utils/transport.js": TRANSPORT, "api/replies.js": REPLIES, "services/shelf.js": SHELF,
                          "services/checkout.ts": CHECKOUT, "utils/client.js": FIELD_CLIENT, **(base or {})})
    before = app_repo.commit("base")
    app_repo.write_files(head)
    app_repo.commit("head")
    return places(run(app_repo.path, before), family)


@pytest.mark.parametrize("script, line", [
    ("import Shelf from '../../services/shelf'\nconst shelf = new Shelf()\nPage({\n  pick(p) {\n"
     "    shelf.put(p)\n  },\n})\n", 5),
    ("import Shelf from '../../services/shelf'\nPage({\n  pick(p) {\n    new Shelf().put(p)\n  },\n})\n", 4),
    ("const Shelf = require('../../services/shelf')\nPage({\n  onLoad() { this.shelf = new Shelf() },\n"
     "  pick(p) {\n    this.shelf.put(p)\n  },\n})\n", 5),
])
def test_an_upload_through_an_instance_of_a_project_class_is_reported_at_the_call(app_repo, script, line):
    assert _changed(app_repo, {"pages/me/me.js": script}, "upload") == {("upload.upload_file", "pages/me/me.js", line)}


@pytest.mark.parametrize("module, script", [
    ("import Shelf from './shelf'\nconst shelf = new Shelf()\nexport default shelf\n",
     "import shelf from '../../services/index'\nPage({\n  pick(p) {\n    shelf.put(p)\n  },\n})\n"),
    ("import Shelf from './shelf'\nexport default new Shelf()\n",
     "import shelf from '../../services/index'\nPage({\n  pick(p) {\n    shelf.put(p)\n  },\n})\n"),
    ("const Shelf = require('./shelf')\nexport const shelf = new Shelf()\n",
     "import { shelf } from '../../services/index'\nPage({\n  pick(p) {\n    shelf.put(p)\n  },\n})\n"),
])
def test_an_upload_through_a_singleton_another_module_makes_of_the_class_is_reported_at_the_call(app_repo, module,
                                                                                                   script):
    head = {"services/index.js": module, "pages/me/me.js": script}
    assert _changed(app_repo, head, "upload") == {("upload.upload_file", "pages/me/me.js", 4)}


@pytest.mark.parametrize("script", [
    # the page calls the class's other method only
    "import Shelf from '../../services/shelf'\nconst shelf = new Shelf()\nPage({ onShow() { shelf.count() } })\n",
    # a method of the same name on another object
    "import Shelf from '../../services/shelf'\nconst shelf = new Shelf()\nconst draft = { put() {} }\n"
    "Page({ onShow() { shelf.count(); draft.put('a') } })\n",
])
def test_no_upload_where_the_page_calls_no_uploading_method_of_the_class(app_repo, script):
    assert _changed(app_repo, {"pages/me/me.js": script}, "upload") == set()


@pytest.mark.parametrize("holder", [
    "class Till {\n  constructor(private readonly checkout: Checkout) {}\n",
    "class Till {\n  checkout!: Checkout\n",
])
def test_a_payment_through_a_typed_member_of_a_typescript_class_is_reported_at_the_call(app_repo, holder):
    script = (f"import {{ Checkout }} from '../../services/checkout'\n{holder}"
              "  pay(order: { sign: string }) { return this.checkout.settle(order) }\n}\n"
              "Page({ onPay() { new Till(new Checkout()).pay({ sign: 's' }) } })\n")
    assert _changed(app_repo, {"pages/me/me.ts": script}, "payment") == \
        {("payment.request_payment", "pages/me/me.ts", 4)}


def test_an_upload_through_a_decorated_typescript_class_is_reported_at_the_call(app_repo):
    module = ("@Injectable()\nexport class Vault {\n  @Log() put(filePath: string): unknown {\n"
              "    return wx.uploadFile({ url: '/vault/put', filePath, name: 'photo' })\n  }\n}\n"
              "export const vault = new Vault()\n")
    script = "import { vault } from '../../services/vault'\nPage({\n  pick(p: string) {\n    vault.put(p)\n  },\n})\n"
    head = {"services/vault.ts": module, "pages/me/me.ts": script}
    assert _changed(app_repo, head, "upload") == {("upload.upload_file", "services/vault.ts", 4),  # the new module's
                                                  ("upload.upload_file", "pages/me/me.ts", 4)}  # and its caller


BOX = '<input value="{{text}}" bindinput="onInput" confirm-type="send" placeholder="回复"/>\n' \
      '<button bindtap="send">发送</button>\n'


def _reply_page(call: str, imports: str = "import { ReplyClient, TallyClient } from '../../api/replies'\n") -> str:
    return (f"{imports}const replies = new ReplyClient('b')\nconst tally = new TallyClient()\nPage({{\n"
            "  data: { text: '' },\n  onInput(e) { this.setData({ text: e.detail.value }) },\n"
            f"  send() {{\n    {call}\n  }},\n}})\n")


def test_a_reply_box_posted_through_a_client_instance_is_ugc_at_the_call(app_repo):
    head = {"pages/me/me.wxml": BOX, "pages/me/me.js": _reply_page("replies.create({ body: this.data.text })")}
    assert _changed(app_repo, head, "category") == {("category.ugc", "pages/me/me.js", 8)}


def test_a_reply_box_posted_through_a_generated_client_the_repository_leaves_out_is_ugc(app_repo):
    page = _reply_page("replies.create({ body: this.data.text })",
                       "import { ReplyClient, TallyClient } from '../../api/generated/clients'\n")
    assert _changed(app_repo, {"pages/me/me.wxml": BOX, "pages/me/me.js": page}, "category") == \
        {("category.ugc", "pages/me/me.js", 8)}


def test_a_reply_box_posted_through_a_client_held_in_a_class_field_is_ugc(app_repo):
    page = _reply_page("client.post('/reply/create', { body: this.data.text })",
                       "import client from '../../utils/client'\nimport { ReplyClient, TallyClient } from "
                       "'../../api/replies'\n")
    assert _changed(app_repo, {"pages/me/me.wxml": BOX, "pages/me/me.js": page}, "category") == \
        {("category.ugc", "pages/me/me.js", 9)}


@pytest.mark.parametrize("call", [
    "replies.recent(this.data.text)",  # a method that only reads
    "tally.create({ body: this.data.text })",  # the same method name on a client of private records
])
def test_a_box_sent_through_a_client_method_that_publishes_nothing_is_no_ugc(app_repo, call):
    head = {"pages/me/me.wxml": BOX, "pages/me/me.js": _reply_page(call)}
    assert _changed(app_repo, head, "category") == set()


def test_a_reply_the_page_posted_through_the_same_client_method_before_is_no_new_post(app_repo):
    base = {"pages/me/me.wxml": BOX, "pages/me/me.js": _reply_page("replies.create({ body: this.data.text })")}
    head = {"pages/me/me.js": _reply_page("client.create({ body: this.data.text, at: 1 })").replace(
        "const replies", "const client")}
    assert _changed(app_repo, head, "category", base) == set()


@pytest.mark.parametrize("source, path, expected", [
    ("import { ReplyClient } from './r'\nconst a = new ReplyClient()\na.create(1)\n", "p.js", ("./r", "ReplyClient.create")),
    ("import R from './r'\nnew R(http).create(1)\n", "p.js", ("./r", "create")),
    ("import * as api from './r'\nconst a = new api.ReplyClient()\na.create(1)\n", "p.js",
     ("./r", "ReplyClient.create")),
    ("const { ReplyClient } = require('./r')\nconst a = new ReplyClient()\na.create(1)\n", "p.js",
     ("./r", "ReplyClient.create")),
    ("import { ReplyClient } from './r'\nclass P {\n  constructor(@Inject() public api: ReplyClient) {}\n"
     "  go() { this.api.create(1) }\n}\n", "p.ts", ("./r", "ReplyClient.create")),
    ("import { ReplyClient } from './r'\nexport default {\n  data() { return { api: new ReplyClient() } },\n"
     "  methods: { go() { this.api.create(1) } },\n}\n", "p.js", ("./r", "ReplyClient.create")),
    ("import { ReplyClient } from './r'\nlet a: ReplyClient\na.create(1)\n", "p.ts", ("./r", "ReplyClient.create")),
])
def test_a_method_called_on_an_instance_is_a_call_of_the_class_module(source, path, expected):
    assert [c[:2] for c in js_facts(source, path).imported_calls] == [expected]


@pytest.mark.parametrize("source, path", [
    ("const s = new Set()\ns.add(1)\n", "p.js"),  # a built-in class
    ("import Sdk from 'some-sdk'\nnew Sdk().create(1)\n", "p.js"),  # a package's class: checks/ decides
    ("import { ReplyClient } from './r'\nfunction go(api: ReplyClient) { api.create(1) }\n", "p.ts"),  # a parameter
    ("import { ReplyClient } from './r'\nconst a = ReplyClient\nconst b = {}\nb.create(1)\n", "p.js"),
])
def test_a_method_of_an_object_that_is_no_project_class_instance_is_no_call_of_a_module(source, path):
    assert js_facts(source, path).imported_calls == ()


RATING = ("<textarea value=\"{{remark}}\" bindinput=\"onRemark\" placeholder=\"说说你的体验\"/>\n"
          "<button bindtap=\"addPhoto\">添加图片</button>\n")
RATING_JS = """import { Base } from '../../utils/base'
const model = new Base()
Page({
  data: { remark: '' },
  onLoad() {
    const opts = { url: '/rating/getTagList?kind=' + 1 }
    model.request(opts, (data) => this.setData({ tags: data }))
  },
  onRemark(e) { this.setData({ remark: e.detail.value }) },
  addPhoto() {
    wx.chooseImage({ success: (r) => wx.uploadFile({ url: '/file/put', filePath: r.tempFilePaths[0], name: 'f' }) })
  },
})
"""
BASE_CLIENT = """export class Base {
  request(opts, done) { wx.request({ ...opts, success: (r) => done(r.data) }) }
}
"""


def test_a_text_box_whose_page_only_loads_through_a_client_class_and_uploads_is_no_post(app_repo):
    head = {"utils/base.js": BASE_CLIENT, "pages/me/me.wxml": RATING, "pages/me/me.js": RATING_JS}
    assert _changed(app_repo, head, "category") == set()
