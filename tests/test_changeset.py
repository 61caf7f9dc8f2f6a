from __future__ import annotations

from helpers import run
from mp_precheck.git.changeset import read_changeset
from mp_precheck.git.repo import GitRepo


def test_statuses_renames_binary_and_odd_paths(repo):
    repo.write_files({"keep.js": "a\nb\nc\nd\ne\nf\n", "gone.js": "x\n", "old name.js": "1\n2\n3\n4\n5\n6\n7\n"})
    base = repo.commit()
    repo.write("keep.js", "a\nb\nNEW\nc\nd\ne\nf\n")
    repo.remove("gone.js")
    repo.move("old name.js", "页面/新 名字.js")
    repo.write("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    repo.write('we"ird|name.js', "wx.getLocation()\n")
    head = repo.commit()
    changes = {f.path: f for f in read_changeset(GitRepo(repo.path), base, head).files}
    assert changes["keep.js"].status == "modified"
    assert changes["keep.js"].added_lines == frozenset({3})
    assert changes["gone.js"].status == "deleted" and changes["gone.js"].new_blob is None
    renamed = changes["页面/新 名字.js"]
    assert (renamed.status, renamed.old_path) == ("renamed", "old name.js")
    assert renamed.added_lines == frozenset()
    assert changes["img.png"].binary
    assert 1 in changes['we"ird|name.js'].added_lines  # a new file: every line is added


def test_blob_ids_come_from_git_objects_not_the_checkout(repo):
    repo.write("a.js", "wx.getLocation()\n")
    base = repo.commit()
    repo.write("a.js", "wx.chooseImage()\n")
    head = repo.commit()
    repo.write("a.js", "dirty working tree\n")
    change = read_changeset(GitRepo(repo.path), base, head).files[0]
    data = GitRepo(repo.path).read_blobs([change.new_blob])[change.new_blob]
    assert data == b"wx.chooseImage()\n"


def test_binary_files_are_marked_whether_added_modified_or_renamed(repo):
    repo.write_files({"a.png": b"\x89PNG\x00\x01", "b.bin": b"\x00\x00\x01"})
    base = repo.commit()
    repo.write("a.png", b"\x89PNG\x00\x02")
    repo.move("b.bin", "moved/b.bin")
    repo.write("new.png", b"\x00\xff")
    repo.write("text.js", "x\n")
    head = repo.commit()
    binary = {f.path for f in read_changeset(GitRepo(repo.path), base, head).files if f.binary}
    assert binary == {"a.png", "moved/b.bin", "new.png"}


def test_one_git_diff_lists_the_files_and_counts_their_lines(repo, monkeypatch):
    # --raw and --numstat come from one process: the list's records end where the counts begin, whatever the
    # paths (a rename's two paths, a name starting with ':').
    repo.write_files({":colon.js": "1\n2\n3\n4\n5\n6\n", "a.png": b"\x89PNG\x00\x01"})
    base = repo.commit()
    repo.move(":colon.js", "moved/:colon.js")
    repo.write("a.png", b"\x89PNG\x00\x02")
    repo.write(":new.js", "x\n")
    head = repo.commit()
    calls: list[str] = []
    run_git = GitRepo.run
    monkeypatch.setattr(GitRepo, "run", lambda self, *args, stdin=None: calls.append(args[0]) or run_git(
        self, *args, stdin=stdin))
    files = {f.path: f for f in read_changeset(GitRepo(repo.path), base, head).files}
    assert calls == ["diff", "diff"]
    assert (files["moved/:colon.js"].status, files["moved/:colon.js"].old_path) == ("renamed", ":colon.js")
    assert files[":new.js"].status == "added" and files[":new.js"].new_blob
    assert {path for path, f in files.items() if f.binary} == {"a.png"}


def _lose_object(repo, oid: str) -> None:
    """Delete a loose object from the store, as a partial clone lacks a blob it never fetched."""
    (repo.path / ".git" / "objects" / oid[:2] / oid[2:]).unlink()


def test_a_blob_missing_from_the_store_leaves_its_file_in_the_change_and_the_others_read(repo):
    repo.write_files({"a.js": "let a = 1\n", "b.js": "let b = 1\n"})
    base = repo.commit("base")
    repo.write_files({"a.js": "let a = 1\nlet a2 = 2\n", "c.js": "let c = 3\n"})
    head = repo.commit("head")
    _lose_object(repo, repo.git("rev-parse", f"{head}:c.js"))
    change = read_changeset(GitRepo(repo.path), base, head)
    by_path = {f.new_path: f for f in change.files}
    assert set(by_path) == {"a.js", "c.js"}
    assert by_path["a.js"].added_lines == frozenset({2})
    assert by_path["c.js"].status == "added"


def test_a_missing_blob_is_reported_as_not_read_and_the_rest_is_analysed(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"pages/index/index.js": "Page({ a() {\n  wx.getLocation({}) } })\n",
                          "pages/me/me.js": "Page({ b() {\n  wx.chooseImage({}) } })\n"})
    head = app_repo.commit()
    _lose_object(app_repo, app_repo.git("rev-parse", f"{head}:pages/me/me.js"))
    report = run(app_repo.path, base)
    assert {f.path for f in report.findings if f.family == "privacy"} == {"pages/index/index.js"}
    assert "privacy.location" in {f.rule for f in report.findings}
    assert [(e.path, e.message) for e in report.errors] == \
        [("pages/me/me.js", "not read: blob missing from the repository (a shallow or partial clone?)")]
