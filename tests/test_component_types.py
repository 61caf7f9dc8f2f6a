"""Capabilities a component takes from its attributes: a <video> with an ad unit plays ads, a functional
page is typed by its name, and the live room page of WeChat's live plugin is live streaming whatever appid
the URL names; that plugin declared in app.json is a category matter, not just any plugin."""

from __future__ import annotations

from helpers import places as _found
from helpers import run
from test_frameworks import TARO_BASE


def test_a_video_with_an_ad_unit_plays_a_pre_roll_ad(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<video src="{{url}}"\n  ad-unit-id="adunit-5e1a2b3c4d5e6f70"\n/>\n'
                                       '<video src="{{other}}" autoplay="{{false}}"></video>\n</view>\n')
    app_repo.commit()
    assert _found(run(app_repo.path, base), "category") == {("category.ad", "pages/me/me.wxml", 3)}


def test_a_taro_video_with_ad_unit_id_and_an_ad_custom(repo):
    repo.write_files(TARO_BASE)
    base = repo.commit()
    repo.write("src/pages/me/index.tsx", "import { Video, AdCustom } from '@tarojs/components'\n"
                                         "export default () => <>\n  <Video src={url} adUnitId='adunit-77aa' />\n"
                                         "  <AdCustom unitId='adunit-88bb' />\n</>\n")
    repo.commit()
    assert _found(run(repo.path, base), "category") == {("category.ad", "src/pages/me/index.tsx", 3),
                                                        ("category.ad", "src/pages/me/index.tsx", 4)}


def test_functional_pages_are_typed_by_their_name(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<view>\n<functional-page-navigator name="requestPayment" version="release">'
                                       '支付</functional-page-navigator>\n'
                                       '<functional-page-navigator name="loginAndGetUserInfo">登录'
                                       '</functional-page-navigator>\n</view>\n')
    app_repo.commit()
    privacy = _found(run(app_repo.path, base), "privacy")
    assert privacy == {("privacy.user_info_reclaimed", "pages/me/me.wxml", 3)}


LIVE_APP_JSON = ('{\n  "pages": ["pages/index/index", "pages/me/me"],\n  "plugins": {\n    "live-player-plugin": {\n'
                 '      "version": "1.3.0",\n      "provider": "wx2b03c6e691cd7370"\n    }\n  }\n}\n')


def test_the_live_plugin_and_its_room_page_are_live_streaming_not_a_privacy_plugin(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", LIVE_APP_JSON)
    app_repo.write("pages/me/me.wxml", '<view>\n<navigator url="plugin-private://wx0000000000000001/pages/'
                                       'live-player-plugin?room_id=12">进入直播间</navigator>\n</view>\n')
    app_repo.commit()
    found = _found(run(app_repo.path, base))
    assert ("category.live_plugin", "app.json", 4) in found
    assert ("category.live_plugin", "pages/me/me.wxml", 2) in found
    assert not any(rule == "privacy.plugin" for rule, _, _ in found)


def test_any_other_plugin_still_asks_for_its_privacy_statement(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", LIVE_APP_JSON.replace("live-player-plugin", "bargain").replace(
        "wx2b03c6e691cd7370", "wx00000000000000ab"))
    app_repo.write("pages/me/me.wxml", '<view>\n<navigator url="plugin://bargain/list">砍价</navigator>\n</view>\n')
    app_repo.commit()
    found = _found(run(app_repo.path, base))
    assert ("privacy.plugin", "app.json", 4) in found
    assert not any(rule.startswith("category.live") for rule, _, _ in found)


def test_the_live_plugin_gets_the_shop_advice_and_the_live_components_keep_their_own(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", LIVE_APP_JSON)
    app_repo.write("pages/me/me.wxml", '<view>\n<live-player src="{{src}}" mode="live"></live-player>\n</view>\n')
    app_repo.commit()
    findings = {f.rule: f for f in run(app_repo.path, base).findings}
    plugin, component = findings["category.live_plugin"], findings["category.live"]
    assert (plugin.path, component.path) == ("app.json", "pages/me/me.wxml")
    assert "shop categories (电商平台" in plugin.fix and "not 电商平台" not in plugin.fix
    assert "live-player-plugin" in plugin.doc
    assert "not 电商平台" in component.fix
