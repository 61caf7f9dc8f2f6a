"""Is a subject already in the app? ``git grep`` finds candidate files by fixed strings, the parser
confirms (the prefilter keeps a 10,000-page repository cheap)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mp_precheck.core.semantic_diff import is_known
from mp_precheck.core.subject import FACTORY_OF, Form, parse
from mp_precheck.core.thirdparty import (
    PICK_SUBJECT,
    SDK_LOCATION_SUBJECT,
    SDK_RECORD_SUBJECT,
    SDK_UPLOAD_SUBJECT,
    UPLOAD_SUBJECT,
    third_party,
)
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.base64media import SUBJECT as REQUEST_MEDIA
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.markup import LIVE_PLUGIN_APPID, LIVE_ROOM_PAGE
from mp_precheck.readers.modelchat import chat_needles
from mp_precheck.readers.modelservices import SUBJECT as MODEL_SERVICE
from mp_precheck.readers.modelservices import model_hosts
from mp_precheck.readers.paychannels import SUBJECT as PAY_CHANNEL
from mp_precheck.readers.paychannels import channels
from mp_precheck.readers.textsignals import SERVICE_NEEDLES

SCOPE_LIMIT = 2000  # files named one by one to git grep; more and it searches the project's folder

_JSX_NAMES = {"<web-view>": "<WebView", "<camera>": "<Camera", "<live-pusher>": "<LivePusher",
              "<live-player>": "<LivePlayer", "<ad>": "<Ad", "<ad-custom>": "<AdCustom",
              "video[ad-unit-id]": "adUnitId", f"plugin-page:{LIVE_PLUGIN_APPID}": LIVE_ROOM_PAGE}


# Subjects found by patterns or code structure (UI text signals, lifecycle hooks) have no fixed string
# to grep for: they are judged on the changed files only — except a service's words (SERVICE_NEEDLES).
_UNGREPPABLE: frozenset[Form] = frozenset({"text", "login", "js", "policy", "media", "secret", "account"})


def needles(subject: str) -> tuple[str, ...]:
    """Fixed strings ``git grep`` looks for to find files that may hold ``subject`` (JSX spellings too);
    empty for subjects no fixed string finds."""
    parsed = parse(subject)
    if parsed.form == "text" and parsed.value in SERVICE_NEEDLES:  # a service's words: its pattern's fixed parts
        return SERVICE_NEEDLES[parsed.value]
    if subject == PAY_CHANNEL:  # another channel than WeChat Pay: its spellings (checks/pay_channels.yml)
        return channels().needles() + tuple(channels().hosts)
    if parsed.form in _UNGREPPABLE:
        return ()
    if subject == MODEL_SERVICE:  # a request to a model service: its hosts (checks/model_services.yml)
        return tuple(model_hosts()) + chat_needles()  # a vendor's host, or a model's turns shown (readers/modelchat.py)
    if subject in (PICK_SUBJECT, UPLOAD_SUBJECT, SDK_UPLOAD_SUBJECT, SDK_LOCATION_SUBJECT, SDK_RECORD_SUBJECT):
        return third_party().needles(subject)  # the components', SDKs' and plugin factories' names
    first = needle(subject)
    return (first, _JSX_NAMES[subject]) if subject in _JSX_NAMES else (first,)


def needle(subject: str) -> str:
    """The fixed string ``git grep`` looks for to find files that may hold ``subject``.

    Raises:
        SubjectError: ``subject`` is no subject of the grammar (:mod:`mp_precheck.core.subject`).
    """
    parsed = parse(subject)
    if parsed.form in ("host", "web-view-host", "plugin-page", "handler", "page", "route"):
        return parsed.value or ""
    if parsed.form == "plugin":  # requirePlugin('live-player-plugin'): the alias, not the AppID, is in the code
        return "requirePlugin"
    if parsed.form == "component":
        return parsed.name or ""
    if parsed.form == "attribute":  # button[open-type=share] → share; video[ad-unit-id] → ad-unit-id
        return parsed.value if parsed.value is not None else parsed.key or ""
    if parsed.form == "api" and parsed.name == "wx.authorize" and parsed.value is not None:
        return parsed.value
    if subject == REQUEST_MEDIA:  # a file that sends a photo in a request body reads it as base64 first
        return "base64"
    if parsed.form == "app-config":  # the last part: the entry's value, or the key when there is none
        return (parsed.value or "").rpartition(":")[2] if parsed.value is not None else parsed.key or ""
    if parsed.form == "method" and parsed.owner in FACTORY_OF:  # the factory call that made the object
        return FACTORY_OF[parsed.owner].rpartition(".")[2]
    if parsed.member:
        return parsed.member
    return subject.partition(":")[0]  # other prefixed forms: the prefix


def present_in(repo: GitRepo, store: FactStore, head: str, tree: Mapping[str, TreeEntry], project: Project,
               files: Callable[[str], bool], subjects: set[str]) -> set[str]:
    """Subjects present in the files of the project at revision ``head`` (whose tree is ``tree``) that
    ``files(path)`` accepts (e.g. the unchanged ones).

    ``git grep -o`` says which files may hold which subject; the parser confirms, a few files at a time,
    and stops for a subject as soon as one file confirms it — so the cost follows the change, not the
    size of the app. A subject's candidates are parsed smallest first: a minified SDK that only names an SDK
    in a string (392 KB, ~3 s of readers) is parsed only when no page or helper of the app confirms it.
    """
    wanted: dict[str, set[str]] = {}
    for subject in subjects:
        for name in needles(subject):
            wanted.setdefault(name, set()).add(subject)
    # Only files ``files`` accepts can answer, so git reads only those when there are few (and never the
    # images and other binaries beside them); none at all — a whole app added in one change — needs no grep.
    scope: list[str] = []
    for path in tree:
        if files(path):
            scope.append(path)
            if len(scope) > SCOPE_LIMIT:
                break
    if not scope or not wanted:
        return set()
    hits = repo.grep_needles(head, wanted, [f":(literal){path}" for path in scope] if len(scope) <= SCOPE_LIMIT
                             else [project.root] if project.root else [])
    candidates: dict[str, list[str]] = {}  # subject -> files that may hold it, the smallest first
    for path in sorted(hits, key=lambda p: (tree[p].size, p)):
        if files(path):
            for name in hits[path]:
                for subject in wanted.get(name, ()):
                    candidates.setdefault(subject, []).append(path)
    confirmed: set[str] = set()
    parsed: set[str] = set()
    while True:
        batch: list[str] = []
        for subject, paths in candidates.items():
            if subject in confirmed:
                continue
            while paths and paths[0] in parsed:
                paths.pop(0)
            if paths:
                batch.append(paths.pop(0))
        if not batch:
            return confirmed
        batch = sorted(set(batch))
        parsed.update(batch)
        facts = store.facts([(p, tree[p].blob) for p in batch], tree)
        confirmed |= {f.subject for ff in facts.values() for f in ff.facts if f.subject in subjects and is_known(f)}
