"""Reading objects through the one ``git cat-file --batch`` process a GitRepo keeps."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from mp_precheck.core.errors import UnknownRevision, UserError
from mp_precheck.git.repo import GitRepo


def _children() -> set[int]:
    """Process ids of this test process's children (its ``git cat-file`` among them)."""
    pids: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        pids.update(int(pid) for pid in (task / "children").read_text().split())
    return pids


def _cat_files() -> set[int]:
    return {pid for pid in _children()
            if b"cat-file" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_one_process_answers_many_reads_in_order_and_ends_with_its_repo(repo):
    # 300 paths of ~70 bytes (UTF-8): the names span several 4 KiB request chunks.
    files = {f"pages/{'long-folder-name/' * 2}页面-{n:03d} copy.js": f"Page({{ n: {n} }})\n" for n in range(300)}
    files["odd missing"] = "a path whose name ends like git's answer for a missing object\n"
    files["empty.js"] = ""
    repo.write_files(files)
    head = repo.commit()
    git = GitRepo(repo.path)
    before = _cat_files()
    wanted = [(head, path) for path in files] + [(head, "nope.js"), (head, "pages")]  # missing; a tree
    got = git.read_files(wanted)
    assert {path: got[(head, path)] for path in files} == {path: text.encode() for path, text in files.items()}
    assert got[(head, "nope.js")] is None and got[(head, "pages")] is None
    blob = repo.git("rev-parse", f"{head}:empty.js")
    assert git.read_blobs([blob, "0" * 40, blob]) == {blob: b""}
    assert len(_cat_files() - before) == 1  # every read went to the same process
    del git
    assert _cat_files() == before  # it ended with its GitRepo


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_a_git_process_that_died_is_a_one_line_error(repo):
    repo.write("a.js", "x\n")
    head = repo.commit()
    git = GitRepo(repo.path)
    before = _cat_files()
    assert git.read_file(head, "a.js") == b"x\n"
    (pid,) = _cat_files() - before
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(UserError, match=r"^git cat-file failed: exit -9$"):
        git.read_blobs([repo.git("rev-parse", f"{head}:a.js")])


def test_revisions_resolve_in_one_git_process_and_fail_as_one_by_one(repo, monkeypatch):
    repo.write("a.js", "x\n")
    first = repo.commit()
    repo.write("a.js", "y\n")
    second = repo.commit()
    git = GitRepo(repo.path)
    calls: list[tuple[str, ...]] = []
    run = GitRepo._run_raw
    monkeypatch.setattr(GitRepo, "_run_raw", lambda self, *args, **kw: calls.append(args) or run(self, *args, **kw))
    assert git.resolve_all(["HEAD~1", "HEAD", "HEAD~1"]) == [first, second, first]
    assert [args[0] for args in calls] == ["rev-parse"]
    assert git.resolve("HEAD") == second and len(calls) == 1  # remembered
    # A revision one call cannot answer for (unknown, a range, a negation) gets resolve()'s own answer.
    for revs in (["HEAD", "nope"], ["HEAD~1..HEAD", "HEAD"], ["^HEAD", "HEAD"]):
        assert _outcome(lambda: GitRepo(repo.path).resolve_all(revs)) == \
            _outcome(lambda: [GitRepo(repo.path).resolve(rev) for rev in revs])  # noqa: B023


def _outcome(call: Callable[[], list[str]]) -> list[str] | str:
    try:
        return call()
    except UnknownRevision as exc:
        return f"UnknownRevision: {exc}"


def test_grep_needles_names_every_needle_a_file_holds_within_the_pathspec(repo):
    """Each text file holding a needle, with every needle it holds — one inside another's match too (``in`` within
    ``index``), on a long minified line —; binary files, files outside the pathspec and files holding none left
    out; a file whose name needs quoting read all the same."""
    minified = "!function(){var index=1;" + "a.b(c);" * 20000 + "require('./util')}();\n"
    repo.write_files({"app/lib/chart.min.js": minified, "app/pages/页面 one.js": "import api from './api'\n",
                      "app/plain.js": "hello world\n", "other/util.js": "require('./util')\n"})
    (repo.path / "app" / "logo.bin").write_bytes(b"\0\0index\0")
    head = repo.commit()
    found = GitRepo(repo.path).grep_needles(head, {"index", "in", "util", "api"}, [":(literal)app"])
    assert found == {"app/lib/chart.min.js": {"index", "in", "util"}, "app/pages/页面 one.js": {"api"}}
    assert GitRepo(repo.path).grep_needles(head, set()) == {}
