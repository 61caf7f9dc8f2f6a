from __future__ import annotations

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
