"""A URL handed to the app's own request function is a request's URL: the host takes the role of the network API
the function reaches (followed through barrels that export an imported binding again), or ``request`` when the
function cannot be followed but is named as one, and a new host is told there rather than at a settings entry
nothing reads."""

from __future__ import annotations

from helpers import found, loaded_by_app, run
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.handedurls import with_handed_roles
from mp_precheck.readers.jsfacts import js_facts

HOST = "https://orders.fruit-example.cn"
# Settings nothing imports: only says the host exists.
SETTINGS = {"settings.js": f"module.exports = {{\n  server: '{HOST}',\n  timeout: 8000\n}}\n"}
SENDER = ("export default function send(address, body) {\n"
          "  return new Promise((ok, fail) => wx.request({ url: address, data: body, method: 'POST', success: ok,"
          " fail }))\n}\n")
# A barrel passing the sender on under another name.
BARREL = "import send from './send'\nexport { send as api }\n"
CART = ("import { api } from '../../net/index'\n"
        "Page({\n  onShow() {\n    this.load()\n  },\n  load() {\n"
        f"    return api(\n      '{HOST}/v2/cart',\n      {{ page: 1 }}\n    )\n  }}\n}})\n")


def _domains(report):
    return {f for f in found(report) if f[0] == "external_link.domain"}


def test_a_url_handed_to_the_apps_request_function_through_a_barrel_is_where_the_host_is_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**SETTINGS, "net/send.js": SENDER, "net/index.js": BARREL, "pages/index/index.js": CART})
    app_repo.commit("the cart loads from the order server")
    report = run(app_repo.path, base)
    assert _domains(report) == {("external_link.domain", "pages/index/index.js", 8, "app")}
    assert [f.usage for f in report.findings if f.rule == "external_link.domain"] == ["request"]


def test_a_url_handed_to_a_function_that_makes_no_request_leaves_the_host_at_the_settings(app_repo):
    # the same call shape, but the function only keeps the address: nothing is seen to request the host
    base = app_repo.git("rev-parse", "HEAD")
    keeper = "export default function send(address, body) {\n  wx.setStorageSync('last', { address, body })\n}\n"
    app_repo.write_files({**SETTINGS, "net/send.js": keeper, "net/index.js": BARREL, "pages/index/index.js": CART})
    app_repo.commit("the cart keeps its address")
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "settings.js", 2, "app")}


def test_a_url_handed_to_the_request_module_that_declares_the_host_is_told_at_the_module(app_repo):
    # the request module keeps its server's origin beside the function the page hands its URL to
    base = app_repo.git("rev-parse", "HEAD")
    client = (f"export const ORIGIN = '{HOST}'\n"
              "export function call(address, body) {\n  return wx.request({ url: address, data: body })\n}\n")
    page = ("import { call } from '../../api/client'\n"
            f"Page({{\n  onShow() {{\n    call('{HOST}/v2/cart', {{}})\n  }}\n}})\n")
    app_repo.write_files({"api/client.js": client, "pages/index/index.js": page})
    app_repo.commit("the cart page calls the order server")
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "api/client.js", 1, "app")}


NAMED_CALLER = ("const { httpPost, openDoc } = require('../../lib/client')\n"
                "const ORDERS = '" + HOST + "/v2/orders'\n"
                "Page({\n  submit(o) {\n    return %s(ORDERS, o)\n  }\n})\n")
# A client whose functions a factory makes: no reader follows them.
CLIENT = "module.exports = makeClient({ retries: 2 })\n"


def test_a_constant_handed_to_an_unfollowed_function_named_as_a_request_is_where_the_host_is_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**SETTINGS, "lib/client.js": CLIENT, "pages/me/me.js": NAMED_CALLER % "httpPost",
                          **loaded_by_app("lib/client.js")})
    app_repo.commit("orders are posted")
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "pages/me/me.js", 2, "app")}


def test_a_constant_handed_to_an_unfollowed_function_not_named_as_a_request_stays_at_the_settings(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({**SETTINGS, "lib/client.js": CLIENT, "pages/me/me.js": NAMED_CALLER % "openDoc",
                          **loaded_by_app("lib/client.js")})
    app_repo.commit("orders are shown")
    assert _domains(run(app_repo.path, base)) == {("external_link.domain", "settings.js", 2, "app")}


def test_the_reader_notes_urls_handed_to_imported_calls_only():
    facts = js_facts("import { post } from './api'\n"
                     "const a = 'https://a.example-shop.cn/x'\n"
                     "post({ url: 'https://b.example-shop.cn/y', data: { back: 'https://c.example-shop.cn/z' } })\n"
                     "post(a + '/more')\n"
                     "console.log('https://d.example-shop.cn/w')\n", "pages/a/a.js")
    assert facts.handed_urls == ((2, 4), (3, 3))


def test_a_call_reaching_two_network_apis_leaves_its_url_as_it_was():
    host = Fact("host:a.example-shop.cn", "host", 3, "https://a.example-shop.cn", "code")
    calls = (Fact("wx.request", "api", 3, role="via:api.js#send"), Fact("wx.uploadFile", "api", 3,
                                                                         role="via:api.js#send"))
    file_facts = FileFacts(facts=(host,), imported_calls=(("./api", "send", 3),), handed_urls=((3, 3),))
    assert with_handed_roles(file_facts, (host, *calls))[0].role == "code"
    assert with_handed_roles(file_facts, (host, calls[1]))[0].role == "upload"
