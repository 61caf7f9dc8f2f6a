"""URL literals no Mini Program code requests, so they name no 服务器域名.

Only a call's ``url`` needs a server domain (``wx.request``, ``wx.uploadFile``, ``wx.downloadFile``, sockets:
https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A URL literal is none when it is
text (a JSON object's, a query string's, a sentence's: readers/urls.py), a value compared with
(readers/callcontext.py), a function's local variable nothing reads (readers/imagebases.py), handed only to a browser
(readers/browsersinks.py), only printed by a debugging line (``console.log('url:', 'https://…?' + query)``:
:func:`printed`), handed to another Mini Program in a jump's ``path`` or ``extraData`` (readers/otherapps.py), or data
a request carries to the server: inside a request's ``data`` (readers/imagebases.py), or inside an object handed
to a request helper after its address — ``post(url, { homepage: 'https://…' })``, or ``const params = {…}`` every
use of which is such an argument (:func:`handed_as_data`): a commenter's homepage, a notify address the server
keeps; or an address another service calls back or sends the browser to, held under its parameter's name in an
object that is no page data (``login({ redirectURI: 'https://…' })``, ``{ notify_url: 'http://…' }``:
:func:`handed_as_callback`). An object handed first (the options of ``request({ url })``) or under an address key
(``{ baseURL }``, an HTTP client's config) still names the server it is sent to.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.browsersinks import browser_only, local_scope
from mp_precheck.readers.callcontext import is_compared
from mp_precheck.readers.imagebases import built_value, held_constant, sent_as_request_data, unread_local
from mp_precheck.readers.otherapps import handed_to_mini_program
from mp_precheck.readers.syntax import node_text, walk
from mp_precheck.readers.urls import is_json_text, is_prose_mention, is_query_text, names_callback
from mp_precheck.readers.webviewdata import held_by

# Words of a call's name that say it sends to a server: postApi, http.post, api.get, ajax, submitForm.
_SENDING_WORDS = frozenset({"request", "post", "get", "put", "patch", "delete", "fetch", "ajax", "http", "api",
                            "send", "submit", "upload"})
# Keys under which an HTTP client's options hold the server itself (axios' baseURL, a helper's url).
_ADDRESS_KEYS = frozenset({"url", "baseurl", "uri", "host", "server", "endpoint", "domain", "origin"})
# Keys of a request's options whose value is what it sends (wx.request's data, uni.uploadFile's formData).
_DATA_KEYS = frozenset({"data", "formData", "params", "body"})
_ENCODERS = frozenset({"encodeURIComponent", "encodeURI"})  # what a URL passes through to become a parameter's value
_WORD = compiled(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def unrequested(literal: Node, value: str) -> bool:
    """Whether the URL string ``literal`` (whose text, or the URL built from it, is ``value``) is no address the
    Mini Program requests (see the module's list). Never raises."""
    return is_json_text(value) or is_query_text(value) or is_prose_mention(value) or is_compared(literal) \
        or sent_as_request_data(literal) or unread_local(held_constant(literal)) or browser_only(literal) \
        or printed(literal) or handed_as_data(literal) or handed_to_mini_program(literal) \
        or handed_as_callback(literal)


def printed(literal: Node) -> bool:
    """Whether the URL ``literal`` (or the value built from it) is an argument of ``console.*``: the line prints
    it and requests nothing."""
    value = built_value(literal)
    arguments = value.parent
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None else None
    return callee is not None and callee.type == "member_expression" \
        and node_text(callee.child_by_field_name("object")) == "console"


def handed_as_data(literal: Node) -> bool:
    """Whether the URL ``literal`` (or the value built from it) is a value inside an object literal a request
    helper is handed after its address (``http.post(url, { homepage: … })``), directly or through a variable
    every read of which is such an argument or a request's ``data`` (``const params = {…}; api.post(url, params)``;
    ``params.sign = …`` writes to it). A key on the way that names an address (``baseURL``) keeps the host."""
    outer = _outer_object(built_value(literal))
    if outer is None:
        return False
    if _handed_after_address(outer):
        return True
    declarator = outer.parent
    name = declarator.child_by_field_name("name") if declarator is not None and \
        declarator.type == "variable_declarator" and declarator.child_by_field_name("value") == outer else None
    scope = local_scope(declarator) if declarator is not None and name is not None and \
        name.type == "identifier" else None
    if name is None or scope is None:
        return False
    reads = [n for n in walk(scope) if n.type in ("identifier", "shorthand_property_identifier")
             and n.text == name.text and n.start_byte != name.start_byte]
    sent = [read for read in reads if not _written_into(read)]
    return bool(sent) and all(_handed_after_address(read) or sent_as_request_data(read) or _shorthand_data(read)
                              for read in sent)


def handed_as_callback(literal: Node) -> bool:
    """Whether the URL ``literal`` (or the value built from it, maybe through ``encodeURIComponent``) is the value of
    a key naming an address another service calls back or redirects to (``redirectURI``, ``notify_url``,
    ``callbackUrl``: :func:`~mp_precheck.readers.urls.names_callback`) in an object that is no page data: handed to
    an OAuth or payment service, which opens or requests it, never the Mini Program. A page's ``data`` keeps the
    host (a ``<web-view>`` may open it: readers/webviewdata.py)."""
    value = built_value(literal)
    call = value.parent.parent if value.parent is not None and value.parent.type == "arguments" else None
    if call is not None and node_text(call.child_by_field_name("function")) in _ENCODERS:
        value = built_value(call)  # redirect_uri: encodeURIComponent('https://…/callback')
    pair = value.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != value:
        return False
    key = node_text(pair.child_by_field_name("key")).strip("'\"")
    return names_callback(key) and not held_by(value)


def _outer_object(value: Node) -> Node | None:
    """The outermost object literal ``value`` is a property value of (through nested objects and arrays), or None
    when it is none's or a key on the way names an address."""
    outer, current = None, value
    while current.parent is not None:
        parent = current.parent
        if parent.type == "pair" and parent.child_by_field_name("value") == current:
            if node_text(parent.child_by_field_name("key")).strip("'\"").lower() in _ADDRESS_KEYS:
                return None
            holder = parent.parent  # the object
            if holder is None or holder.type != "object":
                return outer
            outer = current = holder
        elif parent.type == "array":
            current = parent
        else:
            break
    return outer


def _handed_after_address(value: Node) -> bool:
    """Whether ``value`` is an argument after the first of a call whose name says it sends (``sendPostApi``,
    ``http.post``), the first being no options object (its address)."""
    arguments = value.parent
    if arguments is None or arguments.type != "arguments" or arguments.named_child_count < 2 or \
            arguments.named_children[0] == value or arguments.named_children[0].type == "object":
        return False
    call = arguments.parent
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    name = node_text(callee).rsplit(".", 1)[-1] if callee is not None else ""
    return any(word.lower() in _SENDING_WORDS for word in _WORD.findall(name))


def _shorthand_data(read: Node) -> bool:
    """Whether ``read`` is the shorthand data key of a sender's options (``wx.request({ url, data })``)."""
    if read.type != "shorthand_property_identifier" or node_text(read) not in _DATA_KEYS:
        return False
    options = read.parent
    arguments = options.parent if options is not None else None
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None else None
    name = node_text(callee).rsplit(".", 1)[-1] if callee is not None else ""
    return name in ("request", "uploadFile")


def _written_into(read: Node) -> bool:
    """Whether ``read`` is the object a property assignment writes into (``params.sign = md5(…)``)."""
    member = read.parent
    assignment = member.parent if member is not None and member.type in ("member_expression",
                                                                          "subscript_expression") else None
    return member is not None and member.child_by_field_name("object") == read and assignment is not None and \
        assignment.type in ("assignment_expression", "augmented_assignment_expression") and \
        assignment.child_by_field_name("left") == member

