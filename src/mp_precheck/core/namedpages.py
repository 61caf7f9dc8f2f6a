"""Whether a page the change registers was named by the app before: a page it opened or a component it built.

A page file ``app.json`` does not list is no page WeChat compiles
(https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages); the change that lists it
brings its calls into the build (``registered_now`` in core/reachability.py). Unless another file already named it:
imported as a component, it was built then; navigated to, it was a page the app meant to open, whose calls the
registration only makes work. Those keep their base version to compare with.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from mp_precheck.git.repo import GitRepo


def named_before(repo: GitRepo, rev: str, route: str, own: Sequence[str]) -> bool:
    """Whether a file of revision ``rev`` other than the page's ``own`` files, hidden folders (an editor's workspace)
    and the developer tools' project settings names the page by the last two parts of its ``route``
    (``qiandao/index``: a navigation to it, an import of it as a component). A prefilter on the text: a comment
    naming it counts too (the page keeps its base version, as before)."""
    tail = "/".join(route.strip("/").split("/")[-2:])
    found = repo.grep_needles(rev, [tail]) if tail else {}
    return any(path not in own and not posixpath.basename(path).startswith("project.")
               and not any(part.startswith(".") for part in path.split("/")) for path in found)
