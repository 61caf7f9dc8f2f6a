from __future__ import annotations

from helpers import run
from mp_precheck.core.subject import parse
from mp_precheck.readers.markup import markup_facts


def facts(text: str) -> set[tuple[str, int]]:
    return {(f.subject, f.line) for f in markup_facts(text)}


def test_tags_and_capability_attributes_with_lines():
    text = ('<view>\n<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">x</button>\n'
            '<input type="nickname"/>\n<navigator target="miniProgram" app-id="wx123"/>\n'
            '<camera/><live-pusher url="rtmp://x"/>\n<ad unit-id="adunit-1"></ad>\n</view>\n')
    got = facts(text)
    for expected in [("button[open-type=getPhoneNumber]", 2), ("input[type=nickname]", 3),
                     ("navigator[target=miniProgram]", 4), ("<camera>", 5), ("<live-pusher>", 5), ("<ad>", 6)]:
        assert expected in got


def test_comments_are_ignored():
    assert ("<web-view>", 1) not in facts('<!-- <web-view src="https://a.example.com"/> -->\n')


def test_mustache_and_unclosed_tags_are_tolerated():
    text = '<view wx:if="{{ a < b && c > d }}">\n<text>{{ x < 3 ? "y" : "z" }}\n<web-view src="{{url}}"/>\n'
    assert ("<web-view>", 3) in facts(text)


def test_a_malformed_declaration_keeps_the_facts_read_before_it():
    # html.parser asserts on "<![" followed by a control character; the tags before it are still read
    text = '<web-view src="https://a.example.com"/>\n<![\x01'
    assert ("<web-view>", 1) in facts(text)


def test_attribute_on_later_line_of_a_multiline_tag():
    text = '<button\n  class="x"\n  open-type="chooseAvatar"\n>a</button>\n'
    assert ("button[open-type=chooseAvatar]", 3) in facts(text)


def test_web_view_host_and_media_host_roles():
    found = {(f.subject, f.role) for f in markup_facts(
        '<web-view src="https://h5.example.com/p"/>\n<image src="https://img.example.com/a.jpg"/>\n')
        if f.kind == "host"}
    assert found == {("web-view-host:h5.example.com", "web-view"), ("host:img.example.com", "media")}


def test_vue_bound_attributes_are_normalised():
    text = '<button :open-type="\'getPhoneNumber\'" @getphonenumber="x"/>\n<web-view :src="url"/>\n'
    got = facts(text)
    assert ("button[open-type=getPhoneNumber]", 1) in got and ("<web-view>", 2) in got


def test_open_type_on_ui_kit_button_counts():
    assert ("button[open-type=getPhoneNumber]", 1) in facts('<van-button open-type="getPhoneNumber"/>\n')


def test_capability_chosen_by_an_expression_is_each_of_its_quoted_values():
    text = ('<button open-type="{{agreed ? \'getPhoneNumber\' : \'\'}}">登录</button>\n'
            '<button open-type="{{kind}}">x</button>\n')
    got = facts(text)
    assert ("button[open-type=getPhoneNumber]", 1) in got
    assert not any(parse(subject).key == "open-type" for subject, line in got if line == 2)


def test_vue_bound_capability_attribute_is_read_like_wxml_mustache():
    got = facts('<button :open-type="agreed ? \'getPhoneNumber\' : \'\'">登录</button>\n'
                '<input :type="\'nickname\'"/>\n')
    assert {("button[open-type=getPhoneNumber]", 1), ("input[type=nickname]", 2)} <= got


def test_phone_button_made_conditional_is_neither_removed_nor_new(app_repo):
    app_repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">登录</button>\n')
    base = app_repo.commit("phone login")
    app_repo.write("pages/me/me.wxml", "<checkbox bindtap=\"agree\"/>\n"
                   "<button open-type=\"{{agreed ? 'getPhoneNumber' : ''}}\" bindgetphonenumber=\"onPhone\">登录</button>\n")
    app_repo.commit("agree first")
    report = run(app_repo.path, base)
    assert [f.rule for f in report.findings if f.family == "privacy"] == []
    assert [r.subject for r in report.removed] == []


def test_open_types_joined_by_a_bar_are_each_read():
    got = facts('<button open-type="getPhoneNumber|agreePrivacyAuthorization" bindgetphonenumber="p">同意并授权</button>\n'
                '<button open-type="share|contact">x</button>\n')
    assert {("button[open-type=getPhoneNumber]", 1), ("button[open-type=agreePrivacyAuthorization]", 1),
            ("button[open-type=share]", 2), ("button[open-type=contact]", 2)} <= got
    assert not any("|" in subject for subject, _line in got)


def test_a_phone_button_that_drops_its_consent_half_is_not_new(app_repo):
    app_repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber|agreePrivacyAuthorization" '
                                       'bindgetphonenumber="onPhone">同意隐私协议并授权</button>\n')
    base = app_repo.commit("phone login with consent")
    app_repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">登录</button>\n')
    app_repo.commit("phone login")
    assert [f.rule for f in run(app_repo.path, base).findings if f.family == "privacy"] == []
