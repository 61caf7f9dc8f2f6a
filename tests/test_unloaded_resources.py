"""A script nothing loads ships nothing: a WePY 1.x app's too. It keeps its secrets and hosts; a record's ``url`` in
an ``images`` list is a picture's address, no server, loaded or not."""

from __future__ import annotations

from helpers import places, run

WEPY_APP = {
    "src/app.wpy": "<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
                   "  config = { pages: ['pages/index'] }\n}\n</script>\n",
    "src/pages/index.wpy": "<template><view>hi</view></template>\n<script>\nimport wepy from 'wepy'\n"
                           "export default class Index extends wepy.page {}\n</script>\n",
}
MOCK = ("export default {\n  goods: [{\n    id: 7,\n    images: [{ url: 'http://pics.example.com/Fq81bC2x' }]\n"
        "  }]\n}\n")
LOCATING = "export function where() {\n  return wepy.getLocation({ type: 'gcj02' })\n}\n"


def _rules(report) -> set[tuple[str, str]]:
    return {(rule, path) for rule, path, _line in places(report)}


def test_a_wepy_script_nothing_imports_asks_for_nothing(repo):
    repo.write_files(WEPY_APP)
    base = repo.commit()
    repo.write_files({"src/mock/shop.js": MOCK, "src/utils/place.js": LOCATING})
    repo.commit()
    assert not {r for r in _rules(run(repo.path, base)) if r[0].startswith(("privacy.", "external_link."))}


def test_a_wepy_page_importing_the_scripts_gets_their_findings(repo):
    repo.write_files(WEPY_APP)
    base = repo.commit()
    repo.write_files({"src/mock/shop.js": MOCK, "src/utils/place.js": LOCATING,
                      "src/pages/index.wpy": "<template><view>hi</view></template>\n<script>\nimport wepy from 'wepy'\n"
                                             "import shop from '../mock/shop'\nimport { where } from '../utils/place'\n"
                                             "export default class Index extends wepy.page {\n"
                                             "  data = { shop }\n  onLoad() { where() }\n}\n</script>\n"})
    repo.commit()
    found = _rules(run(repo.path, base))
    assert ("privacy.location", "src/utils/place.js") in found
    assert ("external_link.domain", "src/mock/shop.js") not in found  # a picture record's address


def test_an_unloaded_script_still_names_its_server_not_its_picture_records(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/env.js": "module.exports = {\n  root: 'https://api.example.com/v2/login',\n"
                                          "  photos: [{ id: 1, url: 'https://pics.example.com/q1w2e3' }]\n}\n"})
    app_repo.commit()
    domains = {f.subject for f in run(app_repo.path, base).findings if f.rule == "external_link.domain"}
    assert domains == {"host:api.example.com"}
