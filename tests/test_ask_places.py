"""What is no new ask for data: a page's one photo picker split into one call per source (a second picker beside
the kept one is), and a method of a new service class nothing calls yet (one a page calls is a use)."""

from __future__ import annotations

from helpers import found, run


def _profile(found_set: set[tuple[str, str, int, str]]) -> set[tuple[str, str, int, str]]:
    return {f for f in found_set if f[0] == "privacy.user_info_reclaimed"}


PICKER_PAGE = ("Page({{\n"
               "  {name}() {{\n"
               "    wx.chooseImage({{\n"
               "      count: 1,\n"
               "      sourceType: {sources},\n"
               "      success: (res) => this.show(res.tempFilePaths[0])\n"
               "    }})\n"
               "  }},\n"
               "{more}"
               "  show(path) {{\n"
               "    this.setData({{ path }})\n"
               "  }}\n"
               "}})\n")
CAMERA_ONLY = ("  fromCamera() {\n"
               "    wx.chooseImage({ count: 1, sourceType: ['camera'], success: (res) => this.show(res.tempFilePaths[0]) })\n"
               "  },\n")


def _album(found_set: set[tuple[str, str, int, str]]) -> set[tuple[str, str, int, str]]:
    return {f for f in found_set if f[0] == "privacy.album"}


def test_one_picker_split_into_a_call_per_source_is_not_a_new_call_site(app_repo):
    app_repo.write("pages/me/me.js", PICKER_PAGE.format(name="pick", sources="['album', 'camera']", more=""))
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", PICKER_PAGE.format(name="fromAlbum", sources="['album']", more=CAMERA_ONLY))
    app_repo.commit()
    assert _album(found(run(app_repo.path, base))) == set()


def test_a_second_picker_beside_the_kept_one_is_a_new_call_site(app_repo):
    app_repo.write("pages/me/me.js", PICKER_PAGE.format(name="pick", sources="['album', 'camera']", more=""))
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", PICKER_PAGE.format(name="pick", sources="['album', 'camera']",
                                                        more=CAMERA_ONLY))
    app_repo.commit()
    assert _album(found(run(app_repo.path, base))) == {("privacy.album", "pages/me/me.js", 10, "file")}


ACCOUNT = ("export default class Account {\n"
           "  session() {\n    return wx.login({})\n  }\n\n"
           "  profile() {\n    return wx.getUserInfo({})\n  }\n}\n")


def _calling(method: str) -> str:
    return ("import Account from '../../services/account'\n"
            f"Page({{\n  onLoad() {{\n    new Account().{method}()\n  }}\n}})\n")


def test_a_new_service_method_nothing_calls_is_no_use_yet(app_repo):
    base = app_repo.commit()
    app_repo.write_files({"services/account.js": ACCOUNT, "pages/index/index.js": _calling("session")})
    app_repo.commit()
    assert _profile(found(run(app_repo.path, base))) == set()


def test_a_new_service_method_a_page_calls_is_a_use(app_repo):
    base = app_repo.commit()
    app_repo.write_files({"services/account.js": ACCOUNT, "pages/index/index.js": _calling("profile")})
    app_repo.commit()
    assert _profile(found(run(app_repo.path, base)))
