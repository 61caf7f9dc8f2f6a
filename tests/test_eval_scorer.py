"""The accuracy scorer in eval/: a case materialized from a bare "mirror" built here, the installed
mp-precheck run on it, and hits, misses, false alarms and must-not-flag hits counted by its rules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import MINIMAL_APP, Repo

ROOT = Path(__file__).resolve().parent.parent
MPP = str(Path(sys.executable).parent / "mp-precheck")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_eval", ROOT / "eval" / "run_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def scorer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _scorer()
    monkeypatch.setattr(module, "CACHE", tmp_path / "cases")
    monkeypatch.setenv("MIRRORS", str(tmp_path / "mirrors"))
    return module


def _mirror(tmp_path: Path, source: Repo) -> None:
    dest = tmp_path / "mirrors" / "octo+shop" / "repo"
    dest.parent.mkdir(parents=True)
    source.git("clone", "-q", "--bare", str(source.path), str(dest))


def _case(base: str, head: str, **labels: Any) -> dict[str, Any]:
    return {"id": "octo-location", "repo": "octo/shop", "base": base, "head": head, **labels}


@pytest.mark.slow
def test_scorer_counts_hits_false_alarms_and_must_not_flag(tmp_path: Path, scorer: ModuleType) -> None:
    app = Repo(tmp_path / "src")
    app.write_files(MINIMAL_APP)
    base = app.commit("base")
    app.write("pages/index/index.js", "Page({\n  onLoad() {\n    wx.getLocation({ type: 'gcj02' })\n  }\n})\n")
    app.write("pages/me/me.js", "Page({\n  pay() {\n    wx.requestPayment({})\n  }\n})\n")
    head = app.commit("location and payment")
    _mirror(tmp_path, app)

    case = _case(base, head,
                 expected_findings=[{"family": "privacy", "key": "wx.getLocation",
                                     "file": "pages/index/index.js", "line": 3},
                                    {"family": "upload", "key": "wx.uploadFile",
                                     "file": "pages/index/index.js", "line": 3}],
                 must_not_flag=[{"family": "payment", "key": "wx.requestPayment",
                                 "file": "pages/me/me.js", "line": 3}])
    result = scorer.score([case], lambda r, b, h: scorer.findings_of(MPP, r, b, h))

    assert result["errors"] == []
    assert result["families"]["privacy"]["tp"] == 1
    assert result["per_case"]["octo-location"]["missed"] == ["upload wx.uploadFile pages/index/index.js:3"]
    assert any(a.startswith("payment payment.") and a.endswith("pages/me/me.js:3")
               for a in result["per_case"]["octo-location"]["false_alarms"])
    assert result["must_not_flag_hits"] == [["octo-location", "wx.requestPayment pages/me/me.js"]]


def test_token_must_be_named_by_the_finding(scorer: ModuleType) -> None:
    finding = {"family": "privacy", "path": "a.js", "line": 10, "subject": "wx.chooseImage"}
    case = {"expected_findings": [{"family": "privacy", "key": "wx.getLocation", "file": "a.js", "line": 10}]}
    scored = scorer.score_case(case, [finding])
    assert scored["missed"] == ["privacy wx.getLocation a.js:10"]
    assert scorer.token_of("host:api.example.com", "external_link") == "api.example.com"
    assert scorer.token_of("WeChat logo on the login page", "branding") is None


def test_an_ambiguous_item_covers_its_alt_lines_too(scorer: ModuleType) -> None:
    finding = {"family": "privacy", "path": "a.wxml", "line": 26, "subject": "input[type=nickname]"}
    item = {"family": "privacy", "key": "avatar and nickname copied", "file": "a.wxml", "line": 4}
    assert scorer.score_case({"ambiguous": [item]}, [finding])["false_alarms"] == [
        "privacy  input[type=nickname] a.wxml:26"]
    assert scorer.score_case({"ambiguous": [{**item, "alt_lines": [26]}]}, [finding])["false_alarms"] == []


def test_a_family_none_place_is_hit_by_a_scored_family_only(scorer: ModuleType) -> None:
    case = {"must_not_flag": [{"family": "none", "key": "restyled page", "file": "a.wxml", "line": 3}]}
    dead = {"family": "completeness", "path": "a.wxml", "line": 9, "subject": "handler:tapFocus"}
    domain = {"family": "external_link", "path": "a.wxml", "line": 9, "subject": "host:x.example.com"}
    assert scorer.score_case(case, [dead])["must_not_flag"] == []
    assert scorer.score_case(case, [dead, domain])["must_not_flag"] == ["restyled page a.wxml"]


def test_secret_values_are_found_and_redacted_ones_are_not(scorer: ModuleType) -> None:
    leaked = "https://api.weixin.qq.com/sns/jscode2session?appid=wx1&secret=3f2a9c0d1e8b7a6f5e4d3c2b1a0f9e8d"
    redacted = "https://api.weixin.qq.com/sns/jscode2session?appid=wx1&secret=***"
    assert [m.group(1)[:4] for m in scorer._SECRET.finditer(leaked)] == ["3f2a"]
    assert list(scorer._SECRET.finditer(redacted)) == []


def test_a_materialized_case_keeps_the_tracked_files_its_gitignore_names(tmp_path: Path, scorer: ModuleType) -> None:
    # A repository may track a file its .gitignore lists (added before the rule, or with -f): the case's trees
    # must be the commits' trees, or the tool reads another project than the labels describe.
    app = Repo(tmp_path / "src")
    app.write_files({**MINIMAL_APP, ".gitignore": "/project.config.json\n"})
    app.write("project.config.json", '{"appid": "wx123"}')
    app.git("add", "-f", "project.config.json")
    base = app.commit("base")
    app.write("pages/index/index.js", "Page({})\n")
    head = app.commit("head")
    _mirror(tmp_path, app)
    repo, _base, new_head = scorer.materialize(_case(base, head))
    tracked = app.git("ls-tree", "-r", "--name-only", head).split()
    assert sorted(app.git("-C", str(repo), "ls-tree", "-r", "--name-only", new_head).split()) == sorted(tracked)
    assert "project.config.json" in tracked


def test_a_case_whose_subject_is_only_a_trailer_is_built(tmp_path: Path, scorer: ModuleType) -> None:
    """git reads a message of only ``Signed-off-by: …`` as empty; the case must still be built."""
    app = Repo(tmp_path / "src")
    app.write_files(MINIMAL_APP)
    base = app.commit("base")
    app.write("pages/index/index.js", "Page({})\n")
    head = app.commit("head")
    _mirror(tmp_path, app)
    case = {**_case(base, head), "head_subject": "Signed-off-by: a maintainer"}
    repo, _base, new_head = scorer.materialize(case)
    assert app.git("-C", str(repo), "show", f"{new_head}:pages/index/index.js") == "Page({})"


def test_a_blob_the_snapshot_lacks_is_left_out_of_the_case_and_the_rest_is_built(tmp_path: Path,
                                                                                  scorer: ModuleType) -> None:
    # Some snapshots leave out large blobs; a case whose trees hold one must still be built (without it),
    # and a case that cannot be built at all is one error, not the end of the run.
    app = Repo(tmp_path / "src")
    app.write_files({**MINIMAL_APP, "assets/video.mp4": "not really a video\n"})
    base = app.commit("base")
    app.write("pages/index/index.js", "Page({ onLoad() {} })\n")
    head = app.commit("head")
    _mirror(tmp_path, app)
    mirror = tmp_path / "mirrors" / "octo+shop" / "repo"
    lost = app.git("rev-parse", f"{head}:assets/video.mp4")
    (mirror / "objects" / lost[:2] / lost[2:]).unlink()
    assert scorer.missing_blobs(mirror, head) == ["assets/video.mp4"]
    repo, _base, new_head = scorer.materialize(_case(base, head))
    built = app.git("-C", str(repo), "ls-tree", "-r", "--name-only", new_head).split()
    assert "assets/video.mp4" not in built and "pages/index/index.js" in built
    result = scorer.score([_case(base, "0" * 40)], lambda r, b, h: ([], ""))
    assert [case_id for case_id, _why in result["errors"]] == ["octo-location"]


def test_advice_text_does_not_name_a_token(scorer: ModuleType) -> None:
    # A domain finding's advice says "no IP address or localhost": that must not make it a finding *of*
    # localhost, neither a hit of a localhost item nor a must-not-flag hit on a commented-out localhost line.
    finding = {"family": "external_link", "path": "api.js", "line": 3, "subject": "host:api.example.com",
               "fix": "https only, no IP address or localhost", "doc": "https://example.com/localhost"}
    place = {"family": "external_link", "key": "host:localhost commented out", "file": "api.js", "line": 2}
    assert scorer.score_case({"must_not_flag": [place]}, [finding])["must_not_flag"] == []
    assert scorer.score_case({"must_not_flag": [{**place, "key": "host:api.example.com"}]}, [finding])[
        "must_not_flag"] == ["host:api.example.com api.js"]


def test_rescoring_kept_findings_follows_the_current_labels(scorer: ModuleType) -> None:
    finding = {"family": "privacy", "path": "a.js", "line": 10, "subject": "wx.getLocation", "fix": "declare it"}
    item = {"family": "privacy", "key": "wx.getLocation", "file": "a.js", "line": 10}
    saved = {"per_case": {"c1": {"found": scorer.kept([finding])}}, "errors": [], "leaks": [], "seconds": {}}
    assert saved["per_case"]["c1"]["found"] == [{"family": "privacy", "path": "a.js", "line": 10,
                                                 "subject": "wx.getLocation"}]
    before = scorer.rescore([{"id": "c1"}, {"id": "not-run"}], saved)
    assert before["families"]["privacy"]["fp"] == 1 and list(before["per_case"]) == ["c1"]
    after = scorer.rescore([{"id": "c1", "expected_findings": [item]}], saved)
    assert after["families"]["privacy"]["tp"] == 1 and after["per_case"]["c1"]["false_alarms"] == []


def test_without_the_cache_a_case_repository_is_removed_after_its_run(tmp_path: Path, scorer: ModuleType) -> None:
    app = Repo(tmp_path / "src")
    app.write_files(MINIMAL_APP)
    base = app.commit("base")
    app.write("pages/index/index.js", "Page({ onLoad() {} })\n")
    head = app.commit("head")
    _mirror(tmp_path, app)
    seen: list[Path] = []
    def run(repo: Path, _base: str, _head: str) -> tuple[list[Any], str]:
        seen.append(repo)
        return [], ""
    scorer.score([_case(base, head)], run)
    assert seen[0].is_dir()  # kept for the next run by default
    scorer.score([_case(base, head)], run, keep=False)
    assert seen[1] == seen[0] and not seen[1].exists()
