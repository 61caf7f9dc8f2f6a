"""``mp-precheck init``: adopt mp-precheck in one step.

Writes the GitHub workflow (pull requests, merge queues and release tags) and a commented
``.mp-precheck.yml`` that names the Mini Programs found at HEAD and leaves the admin-backend records
(用户隐私保护指引 types, 服务器域名 / 业务域名, 服务类目) for the team to fill; or, with ``--gitlab``, the
GitLab CI job. An existing CI file makes it refuse and an existing config is kept, unless ``force``.
Nothing from the repository is executed: the projects are found from git objects, as the analysis finds them.
"""

from __future__ import annotations

import json
from pathlib import Path

from msgspec import Struct

from mp_precheck.core.catalog import Catalog
from mp_precheck.core.config import CONFIG_NAME, DEFAULT_TAG_PATTERN, GITLAB_PATH, WORKFLOW_PATH
from mp_precheck.core.errors import UserError
from mp_precheck.core.resources import data_dir
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.discovery import Project, discover
from mp_precheck.readers.textcodec import UndecodableFile, decode

SCHEMA_URL = "https://raw.githubusercontent.com/mp-precheck/mp-precheck/main/src/mp_precheck/core/config.schema.json"
GITLAB_INCLUDE = "https://raw.githubusercontent.com/mp-precheck/mp-precheck/v1/ci/gitlab-ci.yml"


class Written(Struct, frozen=True):
    """What ``write_files`` did with one file: ``replaced`` an existing one, or ``kept`` it untouched."""

    path: str
    replaced: bool
    kept: bool = False


def init_files(repo: GitRepo, catalog: Catalog, *, language: str = "zh-CN", gitlab: bool = False) -> dict[str, str]:
    """The files ``init`` writes, by path relative to the repository root: the CI definition (GitHub
    workflow, or the GitLab job with ``gitlab``) and ``.mp-precheck.yml``.

    Raises:
        UserError: the repository has no commit yet, or no Mini Program at HEAD.
    """
    projects = _projects(repo)
    ci = (data_dir("templates") / "init" / ("gitlab-ci.yml" if gitlab else "workflow.yml")).read_text("utf-8")
    pattern = release_tag_pattern(repo)
    if pattern != DEFAULT_TAG_PATTERN:  # the push trigger of the release job follows the team's own tags
        ci = ci.replace(f"tags: ['{DEFAULT_TAG_PATTERN}']", f"tags: ['{pattern}']", 1)
    return {GITLAB_PATH if gitlab else WORKFLOW_PATH: ci,
            CONFIG_NAME: config_text(projects, catalog, language, tag_pattern=pattern)}


def release_tag_pattern(repo: GitRepo, newest: int = 10) -> str:
    """The tag pattern of the repository's release tags: the shape most of its ``newest`` tags (by date) share,
    ``[0-9]*`` for bare version numbers (11.14.0), ``PREFIX*`` for a prefix before the number (release-2.1),
    ties to the newest; ``v*`` when there are no tags, or none with a version number in a plain prefix. The
    pattern is both an fnmatch pattern (the notes) and a GitHub Actions tag filter (``[0-9]`` and ``*`` mean
    the same in both, https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet).
    """
    out = repo.run("for-each-ref", "--sort=-creatordate", f"--count={newest}", "--format=%(refname:strip=2)",
                   "refs/tags").decode("utf-8", "surrogateescape")
    shapes = [shape for name in out.split("\n") if (shape := _tag_shape(name.strip()))]
    if not shapes:
        return DEFAULT_TAG_PATTERN
    counts = {shape: shapes.count(shape) for shape in shapes}  # insertion order: newest first
    return max(counts, key=lambda shape: counts[shape])


def _tag_shape(name: str) -> str | None:
    """``[0-9]*`` or ``PREFIX*`` for a tag holding a version number, None for any other (or a prefix with glob
    or YAML-quoting characters, which a written pattern could not say plainly)."""
    digit = next((i for i, c in enumerate(name) if c.isdigit()), None)
    if digit is None:
        return None
    prefix = name[:digit]
    if not prefix:
        return "[0-9]*"
    return prefix + "*" if prefix.isascii() and all(c.isalnum() or c in "-_./" for c in prefix) else None


def write_files(root: Path, files: dict[str, str], *, force: bool = False,
                keep: tuple[str, ...] = (CONFIG_NAME,)) -> list[Written]:
    """Write ``files`` under ``root``. A file of ``keep`` that exists (the team's edited config) is kept
    unless ``force``; any other existing file (the CI definition) makes the call refuse, writing nothing,
    unless ``force``.

    Raises:
        UserError: a CI file exists (without ``force``) or a file cannot be written.
    """
    existing = [path for path in files if (root / path).exists()]
    refused = [path for path in existing if path not in keep]
    if refused and not force:
        hint = f"; to add the job to your own {GITLAB_PATH}, include {GITLAB_INCLUDE}" \
            if GITLAB_PATH in refused else ""
        verb = "exists" if len(refused) == 1 else "exist"
        raise UserError(f"{', '.join(refused)} already {verb}: nothing written; pass --force to replace{hint}")
    written = []
    for path, text in files.items():
        if path in existing and not force:
            written.append(Written(path, replaced=False, kept=True))
            continue
        target = root / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {target}: {exc.strerror}") from exc
        written.append(Written(path, path in existing))
    return written


def work_tree_root(repo: GitRepo) -> Path:
    """The top-level folder of ``repo``'s work tree: where GitHub reads ``.github/workflows`` and every run
    reads ``.mp-precheck.yml``, whichever subfolder (a monorepo's app) init was run in.

    Raises:
        UserError: the repository has no work tree (a bare repository).
    """
    try:
        top = repo.run("rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip()
    except UserError:
        top = ""
    if not top:
        raise UserError(f"{repo.path} has no work tree to write the CI files into: run init in a checkout")
    return Path(top)


def config_text(projects: list[Project], catalog: Catalog, language: str, *,
                tag_pattern: str = DEFAULT_TAG_PATTERN) -> str:
    """A ``.mp-precheck.yml`` with the settings that have defaults active and the admin-backend records
    commented out, to be filled from mp.weixin.qq.com (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/);
    ``notes.tag_pattern`` is written when the release tags are not ``v*``."""
    tags = "" if tag_pattern == DEFAULT_TAG_PATTERN else (
        f"notes:\n  {f'tag_pattern: {json.dumps(tag_pattern)}':<22} # the release tags (as the workflow's push "
        "trigger): the version notes cover the change since the previous one\n")
    found = "\n".join(f"#   - {json.dumps(p.root or '.', ensure_ascii=False)} ({p.framework})" for p in projects)
    names = [t.label for t in catalog.privacy_types.values()]
    labels = "\n".join("#                        #   " + "、".join(names[i:i + 8]) for i in range(0, len(names), 8))
    return f"""# yaml-language-server: $schema={SCHEMA_URL}
# mp-precheck settings (written by `mp-precheck init`). A pull request is checked with this file as it is
# on its base branch, so a pull request cannot relax its own check.
#
# Mini Programs found at HEAD (root, framework):
{found}

{f"language: {language}":<24} # zh-CN | en: the comment and the version notes
fail_on: high            # none | info | low | medium | high: the lowest severity that fails the check
{tags}
# exclude:               # gitignore-style: vendored SDKs, generated code
#   - miniprogram/libs/**

# rules:                 # per rule id (`mp-precheck rules` lists them, `mp-precheck explain <id>` tells why)
#   external_link.domain: medium   # a severity instead of the catalog's: high | medium | low | info
#   privacy.no_consent_flow: false # false switches the rule off

# What the admin backend (mp.weixin.qq.com) already has. Fill these in: findings are then compared with
# them (a declared type or a listed domain needs nothing) instead of asking you to check the backend.
#
# privacy:
#   declared: []         # 设置 → 服务内容声明 → 用户隐私保护指引: the types declared there, by label:
{labels}
# domains:               # 开发 → 开发管理 → 开发设置
#   request: []          # 服务器域名: request合法域名, e.g. api.example.com
#   uploadFile: []       # uploadFile合法域名
#   downloadFile: []     # downloadFile合法域名
#   socket: []           # socket合法域名
#   business: []         # 业务域名 (pages opened in <web-view>)
# categories: []         # 设置 → 基本设置 → 服务类目, e.g. 生活服务 > 社区生活
# content_security:
#   external: ""         # uploads are checked by a server outside this repository: say which
"""


def _projects(repo: GitRepo) -> list[Project]:
    try:
        head = repo.resolve("HEAD")
    except UserError as exc:
        raise UserError("the repository has no commit yet: commit the Mini Program, then run init") from exc
    tree = {e.path: e for e in repo.ls_tree(head)}

    def read_text(path: str) -> str | None:
        entry = tree.get(path)
        if entry is None or entry.is_symlink or entry.is_submodule or entry.size > 1_000_000:
            return None
        data = repo.read_blobs([entry.blob]).get(entry.blob)
        try:
            return decode(data).text if data is not None else None
        except UndecodableFile:
            return None

    projects = discover(tree.values(), read_text)
    if not projects:
        raise UserError("no Mini Program found at HEAD (no project.config.json, app.json next to app.js, "
                        "pages.json, app.config.js, app.mpx, app.wpy, miniprogram.config.js, a weapp-vite config's "
                        "srcRoot with app.json or app.vue, nor app.js or a pages folder with .wxml files below "
                        "it): run init in the Mini Program's repository")
    return projects
