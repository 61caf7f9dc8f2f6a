"""The on-disk fact cache: a second run over the same commits parses nothing new."""

from __future__ import annotations

import sys

from mp_precheck.app import check_change
from mp_precheck.git.repo import GitRepo


def test_second_run_with_the_cache_parses_nothing(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage() } })\n")
    app_repo.write("pages/me/me.wxml", '<button open-type="getPhoneNumber">x</button>\n')
    app_repo.commit()
    cache = str(tmp_path / "cache" / "facts.sqlite")
    first = check_change(GitRepo(app_repo.path), base, "HEAD", language="en", cache=cache)
    second = check_change(GitRepo(app_repo.path), base, "HEAD", language="en", cache=cache)
    assert first.blobs_parsed >= 2
    assert second.blobs_parsed == 0
    assert second.report.findings == first.report.findings


def test_a_damaged_cache_is_ignored_not_fatal(app_repo, tmp_path, capsys):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "wx.chooseImage()\n")
    app_repo.commit()
    cache = tmp_path / "facts.sqlite"
    cache.write_bytes(b"this is not a database")
    run = check_change(GitRepo(app_repo.path), base, "HEAD", language="en", cache=str(cache),
                       log=lambda line: print(line, file=sys.stderr))
    assert [f.rule for f in run.report.findings] == ["privacy.album"]
    assert "fact cache" in capsys.readouterr().err


def test_same_content_under_another_name_is_read_for_that_name(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    hook = "App({ onLaunch() { wx.reLaunch({ url: '/pages/login/login' }) } })\n"
    app_repo.write("app.js", hook)
    app_repo.write("pages/me/me.js", hook)  # the same blob: in a page it is not App.onLaunch
    app_repo.commit()
    run = check_change(GitRepo(app_repo.path), base, "HEAD", language="en", cache=str(tmp_path / "c.sqlite"))
    assert {(f.rule, f.path) for f in run.report.findings if f.family == "login"} == {
        ("login.forced_login", "app.js")}
