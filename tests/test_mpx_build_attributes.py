"""mpx's attribute-level conditional compilation (readers/atmode.py): ``open-type@wx="getPhoneNumber"`` is the
WeChat build's ``open-type``, ``open-type@ali`` only Alipay's; every markup reader sees attributes as the WeChat
build has them (a privacy button, its event binding), whatever the other builds hold."""

from __future__ import annotations

from conftest import Repo
from helpers import places, run
from mp_precheck.core.report import Report
from mp_precheck.readers.atmode import wechat_attributes, wechat_name

APP = ('<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
       '<script type="application/json">\n{\n  "pages": ["./pages/index", "./pages/profile"]\n}\n</script>\n')
PAGE = ('<template>\n  <view class="page">\n    {button}\n  </view>\n</template>\n\n'
        '<script>\nimport {{ createPage }} from "@mpxjs/core"\ncreatePage({{\n  onPhone (e) {{ console.log(e) }}\n}})\n'
        '</script>\n')


def _report(tmp_path, button: str) -> Report:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@mpxjs/core": "^2.10.0"}}\n', "src/app.mpx": APP,
                      "src/pages/index.mpx": "<template><view>home</view></template>\n",
                      "src/pages/profile.mpx": PAGE.format(button="<view>profile</view>")})
    base = repo.commit("base")
    repo.write("src/pages/profile.mpx", PAGE.format(button=button))
    repo.commit("a button")
    return run(repo.path, base)


def _privacy(tmp_path, button: str) -> set[tuple[str, str, int]]:
    return {place for place in places(_report(tmp_path, button), "privacy") if place[0] != "privacy.no_consent_flow"}


def _hosts(tmp_path, src: str) -> set[str]:
    report = _report(tmp_path, f'<web-view {src}="https://h5.partner.example.com/page"></web-view>')
    return {f.rule for f in report.findings if "h5.partner.example.com" in f"{f.subject} {f.value}"}


def test_a_phone_button_marked_for_the_wechat_build_is_reported(tmp_path):
    assert _privacy(tmp_path, '<button open-type@wx="getPhoneNumber" bindgetphonenumber@wx="onPhone" '
                              'open-type@ali="getAuthorize">手机号</button>') \
        == {("privacy.phone_number", "src/pages/profile.mpx", 3)}


def test_a_phone_button_for_several_builds_including_wechat_is_reported(tmp_path):
    assert _privacy(tmp_path, '<button open-type@wx|swan="getPhoneNumber" bind:getphonenumber@(wx|swan)="onPhone">'
                              '手机号</button>') == {("privacy.phone_number", "src/pages/profile.mpx", 3)}


def test_a_phone_button_only_another_build_has_is_silent(tmp_path):
    assert _privacy(tmp_path, '<button open-type@ali|tt="getPhoneNumber" onGetAuthorize@ali="onPhone">手机号</button>') \
        == set()


def test_a_web_view_address_only_another_build_has_names_no_host(tmp_path):
    assert _hosts(tmp_path, "src@ali") == set()


def test_a_web_view_address_the_wechat_build_has_names_its_host(tmp_path):
    assert _hosts(tmp_path, "src@wx") != set()


def test_attribute_names_as_the_wechat_build_has_them():
    assert wechat_name("open-type@wx") == "open-type"
    assert wechat_name("bind:getuserinfo@_wx") == "bind:getuserinfo"
    assert wechat_name("class@wx:didi|ali") == "class"
    assert wechat_name("@click@wx") == "@click"
    assert wechat_name("open-type@ali") is None
    assert wechat_name("scope@(ali|swan)") is None
    assert wechat_name("@tap") == "@tap"  # Vue's event shorthand, no build suffix
    assert wechat_name("data-mail@example") == "data-mail@example"  # not a build: left as written
    assert wechat_attributes([("open-type@wx", "share"), ("open-type@ali", "share"), ("src", "a.png")]) == [
        ("open-type", "share"), ("src", "a.png")]
