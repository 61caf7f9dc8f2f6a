"""What a page sends: the calls that send data away (requests, cloud calls and database writes, uploads), the
ones that post data (not files), chat sockets, and the page files they live in. Shared by the analyzers that judge
what a page publishes (``ugc``, ``old_boxes``, ``chat``).

A call through a wrapper named as a read (``getComment(id)``, ``loadList``) loads the page's data and sends no input.
Doc: https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html
"""

from __future__ import annotations

from collections.abc import Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.core.thirdparty import SDK_UPLOAD_SUBJECT
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.baaswrites import baas_writes
from mp_precheck.readers.cloudobjects import called_method
from mp_precheck.readers.cloudwrites import cloud_writes
from mp_precheck.readers.contentchecks import check_lines
from mp_precheck.readers.sfc import SFC_SUFFIXES
from mp_precheck.readers.uncalled import without_ranges

CLOUD_DB = "wx.cloud.database"
SENDERS = frozenset({"wx.request", "wx.cloud.callFunction", CLOUD_DB, "wx.uploadFile",
                     "wx.cloud.uploadFile", SDK_UPLOAD_SUBJECT})
POSTERS = frozenset({"wx.request", "wx.cloud.callFunction", "wx.cloud.database"})
CHAT = frozenset({"wx.connectSocket", "wx.sendSocketMessage", "wx.onSocketMessage"})
# A name that says it reads (getTopicList, list), also after a request helper's ``api`` / ``req`` prefix
# (apiGetList, reqListTopics, api_get_list): the verb after the prefix tells a read from a post (apiPostComment).
READ_NAME = lazy(r"(?:(?:api|req)(?:Get|List|Query|Fetch|Load|Find|Search)|(?:(?:api|req)_)?"
                 r"(?:get|list|query|fetch|load|find|search))(?:[A-Z_]|$)")
POST_INPUTS = frozenset({"<textarea>", "<editor>"})
SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".tsx", ".jsx")
MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".tsx", ".jsx")


def page_stem(path: str) -> str:
    """A page file's path without its suffix: the page's markup, script and style share it."""
    return path.rsplit(".", 1)[0]


def sending(context: ProjectContext, script: str, facts: FileFacts) -> list[Fact]:
    """The calls of ``script`` (its ``facts``) that send data away (``SENDERS``), wrappers named as reads left
    out. A cloud database handle made in the script (``wx.cloud.database()``) sends nothing by itself: its
    writes do (``db.collection('posts').add({ data })``, :mod:`~mp_precheck.readers.cloudwrites`), reported at
    the write; a page that only reads the database (``.where().get()``) sends nothing through it. A call that sends
    data to a content check (``callFunction({ name: 'textCheck' })``: :func:`content_checks`) posts none of it."""
    found = _sends(context, script, facts)
    checks = content_checks(context, script, facts, found)
    return [f for f in found if f not in checks]


def content_checks(context: ProjectContext, script: str, facts: FileFacts,
                   sends: list[Fact] | None = None) -> list[Fact]:
    """The data calls of ``script`` (its ``facts``; of ``sends`` when given) that send what they carry to be checked,
    not posted: a cloud function, an endpoint or a wrapper named as a content check
    (:mod:`~mp_precheck.readers.contentchecks`, security.msgSecCheck:
    https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html)."""
    posts = [f for f in (_sends(context, script, facts) if sends is None else sends) if f.subject in POSTERS]
    text = context.read_head(script) if posts and script.endswith(SCRIPTS) else None
    lines = check_lines(text, script, [f.line for f in posts]) if text else frozenset()
    return [f for f in posts if f.line in lines or scenes().names_check(wrapper_of(f))]


def _sends(context: ProjectContext, script: str, facts: FileFacts) -> list[Fact]:
    """:func:`sending` with the content checks among them, in line order."""
    found = [f for f in facts.facts if f.subject in SENDERS and not reads(f)
             and not (f.subject == CLOUD_DB and f.role is None)]
    idle = _idle(context, script, facts)
    return sorted((f for f in found + cloud_write_facts(context, script)
                   if not any(first <= f.line <= last for first, last in idle)), key=lambda f: f.line)


def live_facts(context: ProjectContext, script: str) -> FileFacts | None:
    """The facts of ``script`` at head (None when it has none), without the calls inside the ``methods`` entries of a
    registered page that its file never names (``FileFacts.idle``, readers/uncalled.py): they never run, so they post
    nothing, as facts/scope.py drops their uses from the app's."""
    facts = context.facts_at_head(script)
    idle = _idle(context, script, facts) if facts is not None else ()
    return without_ranges(facts, idle) if facts is not None and idle else facts


def _idle(context: ProjectContext, script: str, facts: FileFacts) -> tuple[tuple[int, int], ...]:
    """The line ranges of ``script``'s methods nothing names where it is a registered page (a component's may be
    called by its parent through a ``ref``); none elsewhere."""
    project = context.project
    registered = bool(facts.idle) and any(script in page_sources(project, route, SFC_SUFFIXES)
                                          for route in project.pages)
    return facts.idle if registered else ()


def cloud_write_facts(context: ProjectContext, script: str) -> list[Fact]:
    """The cloud database writes of ``script`` as sending calls (subject ``wx.cloud.database``), and the records
    it saves through a backend-as-a-service SDK (LeanCloud's ``new Comment().save({ text })``:
    :mod:`~mp_precheck.readers.baaswrites`), which write a table others read the same way."""
    return [Fact(CLOUD_DB, "api", line, f"collection('{name}').{method}", "cloud:write")
            for line, name, method in database_writes(context, script)]


def database_writes(context: ProjectContext, script: str) -> list[tuple[int, str, str]]:
    """(line, collection or table, method) of each record ``script`` writes to a cloud database or through a
    backend-as-a-service SDK (:func:`cloud_write_facts`), read in ``context``'s head, in line order."""
    text = context.read_head(script) if script.endswith(SCRIPTS) else None
    return sorted({*cloud_writes(text, script), *baas_writes(text, script)}) if text else []


def unresolved_posts(facts: FileFacts, lines: Iterable[int]) -> list[Fact]:
    """The calls of project functions on ``lines`` that no reader resolves to an API (a generated API client the
    repository leaves out, ``replyApi.create(body)``; a client class whose requests go through an object its
    constructor is handed), named otherwise than as reads: each as a ``wx.request`` through that wrapper (role
    ``via:<module specifier>#<name>``, value its name) — what the caller decides it posts is its data."""
    # a line counts as resolved where it reaches a sending API; a helper resolved to a toast alone (a higher-order
    # ``withRequest(api.createPost)(data)`` that shows its errors) still hands the data to what it is given
    wanted, known = set(lines), {f.line for f in facts.facts if f.kind == "api" and f.subject in SENDERS}
    return [Fact("wx.request", "api", line, name, f"via:{spec}#{name}") for spec, name, line in facts.imported_calls
            if line in wanted and line not in known and not READ_NAME.match(name.rsplit(".", 1)[-1])
            and not scenes().names_check(name)]


def endpoint_reads(strings: Iterable[str]) -> bool:
    """Whether the strings an endpoint is spelt with name a read and no write (``'/shelf/listItems?id='``, not
    ``'/search/history/add'``): a call to it loads data, it sends no input."""
    words = [w for s in strings for w in words_of(s)]
    return any(READ_NAME.match(w) for w in words) and not set(words) & scenes().writes


def wrapper_of(fact: Fact) -> str:
    """The name of the project wrapper a call goes through (``submitHomework``), or "" for a direct call."""
    via = fact.role is not None and fact.role.startswith(("via:", "dispatch:"))
    return fact.role.rsplit("#", 1)[-1].rsplit(".", 1)[-1] if fact.role and via else ""


def reads(fact: Fact) -> bool:
    """A call through a wrapper whose name says it reads (``getList``, ``fetchDetail``, ``queryTopics``), or of a
    cloud object's method so named (``wallObj.getList()``: readers/cloudobjects.py): loading the page's data, not
    sending the post."""
    return bool(READ_NAME.match(wrapper_of(fact) or called_method(fact)))
