"""Privacy APIs a minified SDK copied into the app calls (readers/sdkprivacy.py, analyzers/vendored_sdk.py)."""

from __future__ import annotations

from analyzer_context import finding, project_context
from helpers import run
from mp_precheck.analyzers import vendored_sdk
from mp_precheck.readers.sdkprivacy import vendored_privacy_calls

# A one-line promotion SDK as such vendors ship it: it wraps App, reads the position and the profile when they
# were granted, and posts them to its server.
PROMO_SDK = (
    '!function(){var n={host:"https://log.promo.example"},o=wx;function a(e){o.request({url:n.host+"/r",'
    'data:e})}function g(){wx.getSetting({success:function(s){s.authSetting["scope.userLocation"]&&'
    'o.getLocation({type:"wgs84",success:a})}})}!function(t){t["getUserInfo"]({success:a})}(wx);'
    'var r=App;App=function(e){g();r(e)}}();\n')
# A minified chart library: it draws and saves to a temporary file, names no privacy API but in its strings.
CHART_LIB = ('!function(e){var t={save:"saveImageToPhotosAlbum"},i=e.getSystemInfoSync();'
             'e.canvasToTempFilePath({canvasId:"c"});console.log("wx.chooseImage.cancel")}(wx);\n')
CONSENT = "App({ onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => this.showPrivacyPopup(resolve)) } })\n"
APP_JS = "require('./utils/promo_sdk.min.js')\n" + CONSENT


def _calls(text: str) -> list[tuple[str, int]]:
    return [(f.subject, f.line) for f in vendored_privacy_calls(text, "utils/sdk.min.js")]


def test_an_sdks_calls_of_privacy_apis_through_wx_an_alias_and_a_parameter():
    assert sorted(_calls(PROMO_SDK)) == [("wx.getLocation", 1), ("wx.getUserInfo", 1)]
    assert _calls("var p=wx;\np['chooseImage']({});\nwx.authorize({scope:'scope.userLocation'})") == [
        ("wx.chooseImage", 2), ("wx.authorize:scope.userLocation", 3)]
    assert _calls("e(wx.setClipboardData);(0,uni.chooseMedia)({})") == [("wx.setClipboardData", 1),
                                                                         ("wx.chooseMedia", 1)]


def test_names_that_are_no_call_of_a_privacy_api_stay_silent():
    assert _calls(CHART_LIB) == []
    assert _calls('this.getUserInfo();t.getLocation();var m=["getLocation","chooseImage"];'
                  'if(wx.getUserProfile){}wx.getLocation=function(){};"function"==typeof wx.chooseImage') == []
    # a name bound to wx elsewhere, shadowed by a parameter here, or given wx by no call
    assert _calls("var e=wx;function f(e){e.getLocation()}") == []
    assert _calls("function f(e){e.getLocation()}f(wx)") == []
    assert _calls("function f(){var e=wx}function g(){e.getLocation()}") == []


def test_a_vendored_sdk_is_told_by_type_and_as_an_sdk_to_name_in_the_guideline(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/promo_sdk.min.js": PROMO_SDK, "app.js": APP_JS})
    app_repo.commit()
    found = {(f.rule, f.subject, f.path, f.line, f.value) for f in run(app_repo.path, base).findings
             if f.family == "privacy" and f.rule != "privacy.required_private_infos_missing"}
    assert found == {
        ("privacy.location", "wx.getLocation", "utils/promo_sdk.min.js", 1, "third-party SDK"),
        ("privacy.user_info_reclaimed", "wx.getUserInfo", "utils/promo_sdk.min.js", 1, "third-party SDK"),
        ("privacy.third_party_sdk", "sdk:privacy", "utils/promo_sdk.min.js", 1, "Location / UserInfo")}


def test_a_minified_library_without_privacy_calls_or_loaded_by_nothing_adds_no_privacy_item(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"libs/chart.min.js": CHART_LIB, "app.js": "require('./libs/chart.min.js')\n" + CONSENT,
                          "sdk/promo_sdk.min.js": PROMO_SDK})  # the SDK sits in the tree, nothing loads it
    app_repo.commit()
    assert [f for f in run(app_repo.path, base).findings if f.family == "privacy"] == []


def _sdk_items(files: dict[str, str]) -> set[tuple[str, str, int, str | None]]:
    context = project_context(files)
    findings = [finding(rule, subject, path, line) for rule, subject, path, line in (
        ("privacy.location", "wx.getLocation", path, 1) for path in files if path.endswith(".js"))]
    return {(f.rule, f.path, f.line, f.value) for f in vendored_sdk.analyze(context, findings)}


def test_a_minified_sdk_named_as_a_plain_script_is_an_sdk_but_a_page_or_a_long_literal_is_not():
    code = ";".join(f"function f{i}(e){{return e&&e.v{i}}}" for i in range(120))
    sdk = f"!function(){{{code};wx.getLocation({{success:function(){{}}}})}}();\n"
    assert _sdk_items({"utils/stat_sdk.js": sdk}) == {
        ("privacy.location", "utils/stat_sdk.js", 1, "third-party SDK"),
        ("privacy.third_party_sdk", "utils/stat_sdk.js", 1, "Location")}
    assert _sdk_items({"pages/index/index.js": sdk, "pages/index/index.wxml": "<view/>\n"}) == {
        ("privacy.location", "pages/index/index.js", 1, None)}
    image = "export const LOGO = 'data:image/png;base64," + "iVBORw0KGgo" * 400 + "'\nwx.getLocation({})\n"
    assert _sdk_items({"utils/logo.js": image}) == {("privacy.location", "utils/logo.js", 1, None)}
