"""Requests a script sends to a public generative-AI model service (``checks/model_services.yml``).

A Mini Program that sends the user's prompt straight to a large model's API (``https://api.deepseek.com/chat/
completions``, an OpenAI-compatible base URL held in a constant) offers generative AI as much as one that calls WeChat
cloud development's AI extension (readers/cloudextend.py): WeChat review asks for the 深度合成 service categories
(https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/extensions/extend/ai.html, 常见问题 4.1). Each URL
literal whose host is a listed service's (the host facts of readers/jsfacts.py, one a line) gives a fact
:data:`SUBJECT` on its line, the host as its value and the URL's role kept (a host only development uses stays
development). A request to the app's own server gives none, unless the page chats with a model there and shows its
answers (readers/modelchat.py); text that only names AI gives none.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.facts.model import (
    ACCOUNT,
    ALTERNATIVE,
    CLIPBOARD,
    DEVELOPMENT,
    DISPLAYED,
    SWITCHED_OFF,
    Fact,
    FileFacts,
)
from mp_precheck.readers.modelchat import may_chat, model_chat

SUBJECT = "sdk:generative-ai"
TABLE = "model_services.yml"
SCHEMA = "model_services.schema.json"
# URLs that send no prompt from the build under review: an image, a link WeChat opens or the user copies, a branch
# switched off, a region nobody selects (facts/model.py). A host only development uses stays a development use.
_NOT_SENT = (ACCOUNT, CLIPBOARD, DISPLAYED, SWITCHED_OFF, "media")
Script = tuple[str, Node, Language, str, int]  # source, tree, grammar, path, line offset


class ModelServiceDataError(ValueError):
    """``checks/model_services.yml`` does not match its schema (a packaging bug, not user input)."""


def check_model_services() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        ModelServiceDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, ModelServiceDataError)


@cache
def model_hosts() -> dict[str, str]:
    """Each listed host → its service (the shipped table, read once)."""
    data: Any = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return {host: row["service"] for row in data["services"] for host in row["hosts"]}


def with_model_services(found: FileFacts, script: Script | None = None) -> FileFacts:
    """``found`` (one script's facts) with a :data:`SUBJECT` fact for each line holding a listed host, and, given the
    ``script`` it was read from (source, tree, grammar, path, line offset), one where it chats with a model on the
    app's own server (readers/modelchat.py)."""
    hosts = model_hosts()
    extra: dict[int, Fact] = {}
    if script is not None and may_chat(script[0]) and (chat := model_chat(*script[1:])) is not None:
        extra[chat[0]] = Fact(SUBJECT, "api", chat[0], chat[1])
    for fact in found.facts:
        host = fact.subject.partition(":")[2] if fact.kind == "host" else ""
        role = fact.role or ""
        if host in hosts and fact.line not in extra and role not in _NOT_SENT and not role.startswith(ALTERNATIVE):
            extra[fact.line] = Fact(SUBJECT, "api", fact.line, host, DEVELOPMENT if role == DEVELOPMENT else None)
    return replace(found, facts=found.facts + tuple(extra.values())) if extra else found
