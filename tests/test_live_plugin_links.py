"""WeChat's 小程序直播 plugin declared for a subpackage and its live rooms opened from a bound URL.

The plugin can be declared at the app level or for one subpackage (``subpackages[].plugins``, uni-app
``subPackages`` in pages.json); either way the declaration is live streaming (category.live_plugin) at the alias's
line, and the same plugin moved between the two places is nothing new. A room link written as a bound
expression (``:url="'plugin-private://…?room_id=' + room.id"``) is a room link like a literal one.
"""

from __future__ import annotations

import json

from helpers import places, run
from mp_precheck.readers.appconfig import app_config_facts
from mp_precheck.readers.bound import leading_literal
from mp_precheck.readers.markup import markup_facts
from test_frameworks import UNI_BASE

LIVE = "wx2b03c6e691cd7370"
ROOM = f"plugin-private://{LIVE}/pages/live-player-plugin?room_id="

UNI_PAGES = ('{\n  "pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}],\n'
             '  "subPackages": [{\n    "root": "pagesA",\n    "pages": [{"path": "live/live"}],\n'
             '    "plugins": {\n      "live-player-plugin": {\n        "version": "1.0.0",\n'
             f'        "provider": "{LIVE}"\n      }}\n    }}\n  }}]\n}}\n')

ROOM_LINK = ("<template>\n  <view>\n    <navigator :url=\"'" + ROOM + "' + room.id\">\n"
             "      直播\n    </navigator>\n  </view>\n</template>\n")


def test_the_live_plugin_declared_for_a_subpackage_and_a_bound_room_link_are_live_streaming(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write("src/pages.json", UNI_PAGES)
    repo.write("src/pagesA/live/live.vue", "<template><view>直播列表</view></template>\n")
    repo.write("src/pages/index/index.vue", ROOM_LINK)
    repo.commit()
    found = places(run(repo.path, base))
    assert ("category.live_plugin", "src/pages.json", 7) in found
    assert ("category.live_plugin", "src/pages/index/index.vue", 3) in found
    assert not any(rule == "privacy.plugin" for rule, _, _ in found)


def test_the_live_plugin_moved_into_a_subpackage_is_not_new(app_repo):
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n  "plugins": {\n'
                               f'    "live-player-plugin": {{"version": "1.0.0", "provider": "{LIVE}"}}\n  }}\n}}\n')
    base = app_repo.commit()
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n  "subpackages": [{\n'
                               '    "root": "live", "pages": ["room/room"],\n    "plugins": {\n'
                               f'      "live-player-plugin": {{"version": "1.0.1", "provider": "{LIVE}"}}\n'
                               '    }\n  }]\n}\n')
    app_repo.write("live/room/room.wxml", "<view>room</view>\n")
    app_repo.write("live/room/room.js", "Page({})\n")
    app_repo.commit()
    assert not any(rule.startswith("category.live") for rule, _, _ in places(run(app_repo.path, base)))


def test_a_plugin_of_each_subpackage_is_read_at_its_own_line():
    text = ('{\n  "pages": ["a/a"],\n  "plugins": {"maps": {"version": "1", "provider": "wxmaps"}},\n'
            '  "subpackages": [\n    {"root": "b", "pages": ["b"], "plugins": {\n'
            '      "maps": {"version": "1", "provider": "wxmaps"},\n'
            f'      "live": {{"version": "1", "provider": "{LIVE}"}}\n    }}}},\n'
            '    {"root": "c", "pages": ["c"], "plugins": "not a table"}\n  ]\n}\n')
    facts = {(f.subject, f.line) for f in app_config_facts(text, json.loads(text))}
    assert facts == {("app.json:plugins:wxmaps", 3), ("app.json:plugins:wxmaps", 6),
                     (f"app.json:plugins:{LIVE}", 7)}


def test_a_bound_url_is_a_plugin_page_only_when_it_starts_with_a_literal_plugin_url():
    facts = markup_facts('<navigator :url="`' + ROOM + '${room.id}`">a</navigator>\n'
                         '<navigator :url="base + \'' + ROOM + '\'">b</navigator>\n'
                         "<navigator :url=\"'/pages/detail/detail?id=' + id\">c</navigator>\n"
                         '<navigator url="{{\'' + ROOM + '\' + id}}">d</navigator>\n')
    assert sorted((f.subject, f.line) for f in facts if f.subject.startswith("plugin-page:")) == [
        (f"plugin-page:{LIVE}", 1), (f"plugin-page:{LIVE}", 4)]


def test_the_leading_literal_of_a_bound_expression():
    assert leading_literal("'a/' + b + 'c'") == "a/"
    assert leading_literal("(`x${y}z`)") == "x"
    assert leading_literal("'only'") == "only"
    assert leading_literal("b + 'a'") is None
    assert leading_literal("cond ? 'a' : 'b'") is None
    assert leading_literal("'a' - 1") is None
    assert leading_literal("f(") is None
    assert leading_literal("") is None
