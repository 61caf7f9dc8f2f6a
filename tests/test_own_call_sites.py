"""A file that reaches a privacy API through a project helper and also calls the platform itself is told at its own
call (core/placing.py ``at_own_calls``): the same API called directly, or, for a type whose other calls work only
once the API ran (``follow_calls`` in checks/privacy.yml: a Bluetooth connection on the adapter the helper opened),
the first such call the change adds. A file that only calls the helper keeps its finding at that call."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_APP_JSON = '{\n  "pages": ["pages/index/index", "pages/lamp/lamp"]\n}\n'
_RADIO = ("export function powerUp() {\n"
          "  return new Promise((resolve, reject) => {\n"
          "    wx.openBluetoothAdapter({ success: resolve, fail: reject })\n"
          "  })\n"
          "}\n")
_SPOT = ("export const whereAmI = () =>\n"
         "  new Promise((ok) => wx.getLocation({ type: 'gcj02', success: ok }))\n")


def _lamp(body: str) -> str:
    return ("import { powerUp } from '../../utils/radio'\n"
            "Page({\n"
            "  data: { lampId: '' },\n"
            f"{body}"
            "})\n")


_OPEN = "  async onLoad() {\n    await powerUp()\n  },\n"  # the helper's call: line 5


def _found(tmp_path, rule: str, base: dict[str, str], head: dict[str, str]) -> set[tuple[str, int, str | None]]:
    repo, commit = minimal_app(tmp_path / "repo", {"app.json": _APP_JSON, **base})
    repo.write_files(head)
    repo.commit("lamp page")
    return {(f.path, f.line, f.value) for f in run(repo.path, commit).findings if f.rule == rule}


def _bluetooth(tmp_path, page: str, base_page: str | None = None) -> set[tuple[str, int, str | None]]:
    base = {"pages/lamp/lamp.js": base_page} if base_page is not None else {}
    head = {"utils/radio.js": _RADIO, "pages/lamp/lamp.js": page,
            "pages/lamp/lamp.wxml": '<view bindtap="pair">连接台灯</view>\n'}
    return {f for f in _found(tmp_path, "privacy.bluetooth", base, head) if f[0] == "pages/lamp/lamp.js"}


def test_a_connection_the_page_makes_itself_carries_its_bluetooth_use(tmp_path):
    pair = ("  pair() {\n"
            "    wx.closeBluetoothAdapter()\n"
            "    wx.createBLEConnection({ deviceId: this.data.lampId })\n"
            "  },\n")
    assert _bluetooth(tmp_path, _lamp(_OPEN + pair)) == {("pages/lamp/lamp.js", 9, "wx.createBLEConnection")}


def test_a_page_that_only_calls_the_helper_stays_told_at_the_call(tmp_path):
    close = "  onUnload() {\n    wx.closeBluetoothAdapter()\n    wx.offBluetoothDeviceFound()\n  },\n"
    assert _bluetooth(tmp_path, _lamp(_OPEN + close)) == {("pages/lamp/lamp.js", 5, None)}


def test_a_connection_already_in_the_base_page_leaves_the_helper_call_told(tmp_path):
    pair = "  pair() {\n    wx.createBLEConnection({ deviceId: this.data.lampId })\n  },\n"
    assert _bluetooth(tmp_path, _lamp(_OPEN + pair), base_page=_lamp(pair)) == {("pages/lamp/lamp.js", 5, None)}


def test_a_page_opening_a_server_itself_keeps_both_its_calls(tmp_path):
    serve = "  serve() {\n    wx.createBLEPeripheralServer()\n    wx.createBLEConnection({ deviceId: 'x' })\n  },\n"
    assert {line for _p, line, _v in _bluetooth(tmp_path, _lamp(_OPEN + serve))} == {5, 8}


_MAP = ("import { whereAmI } from '../../utils/spot'\n"
        "Page({\n"
        "  async onLoad() {\n"
        "    this.setData({ here: await whereAmI() })\n"
        "  },\n"
        "{more}"
        "})\n")


def test_the_same_api_called_directly_carries_the_use_not_the_helper_call(tmp_path):
    direct = "  refresh() {\n    wx.getLocation({ type: 'wgs84', success: (r) => this.setData({ here: r }) })\n  },\n"
    found = _found(tmp_path, "privacy.location", {}, {"utils/spot.js": _SPOT,
                                                      "pages/lamp/lamp.js": _MAP.replace("{more}", direct)})
    assert ("pages/lamp/lamp.js", 7, None) in found and ("pages/lamp/lamp.js", 4, None) not in found


def test_a_page_reading_the_position_only_through_the_helper_is_told_at_its_call(tmp_path):
    found = _found(tmp_path, "privacy.location", {}, {"utils/spot.js": _SPOT,
                                                      "pages/lamp/lamp.js": _MAP.replace("{more}", "")})
    assert ("pages/lamp/lamp.js", 4, None) in found
