"""A picture's address handed to an API that shows or saves it (previewImage, previewMedia, saveImageToPhotosAlbum)
is media: no 服务器域名 is configured for those APIs, so its host is no new server domain. A URL handed to a
network API (downloadFile, request) or to getImageInfo (a network picture needs its download domain) stays one
(readers/urls.py MEDIA_APIS, readers/jsfacts.py)."""

from __future__ import annotations

import pytest

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.jsfacts import js_facts


@pytest.mark.parametrize(("code", "role"), [
    ("wx.previewImage({ current: 'https://pics.example.com/a/1', urls: ['https://pics.example.com/a/1'] })\n",
     "media, media"),
    ("uni.saveImageToPhotosAlbum({ filePath: 'https://pics.example.com/poster/7' })\n", "media"),
    ("wx.previewMedia({ sources: ['https://pics.example.com/v/2'] })\n", "media"),
    # must stay a domain: a network API, and getImageInfo, which downloads the picture
    ("wx.downloadFile({ url: 'https://pics.example.com/poster/7' })\n", "download"),
    ("wx.getImageInfo({ src: 'https://pics.example.com/poster/7' })\n", "code"),
    ("wx.request({ url: 'https://pics.example.com/list', data: { urls: ['x'] } })\n", "request"),
])
def test_a_picture_shown_or_saved_by_an_api_is_media(code, role):
    facts = js_facts(code, "pages/a/a.js").facts
    assert [f.role for f in facts if f.subject == "host:pics.example.com"] == role.split(", ")


POSTER_PAGE = ("Page({\n  keep() {\n    wx.showLoading({ title: '保存中' })\n"
               "    wx.{api}({ {key}: 'https://pics.example.com/poster/7' })\n  }\n})\n")


def _domains(tmp_path, api: str, key: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.js": POSTER_PAGE.replace("{api}", api).replace("{key}", key)})
    repo.commit("keep the poster")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


def test_a_host_only_saved_to_the_album_is_no_new_domain(tmp_path):
    assert _domains(tmp_path, "saveImageToPhotosAlbum", "filePath") == set()


def test_a_host_the_page_downloads_from_is_a_new_domain(tmp_path):
    assert _domains(tmp_path, "downloadFile", "url") == {("external_link.domain", "pages/me/me.js", 4)}
