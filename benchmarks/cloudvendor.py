"""A commit that vendors cloud-function dependencies, timed as a user waits for it.

WeChat cloud development keeps each cloud function in a folder of its own under the project's
``cloudfunctionRoot`` (``cloudfunctions/<name>/``) with its ``package.json``; teams often commit the
``node_modules`` the function was installed with. Such a commit adds tens of thousands of small package files the
Mini Program never ships (they run on the cloud, and ``node_modules`` is never uploaded with the app), beside a
handful of app files.

The shape: a README, then one commit that adds a small native app (generated, seeded; no corpus code) and
``FUNCTIONS`` cloud functions, each with ``PACKAGES`` vendored packages of ``FILES`` small scripts (~20,000 files in
all), as a first import of a cloud-development project does.
``python benchmarks/bench.py --cloud-vendor`` prints the wall time of ``python -m mp_precheck diff --format json``
on it (median of ``--repeat`` cold runs) and how many files the commit adds.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

from bench import FastImport, compile_sources, python_env

FUNCTIONS = 8
PACKAGES = 50  # per function
FILES = 50  # per package: 8 × 50 × 50 = 20,000 files
TARGET_SECONDS = 5.0
SEED = 33

_MODULE = """\
'use strict'
var http = require('http')
var util = require('./util{k}')
module.exports = function {name}(opts) {{
  var url = 'https://registry.{pkg}.example.com/v{k}/' + opts.id
  return http.get(url, function (res) {{ return util.parse(res, {n}) }})
}}
"""


def app_files() -> dict[str, str]:
    """The app: one page with a text box and a location call, its configuration, and the developer tools' project
    file naming the cloud-function root."""
    return {"project.config.json": json.dumps({"miniprogramRoot": "miniprogram/",
                                               "cloudfunctionRoot": "cloudfunctions/",
                                               "appid": "wx0000000000000000"}) + "\n",
            "miniprogram/app.json": json.dumps({"pages": ["pages/index/index"]}) + "\n",
            "miniprogram/app.js": "App({\n  onLaunch() {\n    wx.cloud.init()\n  }\n})\n",
            "miniprogram/pages/index/index.js": "Page({\n  data: { list: [] },\n  onLoad() {\n"
                                                "    wx.getLocation({ type: 'gcj02' })\n  }\n})\n",
            "miniprogram/pages/index/index.wxml": "<view wx:for=\"{{list}}\">{{item.name}}</view>\n"
                                                  "<textarea placeholder=\"留言\" />\n",
            "miniprogram/pages/index/index.json": "{}\n"}


def vendored_files() -> dict[str, str]:
    """The change: every cloud function's entry, ``package.json`` and vendored ``node_modules``."""
    rng = random.Random(SEED)
    files: dict[str, str] = {}
    for f in range(FUNCTIONS):
        fn = f"cloudfunctions/fn{f}"
        files[f"{fn}/index.js"] = ("const cloud = require('wx-server-sdk')\ncloud.init()\n"
                                   "exports.main = async () => ({ ok: true })\n")
        files[f"{fn}/package.json"] = json.dumps({"name": f"fn{f}", "dependencies": {"wx-server-sdk": "~2.6.3"}})
        for p in range(PACKAGES):
            pkg = f"pkg{p}"
            files[f"{fn}/node_modules/{pkg}/package.json"] = json.dumps({"name": pkg, "version": f"1.{p}.0"})
            for k in range(FILES - 1):
                files[f"{fn}/node_modules/{pkg}/lib/m{k}.js"] = _MODULE.format(
                    k=k, name=f"m{k}", pkg=pkg, n=rng.randrange(1000))
    return files


def build(repo: Path) -> tuple[str, str, int]:
    """The two-commit repository at ``repo``; (base, head) commit ids and how many files the head commit adds."""
    stream = FastImport()
    base = stream.commit("readme", {"README.md": "# cloud app\n"})
    added = {**app_files(), **vendored_files()}
    head = stream.commit("the app and its cloud functions, with their node_modules", added)
    ids = stream.run(repo)
    return ids[base], ids[head], len(added)


def run(repeat: int, src: Path) -> float:
    """Build the shape, time ``repeat`` cold analyses (after one untimed run that compiles the dependencies) and
    print each and their median; return the median in seconds."""
    from shapes import warm_runs  # benchmarks/ is on sys.path when bench.py runs as a script

    with tempfile.TemporaryDirectory(prefix="mp-precheck-cloudvendor-") as tmp:
        workdir = Path(tmp)
        pycache = workdir / "pycache"
        compile_sources(src, pycache)
        base, head, added = build(workdir / "app")
        args = [sys.executable, "-m", "mp_precheck", "diff", "--repo", str(workdir / "app"), "--base", base,
                "--head", head, "--format", "json", "--quiet", "--output", str(workdir / "report.json")]
        env = python_env(src, pycache)
        times, cpu = warm_runs(args, env, repeat, "cloud vendor")
    median = statistics.median(times)
    print(f"cloud-function node_modules ({added:,} files added): {median:.3f} s cold (median of {repeat}), "
          f"{statistics.median(cpu):.3f} s CPU; target < {TARGET_SECONDS:.0f} s: "
          f"{'MET' if median < TARGET_SECONDS else 'MISSED'}")
    return median
