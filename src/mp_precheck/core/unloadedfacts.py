"""What a script nothing loads keeps of its facts (core/reachability.py): its secrets and its hosts.

Such a script ships nothing (https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html
``setting.ignoreUploadUnusedFiles``), but a key in the repository is exposed whether or not the app loads it, and
a server domain is judged for the whole app: a base-URL module added before anything imports it would otherwise
never be reported, its host sitting in an unchanged file when a later change imports it
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). Its hosts are kept as unused
ones; a picture's address (a record's ``url`` in an ``images`` list: readers/imagenames.py, a whole address of a
picture file) stays a picture host.

In: a file's facts and whether only other platforms' builds load it (then its hosts are theirs). Out: the facts it
keeps. Pure.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.facts.model import Fact
from mp_precheck.readers.imagepaths import PICTURES

_NETWORK_ROLES = ("request", "upload", "download", "socket")


def kept_facts(facts: tuple[Fact, ...], other_build: bool) -> tuple[Fact, ...]:
    """The facts of ``facts`` an unloaded script keeps (module docstring), its hosts as unused ones
    (:func:`_unused`); ``other_build``: a script only other platforms' code (or a Node script beside the app)
    loads keeps only its secrets."""
    return tuple(_unused(f) for f in facts if f.subject.startswith("secret:") or (
        not other_build and f.subject.startswith("host:")))


def _unused(fact: Fact) -> Fact:
    """A host fact of a script nothing loads: no request is seen to use it yet (role ``code``), so a loaded
    file's request names the host first (core/semantic_diff.py ``_one_place``); a whole address of a picture
    file (``https://cdn.example.com/a/b.jpg``, a demo's image) names no server the app calls: a picture host."""
    if fact.kind != "host" or fact.role not in _NETWORK_ROLES:
        return fact
    picture = (fact.value or "").split("?", 1)[0].split("#", 1)[0].lower().endswith(PICTURES)
    return replace(fact, role="media" if picture else "code")
