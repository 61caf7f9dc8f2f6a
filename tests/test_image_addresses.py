"""A URL held under an image's name (a default avatar, a share card's imageUrl, a logo) is an image address: an
<image> loads it from any host, so it is no new server domain. A name that says what a server does with it
(uploadImgUrl, avatarBaseUrl), a prefix other code appends to (imgUrl: 'https://host/'), or a constant the file
passes to a network API, stays a domain."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.urls import find_urls

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
    ("const url = `https://a.example.com/x?id=${id}`\nwx.request({ url })\n", "request"),  # shorthand option
    # an HTTP client's base URL is where its requests go
    ("const fly = new Fly()\nfly.config.baseURL = 'https://a.example.com:8004'\n", "request"),
    ("const http = axios.create({ baseURL: 'https://a.example.com' })\n", "request"),
    ("const BASE_URL = 'https://a.example.com/'\nwx.uploadFile({ url: BASE_URL + 'up', filePath: p, name: 'f' })\n",
     "upload"),
    ("const imageApi = 'https://a.example.com/x'\n", "code"),
    ("const images = ['https://a.example.com/x']\n", "code"),  # inside an array: not the declared value itself
    ("avatar('https://a.example.com/x')\n", "code"),
    # a function building one image's address from its name: the whole address, under the function's name
    ("const getSystemImg = (name) => `https://a.example.com/assets/images/${name}`\n", "media"),
    ("const getApiUrl = (path) => `https://a.example.com/api/${path}`\n", "code"),
    ("const getCoverImg = (id) => `https://a.example.com/covers/${id}?w=1`\n", "code"),  # ends in more than the value
    # the url of an object held under an image's name (TypeScript casts included) is that image's address
    ("const SHARE_COVER = { url: 'https://a.example.com/it/u=1' }\n", "media"),
    ("const shareCover = <Media>{ url: 'https://a.example.com/it/u=1', name: 'c' }\n", "media"),
    ("const x = { poster: { src: 'https://a.example.com/p/9' } as Media }\n", "media"),
    ("const SHARE_API = { url: 'https://a.example.com/share' }\n", "code"),
    ("const cover = { link: 'https://a.example.com/page', url: 'https://a.example.com/c' }\n", "code, media"),
    # an image CDN's processing or format parameter: a picture whatever its name or path
    ("const x = { link: 'https://a.example.com/p/1?x-oss-process=image/resize,w_200' }\n", "media"),
    ("const x = { link: 'https://a.example.com/p/1?imageView2/1/w/200' }\n", "media"),
    ("const x = { link: 'https://a.example.com/it/u=2&fm=3074&f=JPEG' }\n", "code"),  # no query: a path
    ("const x = { link: 'https://a.example.com/it/?u=2&fm=3074&f=JPEG&w=6' }\n", "media"),
    ("const x = { link: 'https://a.example.com/list?format=json' }\n", "code"),
    ("wx.request({ url: 'https://a.example.com/p/1?x-oss-process=image/info' })\n", "request"),
    # a font loaded at run time is downloaded: its host is a downloadFile domain, not a picture's
    ("wx.loadFontFace({ family: 'F', source: 'url(\"https://a.example.com/f/song.ttf\")' })\n", "download"),
    ("uni.loadFontFace({ family: 'F', source: 'url(\"https://a.example.com/f/song.woff\")' })\n", "download"),
    ("const font = { src: 'url(\"https://a.example.com/f/song.ttf\")' }\n", "media"),  # a style value only
])
def test_the_role_of_an_address_follows_its_name_and_its_use(code, role):
    path = "pages/a/a.ts" if "Media" in code else "pages/a/a.js"
    assert [f.role for f in js_facts(code, path).facts if f.subject == "host:a.example.com"] == role.split(", ")


@pytest.mark.parametrize(("code", "role"), [
    # a number after the image noun or its address word: still one image's name
    ("const bannerImg2 = 'https://a.example.com/b/2'\n", "media"),
    ("const x = { defaultAvatarUrl1: 'https://a.example.com/p/0' }\n", "media"),
    ("const api2 = 'https://a.example.com/x'\n", "code"),
    ("const uploadImg2 = 'https://a.example.com/up'\n", "code"),
    # an upper-case name running its words together: the image noun ends the last word
    ("const x = [{ 'SUGGEST_BGIMAGE': 'https://a.example.com/i/s?fmt=auto' }]\n", "media"),
    ("const HEADIMG = 'https://a.example.com/h/0'\n", "media"),
    ("const TOPIC_URL = 'https://a.example.com/t'\n", "code"),
    ("const UPLOADIMG = 'https://a.example.com/up'\n", "code"),
])
def test_a_numbered_image_name_still_holds_an_image(code, role):
    assert [f.role for f in js_facts(code, "pages/a/a.js").facts if f.subject == "host:a.example.com"] == [role]


# A test account's avatar kept in a login payload: a picture on WeChat's avatar CDN, under a name that is no
# image noun (userHead), and plain http as the CDN hands it out.
TEST_LOGIN = ("Page({\n  loginTest() {\n    const data = {\n"
              "      userHead: 'http://wx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTJ/132',\n"
              "      cover: 'https://mmsns.qpic.cn/mmsns/xY7d2/0?wx_fmt=jpeg',\n    }\n"
              "    wx.request({ url: 'https://api.shop-example.com/login', data })\n  }\n})\n")


def test_addresses_on_wechat_image_cdns_are_no_domains(app_repo):
    base = app_repo.commit("start")
    app_repo.write("pages/me/me.js", TEST_LOGIN)
    app_repo.commit("test login with a fixed avatar")
    report = run(app_repo.path, base)
    assert _domains(report) == {("host:api.shop-example.com", "pages/me/me.js", 7)}
    assert not [f for f in report.findings if f.rule == "external_link.insecure_url"]


def test_a_download_from_a_wechat_image_cdn_needs_its_domain(app_repo):
    # drawing the user's avatar on a canvas poster downloads it: downloadFile合法域名 must list the CDN
    base = app_repo.commit("start")
    app_repo.write("pages/me/me.js", "Page({ poster() {\n"
                   "  wx.downloadFile({ url: 'https://wx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTJ/0' })\n} })\n")
    app_repo.commit("poster with the avatar")
    assert _domains(run(app_repo.path, base)) == {("host:wx.qlogo.cn", "pages/me/me.js", 2)}


def test_a_font_loaded_from_a_new_host_needs_its_domain(app_repo):
    # wx.loadFontFace fetches the font as a download: downloadFile合法域名 must list the host
    base = app_repo.commit("start")
    app_repo.write("pages/me/me.js", "Page({ onLoad() {\n  wx.loadFontFace({\n    family: 'Kai',\n"
                   "    source: 'url(\"https://fonts.shop-example.com/kai.ttf\")',\n  })\n} })\n")
    app_repo.write("pages/me/me.wxss", ".t { background: url('https://img.shop-example.com/bg.png') }\n")
    app_repo.commit("title font")
    assert _domains(run(app_repo.path, base)) == {("host:fonts.shop-example.com", "pages/me/me.js", 4)}


@pytest.mark.parametrize(("host", "media"), [
    ("wx.qlogo.cn", True), ("mmbiz.qlogo.cn", True), ("mmsns.qpic.cn", True), ("qlogo.cn", True),
    ("qlogo.cn.example.com", False), ("notqpic.cn", False), ("api.example.com", False),
])
def test_wechat_image_cdn_hosts(host, media):
    assert find_urls(f"https://{host}/mmopen/abc/132")[0].is_media is media
