"""Login pages named by words that are parts of other words too: the truncated ``regist`` (a registration form
at ``../regist/regist``, a ``toRegist()`` helper), ``signup`` / ``sign-up`` / ``signUp`` and a ``reg`` page folder
are login targets as whole words of a path or a camel-case name; ``registry``, ``registration``, ``regionSelect``
and ``RegExp`` are not."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import run
from mp_precheck.readers.lifecycle import LOGIN_HELPER, LOGIN_TARGET, names_login

# The entry page checks membership on every show and sends non-members to TARGET from the request's callback.
MEMBER_CHECK = """Page({
  data: { list: [] },
  onShow: function() {
    this.checkMember();
  },
  checkMember: function() {
    wx.request({
      url: 'https://api.example.com/member',
      success: function(res) {
        if (!res.data.member) {
          wx.redirectTo({ url: 'TARGET' })
        }
      }
    })
  }
})
"""
APP_JSON = '{\n  "pages": ["pages/index/index", "PAGE"]\n}\n'


def _login(app_repo: Repo, target: str, page: str) -> set[tuple[str, str, int]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", APP_JSON.replace("PAGE", page))
    app_repo.write(f"{page}.js", "Page({})\n")
    app_repo.write(f"{page}.wxml", "<view>form</view>\n")
    app_repo.write("pages/index/index.js", MEMBER_CHECK.replace("TARGET", target))
    app_repo.commit("member check")
    return {(f.rule, f.path, f.line) for f in run(app_repo.path, base).findings if f.family == "login"}


@pytest.mark.parametrize(("target", "page"), [
    ("../regist/regist", "pages/regist/regist"), ("/pages/signup/signup", "pages/signup/signup"),
    ("/pages/user/sign-up", "pages/user/sign-up"), ("/pages/reg/reg", "pages/reg/reg"),
    ("/pages/registPage/index", "pages/registPage/index")])
def test_an_entry_page_sending_non_members_to_a_registration_form_from_a_request_fires(app_repo, target, page):
    # told where the method decides, inside its request callback
    assert _login(app_repo, target, page) == {("login.forced_login", "pages/index/index.js", 11)}


@pytest.mark.parametrize(("target", "page"), [
    ("/pages/registry/index", "pages/registry/index"), ("/pages/registration/detail", "pages/registration/detail"),
    ("/pages/regionSelect/index", "pages/regionSelect/index"), ("/pages/signupload/index", "pages/signupload/index")])
def test_an_entry_page_sending_users_to_a_page_only_containing_those_letters_stays_silent(app_repo, target, page):
    assert _login(app_repo, target, page) == set()


@pytest.mark.parametrize(("text", "login"), [
    ("../regist/regist", True), ("toRegist", True), ("REGIST_PAGE", True), ("goSignUp", True), ("SIGN_UP", True),
    ("pages/sign_up/index", True), ("/pages/Reg/index", True), ("pages/user/register", True),
    ("registry", False), ("registration", False), ("regionSelect", False), ("new RegExp(x)", False),
    ("regPhone", False), ("REG_PHONE", False), ("signUpload", False), ("signature", False), ("design", False)])
def test_whole_words_name_a_login_page_and_words_containing_them_do_not(text, login):
    assert bool(LOGIN_TARGET.search(text)) is login
    assert names_login(text) is login


@pytest.mark.parametrize(("name", "login"), [
    ("toRegist", True), ("goRegister", True), ("goRegisterPage", True), ("showSignUp", True),
    ("toRegistry", False), ("checkRegistration", False), ("goSignupload", False)])
def test_a_helper_named_as_opening_a_registration_page(name, login):
    assert bool(LOGIN_HELPER.match(name)) is login
