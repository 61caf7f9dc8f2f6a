"""The GitHub port's release methods over real HTTP to the fake server: pull request titles and labels,
the release of a tag (drafts too), creating it and editing its body alone. No mocks of PyGithub."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fakegithub import DEFAULT_REPO, TOKEN_INSTALLATION, TOKEN_READONLY, FakeGitHub
from helpers import GITHUB_FAST_HTTP
from mp_precheck.hosts.github.port import (
    CannotPublishRelease,
    CannotReadPulls,
    PullSummary,
    PyGithubPort,
    Release,
    connect,
)

FAST = GITHUB_FAST_HTTP


@pytest.fixture
def port(server: FakeGitHub) -> Iterator[PyGithubPort]:
    made = connect(server.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    yield made
    made.close()


def test_merged_pull(server: FakeGitHub, port: PyGithubPort) -> None:
    server.add_pull(12, "a" * 40, title="feat: 地图 <b>x</b>", labels=["enhancement", "type: feature"], merged=True)
    server.add_pull(13, "b" * 40, title="open one")
    server.add_issue(14, "an issue")
    assert port.merged_pull(12) == PullSummary(12, "feat: 地图 <b>x</b>", ("enhancement", "type: feature"), True)
    assert port.merged_pull(13) == PullSummary(13, "open one", (), False)
    assert port.merged_pull(14) is None and port.merged_pull(99) is None
    server.fail_next("GET", r"/pulls/12$", 500)
    with pytest.raises(CannotReadPulls) as err:
        port.merged_pull(12)
    assert (err.value.kind, err.value.status) == ("unavailable", 500)


def test_release_by_tag_and_drafts(server: FakeGitHub, port: PyGithubPort) -> None:
    assert port.release("v1.0.0") is None
    made = server.add_release("v1.0.0", body="notes")
    found = port.release("v1.0.0")
    assert found is not None and (found.id, found.tag, found.body, found.draft) == (made["id"], "v1.0.0", "notes", False)
    assert found.url.endswith(f"/{DEFAULT_REPO}/releases/tag/v1.0.0")
    draft = server.add_release("v1.1.0", body=None, draft=True)
    assert port.release("v1.1.0") == Release(draft["id"], "v1.1.0", "", True, found.url.replace(
        "tag/v1.0.0", f"tag/untagged-{draft['id']:x}"))


def test_create_and_edit(server: FakeGitHub, port: PyGithubPort) -> None:
    created = port.create_release("v2.0.0-rc.1", "body one", prerelease=True)
    (stored,) = server.releases()
    assert (stored["tag_name"], stored["name"], stored["body"], stored["prerelease"], stored["draft"]) == (
        "v2.0.0-rc.1", "v2.0.0-rc.1", "body one", True, False)
    assert server.calls("POST", r"/releases$")[0].body["make_latest"] == "legacy"
    edited = port.edit_release_body(created.id, "body two")
    assert (edited.id, edited.body, stored["body"], stored["name"]) == (created.id, "body two", "body two", "v2.0.0-rc.1")
    assert server.calls("PATCH", r"/releases/\d+$")[0].body == {"body": "body two"}
    draft = server.add_release("v3.0.0", draft=True)
    assert port.edit_release_body(draft["id"], "x").draft is True


def test_failures_are_named(server: FakeGitHub) -> None:
    readonly = connect(server.base_url, TOKEN_READONLY, DEFAULT_REPO, http=FAST)
    with pytest.raises(CannotPublishRelease) as err:
        readonly.create_release("v1.0.0", "x", prerelease=False)
    assert (err.value.kind, err.value.status, err.value.permissions) == ("forbidden", 403, ("contents: write",))
    server.add_release("v1.0.0")
    port = connect(server.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    with pytest.raises(CannotPublishRelease) as err:
        port.create_release("v1.0.0", "again", prerelease=False)
    assert (err.value.kind, err.value.status) == ("rejected", 422)
    with pytest.raises(CannotPublishRelease) as err:
        port.edit_release_body(424242, "x")
    assert (err.value.kind, err.value.status) == ("not_found", 404)
    server.fail_next("GET", r"/releases/tags/", 503, times=3)
    with pytest.raises(CannotPublishRelease) as err:
        port.release("v1.0.0")
    assert err.value.kind == "unavailable"
    readonly.close()
    port.close()
