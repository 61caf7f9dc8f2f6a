"""A conversation page's message sent through an object no reader follows: the API object a plugin or the Vue entry
installs on every component (``this.$api.room.sendMessage(this.draft)``), a member of the App
(``getApp().api.chat.send(…)``), a service a component is handed (``chatService.sendMsg(text)``). Shared by
``chat``, which asks for it only where the page's text box is sent by no request, project module or socket it
resolves.

A call counts when its callee is a member of an object (not the script's own method: ``this.sendMessage()`` of a
page whose handler only pushes to a local list sends nothing), its method is named as a send (``send``,
``sendMessage``, ``postMessage``, ``reply``, ``addMsg``) and its arguments carry what the page's text box writes
(:func:`~mp_precheck.readers.textflow.carried_names`). Left out: WeChat's and the frameworks' own APIs (``wx.``,
``uni.``, ``Taro.``: their facts say what they do), an imported object (a package's is no evidence, a project
module's is followed by ``chat`` itself), a script that sends through an IM SDK (its builders,
``tim.createTextMessage``, too: ``im_chat``'s), a component's parent, children or the callbacks it is handed
(``this.$parent``, ``props.onSend``), and a call whose callee or data names customer service, a bot
(``this.$api.ai.sendMessage``) or a private record (``api.feedback.submit``): the operator reads it.

A message sent to another user is user-generated content (``ugc_declare``,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit); Vue's
instance properties, https://v2.vuejs.org/v2/cookbook/adding-instance-properties.html.
"""

from __future__ import annotations

import posixpath

from mp_precheck.core.imsdks import im_sdks
from mp_precheck.core.recache import compiled
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.readers.imsends import im_sends
from mp_precheck.readers.syntax import node_text
from mp_precheck.readers.textflow import calls_on, carried_names

# Verbs of sending a message (sendText, postMessage, replyTo, msgSubmit); a chat word with a write word (addMessage)
# says it too (checks/ugc_scenes.yml).
_SENDS = frozenset({"send", "post", "reply", "submit", "publish", "say", "speak"})
_READS = compiled(r"(?:(?:api|req)(?:Get|List|Query|Fetch|Load|Find|Search|Read)|(?:(?:api|req)_)?"
                  r"(?:get|list|query|fetch|load|find|search|read))(?:[A-Z_]|$)")  # after an api/req prefix too
_OWN = frozenset({"this", "that", "self", "_this", "_self", "vm", "me"})  # the script's own object
_PLATFORMS = frozenset({"wx", "uni", "Taro", "qq", "tt", "my", "swan", "ks", "jd", "dd", "console", "JSON", "Math",
                        "Object", "Promise", "window", "document", "navigator"})
# a component's parent, children and the callbacks it is handed (props.onSend(text): the parent's handler sends)
_COMPONENTS = frozenset({"$refs", "$parent", "$root", "$children", "$el", "props", "$props", "$attrs", "$listeners"})
_IMPORT = compiled(r"""\bimport\s+([\w$\s{},*]+?)\s+from\s+['"]""")
_REQUIRE = compiled(r"""\b(?:const|let|var)\s+([\w$\s{},:]+?)\s*=\s*require\s*\(""")
_ALIASED = compiled(r"[\w$]+\s+as\s+|[\w$]+\s*:")  # { a as b }, * as ns, { a: b }: the name bound is the last
_WORD = compiled(r"[A-Za-z_$][\w$]*")
_SPACE = compiled(r"\s+")


def object_sends(path: str, text: str, state: frozenset[str]) -> list[tuple[int, str]]:
    """(line, callee) of each call of the script of ``path`` (its ``text``) that sends a message
    carrying ``state`` (the names the page's text box writes) through an object no reader follows (module
    docstring), in line order; empty when ``state`` is empty. Never raises on malformed code."""
    if not state or not text:
        return []
    imported = _imported(text)
    named = [(line, callee) for line, callee in _named_calls(text, path) if callee.split(".", 1)[0] not in imported]
    if not named or im_sends(text, path, im_sdks()):
        return []  # a page that sends through an IM SDK (its builders, createTextMessage, included) is im_chat's
    carried = carried_names(text, path, [line for line, _callee in named])
    table = scenes()
    stem = posixpath.basename(path.rsplit(".", 1)[0])
    return [(line, callee) for line, callee in named
            if carried.get(line, frozenset()) & state
            and not table.names_service([callee, *carried[line]])
            and table.scene(f"{stem}/{callee.replace('.', '/')}", None, ()) != "private"]


def _named_calls(text: str, path: str) -> list[tuple[int, str]]:
    """(line, callee) of the calls of a member of an object named as a message send (module docstring)."""
    out: list[tuple[int, str]] = []
    for line, arguments in calls_on(text, path, range(1, text.count("\n") + 2)):
        callee = arguments.parent.child_by_field_name("function") if arguments.parent is not None else None
        if callee is None or callee.type != "member_expression":
            continue
        name = _SPACE.sub("", node_text(callee))
        parts = name.replace("?.", ".").split(".")
        if len(parts) < 2 or parts[0] in _PLATFORMS or (len(parts) == 2 and parts[0] in _OWN) \
                or set(parts) & _COMPONENTS or not _says_send(parts[-1]):
            continue
        out.append((line, name))
    return out


def _says_send(method: str) -> bool:
    """Whether a method's name says it sends a message: a verb of sending (``sendText``, ``reply``), or a chat word
    and a write word (``addMessage``); not one named as a read (``getSendList``)."""
    if _READS.match(method):
        return False
    return bool(set(words_of(method)) & _SENDS) or scenes().sends_message(method, ())


def _imported(text: str) -> frozenset[str]:
    """The names a script binds to an import (``import { Letter } from 'some-im-sdk'``, ``const chat =
    require('../../api/chat')``): a package's object is no evidence, a project module's is followed by
    :mod:`~mp_precheck.analyzers.reached` (``chat``'s sends by request or project module)."""
    found = [m.group(1) for pattern in (_IMPORT, _REQUIRE) for m in pattern.finditer(text)]
    return frozenset(name for bound in found for name in _WORD.findall(_ALIASED.sub("", bound)))
