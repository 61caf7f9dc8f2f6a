"""A package copied into a package manager's folder of a native Mini Program (``bower_components/``) ships with the
app: the scripts the app's own code requires, directly or through the package, are read as a vendored SDK
(facts/vendored.py); the rest of the folder, a folder nothing requires and ``node_modules`` stay unread."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_ENTRY = "const geo = require('./src/geo')\nmodule.exports = { where: geo.where }\n"
_GEO = ("function where(done) {\n  wx.getLocation({ type: 'gcj02', success: done })\n}\n"
        "module.exports = { where }\n")
_UNUSED = "module.exports = function () { wx.chooseAddress({}) }\n"
_PAGE = "const maps = require('../../bower_components/map-helper/main.js')\nPage({ onTap() { maps.where(() => {}) } })\n"


def _privacy(tmp_path, folder: str, page: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({f"{folder}/map-helper/main.js": _ENTRY, f"{folder}/map-helper/src/geo.js": _GEO,
                      f"{folder}/map-helper/test/address.js": _UNUSED, "pages/me/me.js": page})
    repo.commit("a map helper vendored in")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings
            if f.family == "privacy" and f.rule.startswith("privacy.location")}


def test_a_vendored_script_the_app_requires_through_its_package_is_read(tmp_path):
    assert _privacy(tmp_path, "bower_components", _PAGE) == {
        ("privacy.location", "bower_components/map-helper/src/geo.js", 2)}


def test_a_vendored_package_nothing_requires_stays_unread(tmp_path):
    assert _privacy(tmp_path, "bower_components", "Page({})\n") == set()


def test_node_modules_stays_unread_even_when_required(tmp_path):
    found = _privacy(tmp_path, "node_modules", _PAGE.replace("bower_components", "node_modules"))
    assert not {path for _rule, path, _line in found if path.startswith("node_modules/")}
