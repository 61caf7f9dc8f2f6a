"""A URL held under an image's name (a default avatar, a share card's imageUrl, a logo) is an image address: an
<image> loads it from any host, so it is no new server domain. A name that says what a server does with it
(uploadImgUrl, avatarBaseUrl), a prefix other code appends to (imgUrl: 'https://host/'), or a constant the file
passes to a network API, stays a domain."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.jsfacts import js_facts

PROFILE = ("const defaultAvatarUrl = 'https://img.cdn-example.com/mmbiz/Q3auHgzwzM4/0'\nPage({\n"
           "  data: { avatarUrl: defaultAvatarUrl },\n"
           "  onChooseAvatar(e) { this.setData({ avatarUrl: e.detail.avatarUrl }) },\n"
           "  onShareAppMessage() { return { title: '答题', imageUrl: 'https://share.cdn-example.com/card/7.jpg?v=2' } },\n"
           "  logo() { this.data.brandLogo = flag ? 'https://logo.cdn-example.com/l' : '' }\n})\n")


def _domains(report):
    return {(f.subject, f.path, f.line) for f in report.findings if f.rule == "external_link.domain"}


def test_image_addresses_held_under_image_names_are_no_domains(app_repo):
    base = app_repo.commit("start")
    app_repo.write("pages/me/profile.js", PROFILE)
    app_repo.commit("profile page with a default avatar")
    assert _domains(run(app_repo.path, base)) == set()


def test_an_endpoint_named_after_images_is_still_a_domain(app_repo):
    base = app_repo.commit("start")
    app_repo.write("pages/me/profile.js", "const uploadImgUrl = 'https://api.shop-example.com/upload'\n"
                   "const avatarBaseUrl = 'https://files.shop-example.com/'\nPage({})\n")
    app_repo.commit("endpoints")
    assert _domains(run(app_repo.path, base)) == {("host:api.shop-example.com", "pages/me/profile.js", 1),
                                                  ("host:files.shop-example.com", "pages/me/profile.js", 2)}


@pytest.mark.parametrize(("code", "role"), [
    ("const avatarUrl = 'https://a.example.com/p/0'\n", "media"),
    ("const x = { shareImage: 'https://a.example.com/s' }\n", "media"),
    ("const x = { 'cover_img': `https://a.example.com/c` }\n", "media"),
    ("this.headImg = 'https://a.example.com/h/0'\n", "media"),
    ("this.headImg = 'https://a.example.com/h/' + id\n", "code"),  # a prefix: a base other code appends to
    ("const x = { imgUrl: 'https://a.example.com/' }\n", "code"),
    ("const OSS_IMAGE_URL = 'https://a.example.com/pic/'\n", "code"),
    ("const imageUrl = 'https://a.example.com/x'\nwx.downloadFile({ url: imageUrl })\n", "download"),
    ("const imageUrl = 'https://a.example.com/x'\nwx.uploadFile({ url: imageUrl, filePath: p, name: 'f' })\n", "upload"),
    ("const logo = 'https://a.example.com/l.png'\nwx.downloadFile({ url: logo })\n", "download"),
    ("const x = { url: 'https://a.example.com/x' }\n", "code"),
    ("const imageApi = 'https://a.example.com/x'\n", "code"),
    ("const images = ['https://a.example.com/x']\n", "code"),  # inside an array: not the declared value itself
    ("avatar('https://a.example.com/x')\n", "code"),
    # a function building one image's address from its name: the whole address, under the function's name
    ("const getSystemImg = (name) => `https://a.example.com/assets/images/${name}`\n", "media"),
    ("const getApiUrl = (path) => `https://a.example.com/api/${path}`\n", "code"),
    ("const getCoverImg = (id) => `https://a.example.com/covers/${id}?w=1`\n", "code"),  # ends in more than the value
])
def test_the_role_of_an_address_follows_its_name_and_its_use(code, role):
    assert [f.role for f in js_facts(code, "pages/a/a.js").facts if f.subject == "host:a.example.com"] == [role]
