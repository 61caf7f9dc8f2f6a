"""A URL prefix completed by a picture's file name (readers/imagepaths.py) is one picture's address: ``'https://host/'
+ photoPath`` where ``photoPath`` ends in ``.jpg`` is kept in a record and shown by an <image>, which needs no
server domain. The same prefix completed by anything else, or handed to a network API, stays a domain."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.jsfacts import js_facts

STORE = "https://files.store-example.com/"
# A banner page showed pictures from the storage host before the change.
HOME_JS = "Page({ data: { banners: [{ picUrl: '" + STORE + "b/1.jpg' }] } })\n"
# The change keeps an uploaded photo's address in the post it saves.
POST_JS = """Page({
  saved: [],
  done(stamp) {
    let photoPath = 'photos/' + stamp + '.jpg'
    wx.cloud.callFunction({ name: 'store', data: { path: photoPath }, success: () => {
      this.saved.push('""" + STORE + """' + photoPath)
    } })
  },
})
"""


def _domains(report):
    return {(f.subject, f.path, f.line) for f in report.findings if f.rule == "external_link.domain"}


def test_a_photo_address_built_from_its_file_name_is_no_new_domain(app_repo):
    app_repo.write("pages/index/index.js", HOME_JS)
    base = app_repo.commit("banners")
    app_repo.write("pages/me/me.js", POST_JS)
    app_repo.commit("the post keeps its photo's address")
    assert _domains(run(app_repo.path, base)) == set()


def test_the_same_prefix_completed_by_an_id_is_a_domain(app_repo):
    app_repo.write("pages/index/index.js", HOME_JS)
    base = app_repo.commit("banners")
    app_repo.write("pages/me/me.js", POST_JS.replace(".jpg'", "'"))
    app_repo.commit("the post keeps an address")
    assert _domains(run(app_repo.path, base)) == {("host:files.store-example.com", "pages/me/me.js", 6)}


@pytest.mark.parametrize(("code", "role"), [
    ("const p = 'a/' + n + '.png'\nlist.push('https://a.example.com/' + p)\n", "media"),
    ("list.push('https://a.example.com/a/' + n + '.webp?v=2')\n", "media"),
    ("list.push('https://a.example.com/a/' + (n + '.jpeg'))\n", "media"),
    ("const p = n + '.png'\nlist.push(`https://a.example.com/a/${p}`)\n", "media"),
    ("list.push('https://a.example.com/a/' + n)\n", "code"),
    ("list.push('https://a.example.com/a/' + n + '.json')\n", "code"),
    ("const p = 'a/' + n\nlist.push('https://a.example.com/' + p)\n", "code"),
    ("wx.uploadFile({ url: 'https://a.example.com/up/' + n + '.png', filePath: f, name: 'f' })\n", "code"),
    ("wx.downloadFile({ url: 'https://a.example.com/d/' + n + '.png' })\n", "code"),
    ("wx.getImageInfo({ src: 'https://a.example.com/d/' + n + '.png' })\n", "code"),
])
def test_the_role_of_a_prefix_follows_what_completes_it(code, role):
    assert [f.role for f in js_facts(code, "pages/a/a.js").facts if f.subject == "host:a.example.com"] == [role]
