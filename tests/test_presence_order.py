"""Which candidate files answer "is this subject already in the app?" first: the smallest of those ``git grep``
names. A large script that only spells a subject's name (a vendored SDK's string table) is parsed only when no
smaller file confirms the subject, and is still parsed when it is the last file that could."""

from __future__ import annotations

from conftest import Repo, minimal_app
from mp_precheck.facts.presence import present_in
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.discovery import discover

# ~60 KB of one-line library code naming the picker only in a string: git grep names it, its facts hold no call.
NAMING_SDK = "!function(e){var t={api:'chooseImage'};" + ";".join(
    f"e.f{i}=function(a){{return a+{i}}}" for i in range(3000)) + "}(this);\n"
CALLING_SDK = NAMING_SDK.replace("var t=", "wx.chooseImage({count:1});var t=")


def _known(repo: Repo, subjects: set[str]) -> tuple[set[str], int]:
    """The subjects :func:`present_in` finds at HEAD among all files, and how many blobs it parsed."""
    git = GitRepo(repo.path)
    head = git.resolve("HEAD")
    tree = {entry.path: entry for entry in git.ls_tree(head)}
    store = FactStore(git)
    project = discover(tree.values(), lambda path: store.text(tree[path].blob) if path in tree else None)[0]
    found = present_in(git, store, head, tree, project, lambda path: True, subjects)
    return found, store.blobs_parsed


def test_a_subject_a_small_page_confirms_is_known_without_parsing_the_large_script_that_names_it(tmp_path):
    repo, _ = minimal_app(tmp_path / "repo", {
        "a_vendor/sdk.js": NAMING_SDK,  # first in path order
        "pages/index/index.js": "Page({ pick() { wx.chooseImage({ count: 1 }) } })\n"})
    assert _known(repo, {"wx.chooseImage"}) == ({"wx.chooseImage"}, 1)


def test_the_large_script_still_answers_when_no_smaller_file_confirms(tmp_path):
    repo, _ = minimal_app(tmp_path / "repo", {
        "a_vendor/sdk.js": CALLING_SDK,
        "pages/index/index.js": "Page({ data: { label: 'chooseImage' } })\n"})  # names it, calls nothing
    assert _known(repo, {"wx.chooseImage"}) == ({"wx.chooseImage"}, 2)


def test_a_subject_only_named_in_strings_is_not_known_after_every_candidate_is_read(tmp_path):
    repo, _ = minimal_app(tmp_path / "repo", {
        "a_vendor/sdk.js": NAMING_SDK,
        "pages/index/index.js": "Page({ data: { label: 'chooseImage' } })\n"})
    assert _known(repo, {"wx.chooseImage"}) == (set(), 2)
