"""A WebSocket whose address is a development one — written in a constant of the file, or in a module it imports
(a TypeScript namespace's member, a named constant, a CommonJS settings object) — needs no socket domain: localhost
and LAN addresses cannot be configured, and the reviewed build does not use them. A socket to a public host, or one
whose address the code does not show, is still told."""

from __future__ import annotations

import pytest

from helpers import places, run
from test_frameworks import UNI_BASE

_SOCKET = "external_link.socket"


def _sockets(report):
    return {f for f in places(report, "external_link") if f[0] == _SOCKET}


def _native_feed(address: str) -> dict[str, str]:
    """A TypeScript native app whose feed service opens a socket to a namespace member of its settings module and
    whose home page subscribes through the service."""
    return {
        "miniprogram/utils/settings.ts": "export namespace Settings {\n"
                                         "    export const apiRoot = 'http://localhost:7001'\n"
                                         f"    export const feedRoot = '{address}'\n}}\n",
        "miniprogram/services/feed.ts": "import { Settings } from '../utils/settings'\n\n"
                                        "export namespace Feed {\n"
                                        "    export function follow(onTick: (t: string) => void) {\n"
                                        "        const task = wx.connectSocket({\n"
                                        "            url: Settings.feedRoot + '/ticks',\n"
                                        "        })\n"
                                        "        task.onMessage(m => onTick(m.data as string))\n"
                                        "        return task\n    }\n}\n",
        "miniprogram/pages/index/index.ts": "import { Feed } from '../../services/feed'\n\nPage({\n"
                                            "    onLoad() {\n        Feed.follow(t => console.log(t))\n    },\n})\n",
    }


_NATIVE_BASE = {
    "project.config.json": '{\n  "miniprogramRoot": "miniprogram/"\n}\n',
    "miniprogram/app.json": '{\n  "pages": ["pages/index/index"]\n}\n',
    "miniprogram/app.ts": "App({})\n",
    "miniprogram/pages/index/index.ts": "Page({})\n",
    "miniprogram/pages/index/index.wxml": "<view>home</view>\n",
}


@pytest.mark.parametrize(("address", "told"), [
    ("ws://localhost:7002", set()),  # a developer's machine
    ("ws://10.0.0.8:7002", set()),  # a LAN address
    ("wss://ticks.shop-example.cn", {(_SOCKET, "miniprogram/services/feed.ts", 5),
                                     (_SOCKET, "miniprogram/pages/index/index.ts", 5)}),
])
def test_a_socket_to_a_namespace_member_of_another_module(repo, address, told):
    repo.write_files(_NATIVE_BASE)
    base = repo.commit()
    repo.write_files(_native_feed(address))
    repo.commit()
    assert _sockets(run(repo.path, base)) == told


_LIVE_PAGE = ("<script>\nimport { apiBase } from '../../settings'\n"
              "export default {\n  onLoad() { this.listen() },\n  methods: {\n    listen() {\n"
              "      const address = apiBase.replace(/^http/, 'ws') + `/orders?id=${this.id}`\n"
              "      this.task = uni.connectSocket({ url: address })\n    }\n  }\n}\n</script>\n")


@pytest.mark.parametrize(("base_url", "told"), [
    ("http://localhost:3300", set()),  # the request base is a developer's machine: so is its socket
    ("https://api.shop-example.cn", {(_SOCKET, "src/pages/me/me.vue", 8)}),
])
def test_a_socket_to_an_imported_request_base_with_its_scheme_swapped(repo, base_url, told):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write_files({"src/settings.js": f"// where the server runs\nexport const apiBase = '{base_url}'\n",
                      "src/pages/me/me.vue": _LIVE_PAGE})
    repo.commit()
    report = run(repo.path, base)
    assert _sockets(report) == told
    assert all(f.usage == "api-socket" for f in report.findings if f.rule == _SOCKET)


@pytest.mark.parametrize(("settings", "told"), [
    ("module.exports = {\n  socketAddress: 'ws://192.168.1.40:8100',\n}\n", set()),
    # the release build's side of a development test is a public host: told
    ("module.exports = {\n  socketAddress: process.env.NODE_ENV === 'development'\n"
     "    ? 'ws://192.168.1.40:8100' : 'wss://room.shop-example.cn',\n}\n",
     {(_SOCKET, "pages/me/me.js", 3)}),
])
def test_a_socket_to_a_member_of_a_required_settings_object(app_repo, settings, told):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"conf.js": settings,
                          "pages/me/me.js": "const conf = require('../../conf.js')\nPage({\n"
                                            "  onShow() { this.room = wx.connectSocket({ url: conf.socketAddress }) }\n"
                                            "})\n"})
    app_repo.commit()
    assert _sockets(run(app_repo.path, base)) == told


@pytest.mark.parametrize(("head", "told"), [
    # a constant of the file the address is built on
    ("const ROOM_BASE = 'ws://localhost:8800'\nPage({\n"
     "  onShow() { this.room = wx.connectSocket({ url: `${ROOM_BASE}/room/${this.id}` }) }\n})\n", set()),
    # an address the page is handed: its callers decide
    ("Page({\n  open(address) { return address },\n"
     "  onShow(query) { this.room = wx.connectSocket({ url: query.address }) }\n})\n",
     {(_SOCKET, "pages/me/me.js", 3)}),
    # an address the server answers with, beside a development placeholder
    ("Page({\n  data: { room: 'ws://localhost:8800' },\n"
     "  onShow() { wx.request({ url: 'https://api.shop-example.cn/room', success: res => { this.room = res.data.room } })"
     "; this.task = wx.connectSocket({ url: this.room }) }\n})\n",
     {(_SOCKET, "pages/me/me.js", 3)}),
    # an address a function of another module gives
    ("import { roomAddress } from '../../rooms'\nPage({\n"
     "  onShow() { this.room = wx.connectSocket({ url: roomAddress() }) }\n})\n",
     {(_SOCKET, "pages/me/me.js", 3)}),
])
def test_a_socket_address_the_file_shows_or_does_not(app_repo, head, told):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"rooms.js": "export function roomAddress() { return 'ws://localhost:8800' }\n",
                          "pages/me/me.js": head})
    app_repo.commit()
    assert _sockets(run(app_repo.path, base)) == told
