"""The scene of a posting page, from ``checks/ugc_scenes.yml`` (data, validated against
``checks/ugc_scenes.schema.json``): does a text box publish to other users (a post, comment, topic) or keep
a record for the user or one counterpart (an expense note, a homework answer, feedback)?

In: words — identifier words of the page's path and of the wrapper that sends the text, and the strings
passed to it. Out: ``"public"``, ``"private"`` or None (no word of either list). Only private words and no
public one make a page private, or a page path naming the operator's console (an administrator's page); the
submission's UGC declaration (``ugc_declare``) covers content other users see:
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from typing import Literal

from msgspec import Struct

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir

Scene = Literal["public", "private"]
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing")  # posts, published, posting
_WORD = compiled(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[\u4e00-\u9fff]+")
_NAME = compiled(r"[A-Za-z_$][\w$]*")  # an identifier (a wrapper's or cloud function's name), not a path


class SceneDataError(ValueError):
    """``checks/ugc_scenes.yml`` does not match its schema (a packaging bug, not user input)."""


class Scenes(Struct, frozen=True):
    public: frozenset[str]
    private: frozenset[str]
    writes: frozenset[str]
    transport: frozenset[str]
    methods: frozenset[str]
    chat: frozenset[str] = frozenset()
    service: frozenset[str] = frozenset()
    reads: frozenset[str] = frozenset()
    operator: frozenset[str] = frozenset()
    addressed: frozenset[str] = frozenset()
    publish_labels: tuple[str, ...] = ()
    graded: frozenset[str] = frozenset()
    notes: frozenset[str] = frozenset()
    transaction: frozenset[str] = frozenset()
    order_fields: tuple[frozenset[str], ...] = ()
    checks: frozenset[str] = frozenset()

    @staticmethod
    def _has(vocabulary: frozenset[str], words: Iterable[str]) -> bool:
        for word in words:
            if any(word.removesuffix(end) in vocabulary for end in _INFLECTIONS):
                return True
            if word.endswith("ies") and word[:-3] + "y" in vocabulary:  # replies, stories
                return True
            if not word.isascii() and any(v in word for v in vocabulary if not v.isascii()):
                return True
        return False

    def _named(self, wrapper: str | None) -> list[str]:
        """The words of a wrapper's name, none for one named after its transport (``httpPost``, or just the
        HTTP method: ``post``). A method of an object (``LetterApi.sendLetter``, ``http.post``) is judged by
        the method's own name, the object's words without its transport's (``api``) before it: a client named
        after its transport still calls a method that says what it does."""
        name = words_of(wrapper or "")
        method = len(name) == 1 and name[0].upper() in self.methods
        if method or not set(name) & self.transport:
            return [] if method else name
        owner, _, member = (wrapper or "").rpartition(".")
        said = words_of(member)
        if not owner or set(said) & self.transport or (len(said) == 1 and said[0].upper() in self.methods):
            return []  # http.post, api.request: the transport's own call says nothing
        return [w for w in words_of(owner) if w not in self.transport] + said

    def scene(self, path: str, wrapper: str | None, strings: Iterable[str], page: str | None = None) -> Scene | None:
        """The scene the page at ``path`` posts to through ``wrapper`` (a function name, or None for a
        direct call) passing ``strings``; a page (``page``, else ``path``) of the operator's console
        (``operator`` words in its path: ``pages/admin-review``) is private, its text is no user's content. A
        private word the table spells as one (``userinfo``) also matches two adjacent words of the path, of one
        string or of the wrapper's name (``editUserInfo``: the account's own record, not a post). A page whose words
        say staff grade one person's work (``graded``: 批改, 评语) writes that person's record, whatever other words
        (a review of a submission) it uses."""
        if self._has(self.operator, words_of((page or path).rsplit(".", 1)[0])):
            return "private"
        passed = [s for s in strings if s.strip().upper() not in self.methods]
        spelt = [words_of(path.rsplit(".", 1)[0]), *(words_of(s) for s in passed), self._named(wrapper)]
        words = [w for said in spelt for w in said]
        if self._has(self.graded, words):
            return "private"
        if self._has(self.public, words):
            return "public"
        # a private word the table spells as one (``userinfo``, ``aftersale``) is two words of an identifier or
        # path (``editUserInfo``, ``/after/sale``): adjacent words of one name are read together too
        compounds = [a + b for said in spelt for a, b in pairwise(said)]
        return "private" if self._has(self.private, words + compounds) else None

    def _hits(self, vocabulary: frozenset[str], word: str) -> set[str]:
        """The words of ``vocabulary`` that ``word`` is (inflected: :meth:`_has`) or, spelt in Chinese, holds."""
        if not word.isascii():
            return {v for v in vocabulary if not v.isascii() and v in word}
        stems = {word.removesuffix(end) for end in _INFLECTIONS}
        return (stems | ({word[:-3] + "y"} if word.endswith("ies") else set())) & vocabulary

    def only_notes(self, words: Iterable[str]) -> bool:
        """Whether ``words`` name no public scene but by words that also name a note left for one counterpart
        (``notes``: 买家留言 is a buyer's message to the seller, 留言板 a board): none at all, or only those."""
        return {v for w in words for v in self._hits(self.public, w)} <= self.notes

    def names_note(self, words: Iterable[str]) -> bool:
        """Whether ``words`` (what a text box says it is for) name a note left for one counterpart (remark, 备注)."""
        return self._has(self.notes, list(words))

    def names_order(self, words: Iterable[str]) -> bool:
        """Whether ``words`` (of a call's wrapper and endpoint) name an order, booking or payment being made: a
        ``transaction`` word and a ``writes`` word (``createOrder``, ``'/booking/submit'``)."""
        said = list(words)
        return self._has(self.transaction, said) and self._has(self.writes, said)

    def order_kinds(self, names: Iterable[str]) -> int:
        """How many kinds of an order's fields (``order_fields``: goods, the address, the amount) ``names`` carry."""
        words = [w for name in names for w in words_of(name)]
        return sum(self._has(kind, words) for kind in self.order_fields)

    def to_operator(self, words: Iterable[str]) -> bool:
        """Whether ``words`` (of a page's path and title, of the endpoint and wrapper its post goes to) name a
        message only the operator reads — feedback, a complaint, a report of abuse (``addressed``: 反馈, 投诉, 举报)
        or a question to customer service (``service``: 客服) —, no content other users see."""
        said = list(words)
        return self._has(self.addressed, said) or self._has(self.service, said)

    def to_staff(self, words: Iterable[str]) -> bool:
        """Whether ``words`` name a message the operator's staff handle (``addressed``: feedback, a complaint, a
        suggestion, 意见): a form only they read — not a conversation with customer service or a bot, whose text is
        the user's message in a chat (``service`` words: :meth:`to_operator`)."""
        return self._has(self.addressed, list(words))

    def publish_label(self, text: str) -> bool:
        """Whether ``text``, a control's whole label (``发布``, ``发表评论``, ``Post``), publishes what a composer
        holds (``publish_labels``)."""
        label = text.strip()
        return 0 < len(label) <= 12 and any(word in label if not word.isascii() else word in words_of(label)
                                            for word in self.publish_labels)

    def publishes(self, strings: Iterable[str]) -> bool:
        """Whether strings a call passes name a public scene (``'timelines'``, ``'published'``)."""
        return self._has(self.public, self._words(strings))

    def conversation(self, path: str) -> bool:
        """Whether the page at ``path`` reads as a conversation between users (``pages/chat/index``): a chat
        word in its path and no word of a customer-service counterpart (``pages/kefu/chat``)."""
        words = words_of(path.rsplit(".", 1)[0])
        return self._has(self.chat, words) and not self._has(self.service, words)

    def says_service(self, path: str) -> bool:
        """Whether the page at ``path`` names a customer-service counterpart (``pages/kefu/room``): what its chat
        sends goes to the operator, not to other users."""
        return self._has(self.service, words_of(path.rsplit(".", 1)[0]))

    def names_service(self, strings: Iterable[str]) -> bool:
        """Whether strings or code a call passes name a customer-service counterpart (``to: 'kefu_01'``)."""
        return self._has(self.service, [w for s in strings for w in words_of(s)])

    def sends_message(self, name: str | None, strings: Iterable[str]) -> bool:
        """Whether a call through ``name`` (a wrapper or a model's method: ``sendMsg``, ``Msg.send``; None
        for a direct call) passing ``strings`` sends a message to another user: a chat word in the name or
        the strings, no customer-service word, no HTTP method that only reads (``'GET'``), and — for a name
        that is not the transport's (``request``) — a name that says it writes (``send``, ``create``)."""
        passed = list(strings)
        if any(s.strip().upper() in self.reads for s in passed):
            return False
        named = self._named(name)
        words = self._words(passed) + named
        if named and not self._has(self.writes, named):
            return False  # loadMessages, Message.get: a read, whatever it loads
        return self._has(self.chat, words) and not self._has(self.service, words)

    def says_how(self, text: str) -> bool:
        """Whether a string a call passes is an HTTP method (``'GET'``, ``'post'``): how it sends, not what."""
        return text.strip().upper() in self.methods

    def _words(self, strings: Iterable[str]) -> list[str]:
        """Words of the strings a call passes; an HTTP method (``'POST'``) says how, not what."""
        return [w for s in strings if s.strip().upper() not in self.methods for w in words_of(s)]

    def names_post(self, name: str | None) -> bool:
        """Whether a function's name says it writes a post others read (``dynamicAdd``, ``createPost``,
        ``publishMoment``): a write word and another word that is public — ``likePost`` has only ``post``, which
        is both, and writes no post; a leading HTTP method is how it sends (``postUploadFile``: no post), and a
        transport's name (``httpPost``) says nothing."""
        words = self._named(name)
        first = 1 if words and words[0].upper() in self.methods else 0
        return any(self._has(self.writes, [word]) and
                   self._has(self.public, [w for j, w in enumerate(words) if j != i and j >= first])
                   for i, word in enumerate(words))

    def names_a_post(self, text: str) -> bool:
        """Whether a string a call passes names writing a post others read: an endpoint (``'/feed/reply_comment'``,
        ``'https://a.cn/api/comment/add'``: its path) or a cloud function (``'addComment'``) — a write word and
        another word that is public, the transport's words (``api``) left out; an HTTP method (``'POST'``) names
        none. A name (no path) that opens with an HTTP method before an object says how it sends (``postNewUser``,
        ``postSaveAddress``): that word may be its write word (``postComment``), not its public one — unless the
        name is only that word and a write (``postAdd``, ``post_create``: a post is added). A name (no path) of one
        word, public and a write (``replies``, ``publish``, ``comment``), names the act of posting itself — not where
        that word is an HTTP method beside the transport's words (``PostRequest``, ``httpPost``: how it sends)."""
        path = text.split("://", 1)[1].partition("/")[2] if "://" in text else text
        words = [] if text.strip().upper() in self.methods else [w for w in words_of(path) if w not in self.transport]
        method = len(words) > 2 and words[0].upper() in self.methods and _NAME.fullmatch(text.strip()) is not None
        # one word left once the transport's are dropped (``PostRequest``, ``httpPost``) is the HTTP method it sends by
        sent_by = len(words) < len(words_of(path)) and words[:1] != [] and words[0].upper() in self.methods
        if len(words) == 1 and _NAME.fullmatch(text.strip()) and self._has(self.writes, words) \
                and self._has(self.public, words) and not sent_by:
            return True  # a function named only by a public act that writes: replies(id, data), publish(form)
        return any(self._has(self.writes, [word]) and
                   self._has(self.public, [w for j, w in enumerate(words) if j != i and (j or not method)])
                   for i, word in enumerate(words))

    def names_posted_thing(self, text: str) -> bool:
        """Whether an endpoint or its constant names a thing that is itself a post others read (``comment``,
        ``reply``: a word both public and a write), with no verb (``noteComment``, ``'/api/topic/reply'``): where a
        call sends it by ``POST``, it writes one (the caller, :func:`~mp_precheck.analyzers.comment_boxes.naming`,
        sees the method)."""
        path = text.split("://", 1)[1].partition("/")[2] if "://" in text else text
        words = [] if text.strip().upper() in self.methods else [w for w in words_of(path) if w not in self.transport]
        return any(self._has(self.writes, [w]) and self._has(self.public, [w]) for w in words)

    def names_post_act(self, name: str) -> bool:
        """Whether a function's name (not a string it is passed) is a public act of writing done to one thing: the
        act spelt as it is, first (``commentPhoto(id, text)``, ``replyTopic``, ``publishNote``) — not an HTTP method
        (``postUserInfo``: how it sends), nor an act on a write (``commentAdd``: :meth:`names_a_post`'s)."""
        words = words_of(name) if _NAME.fullmatch(name.strip()) else []
        return len(words) == 2 and words[0].upper() not in self.methods and words[0] in self.writes \
            and words[0] in self.public and not self._has(self.writes, words[1:])

    def names_a_write(self, text: str) -> bool:
        """Whether a string or name a call passes says it writes (a ``writes`` word, the transport's words left
        out: ``'addItem'``, ``createListing``, ``'/goods/add'``) and names no private record (``saveAddress``). An HTTP
        method (``'POST'``, ``httpPost``) says how a call sends, not that it writes."""
        words = [w for w in words_of(text) if w not in self.transport and w.upper() not in self.methods]
        return self._has(self.writes, words) and self.scene("", None, (text,)) != "private"

    def names_board_post(self, text: str, others: Iterable[str]) -> bool:
        """Whether ``text`` (an endpoint or function a call passes: ``'/api/message/send'``, ``addMessage``) writes a
        message (``chat`` words and a write word) onto a board the page lists: one of ``others`` (the strings the
        page's other calls pass) reads the same message word as a list (``'/messageList'``, ``'/message/list'``,
        ``getMessages``) — a 留言板 where everyone's messages show, UGC like a comment. No customer-service or
        operator word (``service``, ``addressed``: a message to the operator is none), and without the list no
        board: a 留言 form for the operator lists nothing."""
        words = [w for w in words_of(text.split("://", 1)[-1]) if w not in self.transport]
        noun = [w for w in words if self._has(self.chat, [w])]
        if not noun or not self._has(self.writes, words) or self.to_operator(words):
            return False
        for other in others:
            said = words_of(other)
            if other != text and any(self._has(self.chat, [w]) and w.rstrip("s") in {n.rstrip("s") for n in noun}
                                     for w in said) and ("list" in said or said[:1] in (["get"], ["load"], ["query"])):
                return True
        return False

    def names_check(self, text: str) -> bool:
        """Whether a name or a string a call passes says the call checks content (``checks``: ``textCheck``,
        ``'msg_sec_check'``, ``'/content/security'``, a word ending in one: ``msgseccheck``), not a check-in or a
        checkout (``checkIn``), nor writes as well (``checkAndSave``: a ``writes`` word that names no public thing)."""
        words = words_of(text)
        if self._has(self.writes - self.public, words):
            return False
        for i, word in enumerate(words):
            if not word.isascii():
                if any(v in word for v in self.checks if not v.isascii()):
                    return True
            elif words[i + 1:i + 2] not in (["in"], ["out"]) and any(
                    word == v or (word.endswith(v) and len(word) >= len(v) + 3) for v in self.checks):
                return True
        return False

    def says_other(self, wrapper: str | None) -> bool:
        """Whether a wrapper's name says it does something other than write (``deleteDraft``); a direct
        call or a wrapper named after its transport says nothing."""
        name = self._named(wrapper)
        return bool(name) and not self._has(self.writes, name)


def words_of(text: str) -> list[str]:
    """Lower-case words of an identifier, path or string: ``pages/expense/addExpense`` → pages, expense,
    add, expense; a run of Chinese characters stays one word."""
    return [w.lower() for w in _WORD.findall(text)]


def check_scenes() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        SceneDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / "ugc_scenes.yml", "ugc_scenes.schema.json", SceneDataError)


@cache
def scenes() -> Scenes:
    """The shipped table, read once."""
    data = validated(data_dir("checks") / "ugc_scenes.yml", "ugc_scenes.schema.json", check=False)
    return Scenes(frozenset(data["public"]), frozenset(data["private"]), frozenset(data["writes"]),
                  frozenset(data["transport"]), frozenset(data["methods"]), frozenset(data["chat"]),
                  frozenset(data["service"]), frozenset(data["reads"]), frozenset(data.get("operator", ())),
                  frozenset(data.get("addressed", ())), tuple(data.get("publish_labels", ())),
                  frozenset(data.get("graded", ())), frozenset(data.get("notes", ())),
                  frozenset(data.get("transaction", ())),
                  tuple(frozenset(kind) for kind in data.get("order_fields", {}).values()),
                  frozenset(data.get("checks", ())))
