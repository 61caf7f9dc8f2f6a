"""Commits that change only what another platform ships: nothing a WeChat reviewer can see.

Told by the files a commit touches and by the blocks it edits inside them:

- Taro platform files (``index.h5.tsx``, ``api.rn.ts``, ``pay.alipay.js``…: Taro builds ``name.weapp.ts``
  for WeChat and ``name.<other>.ts`` for the others, https://docs.taro.zone/docs/envs), uni-app's
  ``platforms/<name>/`` pages, App-only ``nativeplugins/``, ``hybrid/`` and ``*.nvue`` files
  (https://uniapp.dcloud.net.cn/tutorial/platform.html), and native-app folders (``android/``, ``ios/``);
- edits that lie entirely inside uni-app conditional blocks for other platforms (``// #ifdef H5`` …
  ``// #endif``, :mod:`.conditional`).
"""

from __future__ import annotations

import posixpath

from unidiff import PatchSet  # type: ignore[attr-defined]
from unidiff.errors import UnidiffParseError

from mp_precheck.core.errors import UserError
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.conditional import for_wechat, has_directives
from mp_precheck.readers.textcodec import UndecodableFile, decode

_TARO_SUFFIX = compiled(r"\.(?:h5|rn|alipay|swan|tt|qq|jd|harmony|harmony-hybrid|quickapp|kwai|dd|lark|ascf)"
                          r"\.[A-Za-z]+$")
_APP_FOLDERS = ("nativeplugins/", "hybrid/", "android/", "ios/", "harmony-configs/", "nativeResources/")
_UNI_PLATFORM = compiled(r"(?:^|/)platforms/(?!mp-weixin/)[a-z0-9-]+/")
_DIRECTIVE = lazy(r"^\s*(?://|/\*|<!--|#)?\s*#(?:ifdef|ifndef|else|endif)\b")
_BLOCK_SUFFIXES = (".vue", ".nvue", ".js", ".ts", ".uts", ".json", ".css", ".scss", ".less", ".styl", ".html")
MAX_FILES = 30  # larger commits are not inspected block by block (they are rarely for one platform)


def other_platform_path(path: str) -> bool:
    """Whether ``path`` is built only for a platform other than WeChat (see the module docstring)."""
    name = posixpath.basename(path)
    return bool(_TARO_SUFFIX.search(name)) or name.endswith(".nvue") or _UNI_PLATFORM.search(path) is not None \
        or path.startswith(_APP_FOLDERS) or any(f"/{folder}" in path for folder in _APP_FOLDERS[:2])


def only_other_platforms(repo: GitRepo, sha: str, parent: str | None, files: tuple[str, ...]) -> bool:
    """Whether commit ``sha`` (with first parent ``parent``) changes nothing the WeChat build contains:
    every file it touches is another platform's, or every line it adds or removes there lies inside a
    conditional block for other platforms. False when it cannot tell (a root commit, a large commit)."""
    if not files or parent is None:
        return False
    rest = [f for f in files if not other_platform_path(f)]
    if not rest:
        return True
    if len(rest) > MAX_FILES or not all(f.endswith(_BLOCK_SUFFIXES) for f in rest):
        return False  # only uni-app sources hold conditional blocks
    if not _any_directives(repo, (sha, parent), rest):
        return False  # every line of these files ships: the diff (a git process per commit) is not read
    try:
        patch = PatchSet(repo.run("diff", "-U0", "--no-renames", "--no-color", "--no-ext-diff", "--no-textconv",
                                  parent, sha, "--", *rest).decode("utf-8", "surrogateescape"))
    except (UnidiffParseError, UnicodeError, UserError):
        return False
    if not patch:
        return False
    for patched in patch:
        path = patched.path
        new_lines = _wechat_lines(repo, sha, path)
        old_lines = _wechat_lines(repo, parent, path)
        if new_lines is None or old_lines is None:
            return False  # binary, undecodable, or no conditional blocks at all: the change ships
        for hunk in patched:
            for line in hunk:
                if line.is_added and _ships(new_lines, line.target_line_no, line.value):
                    return False
                if line.is_removed and _ships(old_lines, line.source_line_no, line.value):
                    return False
    return True


def _any_directives(repo: GitRepo, revs: tuple[str, str], paths: list[str]) -> bool:
    """Whether any of ``paths``, in either of ``revs``, holds a conditional block (one ``cat-file`` call: the
    blobs are kept for :func:`_wechat_lines`). Without one, every patched file ships and the answer is False."""
    found = repo.read_files([(rev, path) for path in paths for rev in revs])
    for data in found.values():
        try:
            if data is not None and has_directives(decode(data).text):
                return True
        except UndecodableFile:
            continue  # read as no blocks: its diff would not be read either
    return False


def _wechat_lines(repo: GitRepo, rev: str, path: str) -> list[str] | None:
    """The file's lines as the WeChat build sees them ([] when it does not exist), None when it has no
    conditional blocks (every line ships) or cannot be read as text."""
    data = repo.read_file(rev, path)
    if data is None:
        return []
    try:
        text = decode(data).text
    except UndecodableFile:
        return None
    if not has_directives(text):
        return None
    return for_wechat(text).split("\n")


def _ships(lines: list[str], number: int | None, value: str) -> bool:
    if not value.strip() or _DIRECTIVE.match(value):
        return False  # a blank line or a directive (a comment) changes no build
    if number is None or number > len(lines):
        return True
    return bool(lines[number - 1].strip())
