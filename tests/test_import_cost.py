"""A pull request's run loads only what it uses: hosts, release drafting, schema validation, the fact
cache's database and the error-only helpers stay unloaded (each costs milliseconds of every run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import mp_precheck

NOT_FOR_A_DIFF = {
    "github", "gitlab", "requests", "jsonschema",  # hosts and validation of files the run did not read
    "mp_precheck.hosts.github.action", "mp_precheck.hosts.gitlab.ci", "mp_precheck.notes.release",
    "mp_precheck.outputs.sarif", "mp_precheck.outputs.rulesdoc",
    "sqlite3",  # only with --cache
    "difflib", "traceback",  # only to word an error
    "multiprocessing", "concurrent.futures",  # only for changes large enough for a pool
    "jinja2", "mp_precheck.outputs.markdown",  # the JSON report's only text, the notes, needs no template
    "mp_precheck.readers.sharereturn",  # only for a page with a share button
    "mp_precheck.readers.routeguard",  # only for a uni-app pages.json
    "mp_precheck.scaffold", "mp_precheck.git.staged",  # only for `init` and `diff --staged`
    "shutil", "bz2", "lzma",  # argparse's help formatter imports shutil for the terminal's width
    "hashlib", "_hashlib",  # OpenSSL, for digests CPython's own modules give (core/digests.py)
}

RUN = """\
import json, sys
from mp_precheck.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _env() -> dict[str, str]:
    """The environment of a run of the package under test: its own source folder alone on the path (an
    installed copy elsewhere, or the test's own path entries, would be measured instead)."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            "PYTHONPATH": str(Path(mp_precheck.__file__).resolve().parents[1])}


def test_a_json_diff_of_a_small_change_loads_none_of_the_rest(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.write("pages/me/me.wxml", "<view bindtap=\"a\">pick</view>\n")
    app_repo.commit()
    env = _env()
    proc = subprocess.run([sys.executable, "-c", RUN, "diff", "--repo", str(app_repo.path), "--base", base,
                           "--format", "json", "--quiet", "--output", str(tmp_path / "report.json")],
                          capture_output=True, text=True, check=True, env=env)
    result = json.loads(proc.stdout)
    assert result["code"] == 1  # the run did its work: a high finding
    assert json.loads((tmp_path / "report.json").read_text())["findings"][0]["rule"] == "privacy.album"
    assert NOT_FOR_A_DIFF & set(result["modules"]) == set()


def test_a_report_without_notes_drafts_none_and_loads_no_template_engine(app_repo, tmp_path):
    # The terminal report and the annotations show no submission notes: no commit log is read for them,
    # and neither the notes' modules nor Jinja are loaded (the JSON report, which holds the notes, loads the
    # notes' modules; their text is laid out without Jinja).
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    env = _env()
    notes_modules = {"jinja2", "mp_precheck.notes.changelog", "mp_precheck.notes.commitmessage",
                     "mp_precheck.notes.submission"}
    loaded = {}
    for fmt in ("text", "github", "json"):
        proc = subprocess.run([sys.executable, "-c", RUN, "diff", "--repo", str(app_repo.path), "--base", base,
                               "--format", fmt, "--quiet", "--output", str(tmp_path / f"report.{fmt}")],
                              capture_output=True, text=True, check=True, env=env)
        loaded[fmt] = notes_modules & set(json.loads(proc.stdout)["modules"])
    assert loaded == {"text": set(), "github": set(), "json": notes_modules - {"jinja2"}}
    assert json.loads((tmp_path / "report.json").read_text())["notes"].strip()  # the JSON still has them


def test_from_the_second_run_on_the_shipped_yaml_is_not_parsed_and_pyyaml_not_loaded(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    # As an installed package runs: bytecode (and the data cache beside it) may be written, here to a folder
    # of the test's own, so the first run fills the cache and the second reads it.
    env = {k: v for k, v in _env().items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    runs = []
    for n in range(2):
        proc = subprocess.run([sys.executable, "-c", RUN, "diff", "--repo", str(app_repo.path), "--base", base,
                               "--format", "json", "--quiet", "--output", str(tmp_path / f"report{n}.json")],
                              capture_output=True, text=True, check=True, env=env)
        runs.append(json.loads(proc.stdout)["modules"])
    assert "yaml" not in runs[1]
    assert (tmp_path / "report0.json").read_text() == (tmp_path / "report1.json").read_text()


PARSED = """\
import json, re, sys
import re._parser as parser
parsed = []
plain = parser.parse
def counted(pattern, flags=0, state=None):
    parsed.append(pattern if isinstance(pattern, str) else pattern.decode("latin-1"))
    return plain(pattern, flags, state)
parser.parse = counted
from mp_precheck.cli import main
code = main(sys.argv[1:])
import html.parser, unidiff.constants
library = {v.pattern for m in (html.parser, unidiff.constants) for v in vars(m).values() if isinstance(v, re.Pattern)}
print(json.dumps({"library": len(library), "parsed": sorted(p for p in parsed if p in library)}))
"""


def test_from_the_second_run_on_the_libraries_patterns_are_not_compiled_again(app_repo, tmp_path):
    # unidiff and html.parser compile their patterns as they load; from the second run on they come from the
    # kept compilations (core/recache.libraries), as the package's own do.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.write("pages/me/me.wxml", "<view bindtap=\"a\">pick</view>\n")
    app_repo.commit()
    env = {k: v for k, v in _env().items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    runs = []
    for n in range(2):
        proc = subprocess.run([sys.executable, "-c", PARSED, "diff", "--repo", str(app_repo.path), "--base", base,
                               "--format", "json", "--quiet", "--output", str(tmp_path / f"report{n}.json")],
                              capture_output=True, text=True, check=True, env=env)
        runs.append(json.loads(proc.stdout))
    assert runs[0]["library"] > 10 and runs[0]["parsed"]  # the first run compiles them
    assert runs[1]["parsed"] == []
    assert (tmp_path / "report0.json").read_text() == (tmp_path / "report1.json").read_text()


# Analyzers that act only on findings of their own rules (or on the team's configuration) are not imported when
# a change has none; nor is typing_extensions (msgspec's preferred helper, with the inspect it loads).
NOT_FOR_A_PLAIN_CHANGE = {
    "typing_extensions", "inspect",
    *(f"mp_precheck.analyzers.{name}" for name in (
        "stray_templates", "ui_kits", "called_helpers", "moved_asks", "location_config", "vendored_sdk", "consent_flow",
        "privacy_declaration", "media_posts", "service_posts", "content_security", "domains", "order_payments",
        "categories", "branding", "helper_redirect", "moved_walls")),
}


def _modules_of_a_change(app_repo, tmp_path, files: dict[str, str]) -> set[str]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files(files)
    app_repo.commit()
    proc = subprocess.run([sys.executable, "-c", RUN, "diff", "--repo", str(app_repo.path), "--base", base,
                           "--format", "json", "--quiet", "--output", str(tmp_path / "report.json")],
                          capture_output=True, text=True, check=True, env=_env())
    assert json.loads((tmp_path / "report.json").read_text())["findings"] == []
    return set(json.loads(proc.stdout)["modules"])


def test_a_change_of_only_a_style_sheet_loads_no_analyzer_of_findings_it_lacks(app_repo, tmp_path):
    loaded = _modules_of_a_change(app_repo, tmp_path, {"pages/index/index.wxss": ".title { color: #333; }\n"})
    assert NOT_FOR_A_PLAIN_CHANGE & loaded == set()
    assert NOT_FOR_A_DIFF & loaded == set()
    assert "mp_precheck.analyzers.dead_ui" in loaded  # the analyzers that read the page beside it still run


def test_a_change_of_only_a_script_loads_no_analyzer_of_findings_it_lacks(app_repo, tmp_path):
    loaded = _modules_of_a_change(app_repo, tmp_path, {"pages/index/index.js": "Page({ onTap() { this.n = 1 } })\n"})
    assert NOT_FOR_A_PLAIN_CHANGE & loaded == set()
    assert NOT_FOR_A_DIFF & loaded == set()
    assert "mp_precheck.analyzers.dead_ui" in loaded
