"""A page that chats with a large model the app's own server runs (``app_server`` of ``checks/model_services.yml``).

No vendor host tells this one: the page posts the user's question to its own backend and shows what comes back as
the model's turn of a conversation. It offers generative AI all the same — WeChat review files AI 问答 under the
深度合成 service categories (DEEPSYN, AIEXT in docs/wechat-platform.md;
https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/extensions/extend/ai.html, 常见问题 4.1). A script gives
the fact ``sdk:generative-ai`` (readers/modelservices.py) at the call that asks when all of these hold:

* a call asks a model: its callee or a path it passes names a chat (``chat``, ``ask``, ``completions``…) and a
  model (``ai``, ``llm``, ``gpt``…) — or names a chat while the page's path or the script's text names AI
  (``assistant.askAi(q)``, ``request({ url: '/v2/llm/answer' })``, ``postChat(q)`` on ``pages/llm/talk``);
* the script shows the model's answers as turns of a conversation: the role chat-completion APIs give them,
  ``'assistant'``, or a message's role naming a model (``role: 'ai'``, ``from: 'bot'``);
* nothing in it names customer service (客服): a chat with the operator's staff offers no model;
* the call that asks is not a function of the script whose body sends nothing (``readers/keptonphone.py``): a
  page's ``addTurn(text)`` that appends a canned reply asks no model, whatever its name says.

A page that only names AI (a recognition, a report, speech) or shows no answer in a conversation gives nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tree_sitter import Language, Node

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.core.scenes import words_of
from mp_precheck.readers.keptonphone import KeptOnPhone
from mp_precheck.readers.syntax import node_text, nodes_of, string_value

_TYPES = ("call_expression", "string", "template_string", "pair")


class _Words:
    """The ``app_server`` word lists of the shipped table (read once)."""

    def __init__(self, data: Any) -> None:
        self.ai = frozenset(w.lower() for w in data["ai"])
        self.chat = frozenset(w.lower() for w in data["chat"])
        self.reads = frozenset(w.lower() for w in data["reads"])
        self.roles = frozenset(w.lower() for w in data["roles"])
        self.role_keys = frozenset(w.lower() for w in data["role_keys"])
        self.staff = tuple(w.lower() for w in data["staff"])

    def names_ai(self, text: str) -> bool:
        """Whether ``text`` (a name, a path, a sentence) names a model: one of its words, or a Chinese term in it."""
        return bool(self.ai & set(words_of(text))) or any(w in text for w in self.ai if not w.isascii())


@cache
def _words() -> _Words:
    data: Any = validated(data_dir("checks") / "model_services.yml", "model_services.schema.json", check=False)
    return _Words(data["app_server"])


@cache
def chat_needles() -> tuple[str, ...]:
    """Fixed strings one of which a script showing a model's turns spells (facts/presence.py): the roles quoted."""
    return tuple(f"{quote}{role}{quote}" for role in sorted(_words().roles) for quote in "'\"")


def may_chat(source: str) -> bool:
    """A cheap test before reading the tree: whether ``source`` spells one of :func:`chat_needles`."""
    return any(needle in source for needle in chat_needles())


def model_chat(root: Node, language: Language, path: str, line_offset: int = 0) -> tuple[int, str] | None:
    """(line, what) of a script (``root``, parsed with ``language``, at ``path``) that asks a model on the app's own
    server and shows its answers (module docstring): the first call that asks, and ``app server: <its callee>``;
    None otherwise."""
    table = _words()
    nodes = nodes_of(root, language, _TYPES)
    literals = [text for n in nodes if n.type in ("string", "template_string") and (text := _literal(n))]
    calls = [n for n in nodes if n.type == "call_expression"]
    callees = [node_text(n.child_by_field_name("function")) for n in calls]
    if any(w in text.lower() for text in (*literals, *callees, path) for w in table.staff):
        return None  # customer service (a 客服 title, wx.openCustomerServiceChat): the operator's staff answer
    if not _shows_answers(nodes, literals, table):
        return None
    named_ai = table.names_ai(path) or any(table.names_ai(text) for text in literals)
    kept: KeptOnPhone | None = None
    for call in calls:
        asked = _asks(call, table, named_ai)
        if asked is None:
            continue
        kept = kept or KeptOnPhone(root)
        if not kept.keeps(asked):  # a method of the page that only shows a canned reply asks nothing
            return call.start_point[0] + 1 + line_offset, f"app server: {asked}"
    return None


def _literal(node: Node) -> str:
    """A string's text; a template's literal parts joined (```${base}/llm/answer``` → ``/llm/answer``)."""
    if node.type == "string":
        return string_value(node) or ""
    return "".join(node_text(c) for c in node.children if c.type in ("string_fragment", "escape_sequence"))


def _shows_answers(nodes: list[Node], literals: list[str], table: _Words) -> bool:
    """Whether the script holds the model's turns of a conversation: ``'assistant'`` anywhere, or a pair whose key
    is a role key and whose value is one of the roles (``role: 'ai'``)."""
    if "assistant" in {text.strip().lower() for text in literals}:
        return True
    for pair in (n for n in nodes if n.type == "pair"):
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if key is None or value is None or value.type != "string":
            continue
        role = (string_value(value) or "").lower()
        if node_text(key).strip("'\"").lower() in table.role_keys and role in table.roles:
            return True
    return False


def _asks(call: Node, table: _Words, named_ai: bool) -> str | None:
    """The callee of ``call`` when it asks a model: the function's own name (a method's, not its object's), or a
    path among its arguments (an options object's values too), names a chat, and the callee or that path names AI —
    or ``named_ai`` (the page or its text does). A name or path that reads, keeps or clears the conversation
    (``loadChatLog``, ``chatLog.push``, ``'/llm/chat/list'``) asks nothing."""
    callee = node_text(call.child_by_field_name("function"))
    if callee in ("require", "import"):
        return None  # a module loaded (require('../../api/chat')), no question asked
    args = call.child_by_field_name("arguments")
    paths = [p for n in _passed(args) if "/" in (p := _literal(n)) and " " not in p.strip()] if args is not None else []
    named = named_ai or bool(table.ai & set(words_of(callee)))
    own = set(words_of(callee.rpartition(".")[2]))
    if own & table.chat and named and not own & table.reads:
        return callee  # assistant.askAi(q), postChat(q); not loadChatLog(), clearChat()
    for path in paths:
        words = set(words_of(path))
        if words & table.chat and (named or words & table.ai) and not words & table.reads:
            return callee  # request.post('/v2/llm/answer'); not '/llm/chat/list'
    return None


def _passed(args: Node) -> list[Node]:
    """The string arguments of a call and the string values of an options object it is passed; of a value joined
    with ``+`` its string parts (``url: BaseURL + '/chat/stream'``: the path is the literal the base is put before)."""
    out: list[Node] = []
    for arg in args.named_children:
        if arg.type == "object":
            for pair in (p for p in arg.named_children if p.type == "pair"):
                out += _strings(pair.child_by_field_name("value"))
        else:
            out += _strings(arg)
    return out


def _strings(node: Node | None) -> list[Node]:
    """``node`` when it is a string or a template, or the strings a ``+`` joins in it; nothing otherwise."""
    if node is None:
        return []
    if node.type in ("string", "template_string"):
        return [node]
    if node.type == "binary_expression" and node_text(node.child_by_field_name("operator")) == "+":
        return _strings(node.child_by_field_name("left")) + _strings(node.child_by_field_name("right"))
    return []
