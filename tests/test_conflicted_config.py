"""A configuration committed with git's conflict markers does not parse, but what its sides hold was the app's: a
change that only resolves the conflict adds none of it; an entry neither side had is still new."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.readers.conflictsides import sides
from test_frameworks import UNI_BASE

_PERMISSION = '  "permission": {\n    "scope.userLocation": {\n      "desc": "用于查找附近的门店"\n    }\n  },\n'
_CONFLICTED = ('{\n<<<<<<< HEAD\n  "pages": ["pages/index/index", "pages/me/me"],\n' + _PERMISSION
               + '=======\n  "pages": ["pages/index/index"],\n' + _PERMISSION + '>>>>>>> topic\n'
               '  "sitemapLocation": "sitemap.json"\n}\n')
_RESOLVED = '{\n  "pages": ["pages/index/index", "pages/me/me"],\n' + _PERMISSION + \
    '  "sitemapLocation": "sitemap.json"\n}\n'


def _permissions(report):
    return {f for f in places(report, "privacy") if f[0] == "privacy.permission"}


@pytest.mark.parametrize(("base_app", "told"), [
    (_CONFLICTED, set()),  # the permission was on both sides of the conflict: the app had it
    # neither side had one: the resolving change adds it
    (_CONFLICTED.replace(_PERMISSION, ""), {("privacy.permission", "app.json", 4)}),
])
def test_resolving_a_conflicted_app_json_adds_only_what_no_side_had(app_repo, base_app, told):
    app_repo.write("app.json", base_app)
    base = app_repo.commit("a merge left its markers")
    app_repo.write("app.json", _RESOLVED)
    app_repo.commit("markers removed")
    assert _permissions(run(app_repo.path, base)) == told


def test_a_conflicted_uni_app_manifest_resolved(repo):
    declared = '    "permission": { "scope.userLocation": { "desc": "用于查找附近的门店" } },\n'
    manifest = '{\n  "name": "shop",\n  "mp-weixin": {\n' + declared + '    "appid": "wx1"\n  }\n}\n'
    repo.write_files({**UNI_BASE, "src/manifest.json": manifest.replace(
        declared, "<<<<<<< ours\n" + declared + "=======\n" + declared.replace("门店", "店铺") + ">>>>>>> theirs\n")})
    base = repo.commit()
    repo.write("src/manifest.json", manifest)
    repo.commit()
    assert _permissions(run(repo.path, base)) == set()


def test_each_side_keeps_its_line_numbers():
    text = "a\n<<<<<<< HEAD\nours\n||||||| merged common ancestors\nold\n=======\ntheirs\n>>>>>>> b\nz\n"
    assert sides(text) == ("a\n\nours\n\n\n\n\n\nz\n", "a\n\n\n\n\n\ntheirs\n\nz\n")
    assert sides("a\n<<<<<<< HEAD\nb\n") == ()  # left open: no sides
    assert sides("a\n=======\nb\n") == ()  # no conflict
