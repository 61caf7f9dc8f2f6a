"""A WXML file no page or component renders (an old view kept beside a page under another name, no script of
its own, named by no other file) is never on screen: nothing in it is reported. A template another page
includes still is. (A file manager's "x copy.wxml" is left out earlier, by its name: readers/discovery.py.)"""

from __future__ import annotations

from helpers import found, register_pages, run

PHONE = '<view>\n  <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号登录</button>\n</view>\n'


def test_an_old_view_kept_beside_a_page_reports_nothing(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/login/select_old.wxml", PHONE)
    app_repo.commit("keep the old login view")
    assert found(run(app_repo.path, base)) == set()


def test_a_template_another_page_includes_is_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("templates/phone.wxml", PHONE)
    app_repo.write("pages/index/index.wxml", '<include src="../../templates/phone.wxml"/>\n')
    app_repo.commit("phone login on the home page")
    assert ("privacy.phone_number", "templates/phone.wxml", 2, "app") in found(run(app_repo.path, base))


def test_the_view_of_a_page_is_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/login/select.wxml", PHONE)
    app_repo.write("pages/login/select.js", "Page({ onPhone() {} })\n")
    register_pages(app_repo)
    app_repo.commit("phone login page")
    assert ("privacy.phone_number", "pages/login/select.wxml", 2, "app") in found(run(app_repo.path, base))
