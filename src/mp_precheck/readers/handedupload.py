"""The platform's upload handed to a function as a parameter and called there.

A UI kit that uploads by itself may leave the request to the page: it calls a hook of the page with the
framework's own upload function as an argument (NutUI's ``before-xhr-upload`` is given ``Taro.uploadFile``:
``beforeXhrUpload(uploadFile, options) { uploadFile({ url, filePath, name, … }) }``). No ``wx`` / ``Taro`` name is
written at the call, yet it sends the user's file to the server the page names, as ``wx.uploadFile`` does
(https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html; content security of
uploads: https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).

The call is known by what it is given: an options object with ``url``, ``filePath`` and ``name``, the three
options ``wx.uploadFile`` requires and no other API takes together, passed to a bare parameter of a function
around the call. A function the file defines or imports is not such a call: its own upload is read where it is
written.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import first_argument, node_text, object_property

UPLOAD_SUBJECT = "wx.uploadFile"
# The options wx.uploadFile requires (its doc's 必填 column); {filePath} alone is also a file-system call.
_REQUIRED = ("url", "filePath", "name")
_FUNCTIONS = ("arrow_function", "function_expression", "function_declaration", "function", "method_definition",
              "generator_function", "generator_function_declaration")
# A parameter as the grammars write it: bare, with a default (``f = x``), or typed in TypeScript.
_PARAMETER_WRAPPERS = ("assignment_pattern", "required_parameter", "optional_parameter")


def calls_handed_upload(call: Node) -> bool:
    """Whether ``call`` (a ``call_expression``) calls a parameter of a function around it with
    ``wx.uploadFile``'s required options (module docstring). Never raises."""
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "identifier":
        return False
    options = first_argument(call)
    if options is None or options.type != "object":
        return False
    if any(object_property(options, key, shorthand=True) is None for key in _REQUIRED):
        return False
    return _is_parameter(call, node_text(callee))


def _is_parameter(node: Node, name: str) -> bool:
    """Whether ``name`` is a parameter of a function around ``node``."""
    current = node.parent
    while current is not None:
        if current.type in _FUNCTIONS and name in _parameters(current):
            return True
        current = current.parent
    return False


def _parameters(function: Node) -> set[str]:
    """The plain names a function takes (``(a, b = 1, c: T)``, an arrow's lone ``a => …``)."""
    single = function.child_by_field_name("parameter")
    if single is not None:
        return {node_text(single)} if single.type == "identifier" else set()
    params = function.child_by_field_name("parameters")
    names = set()
    for param in params.named_children if params is not None else ():
        if param.type in _PARAMETER_WRAPPERS:
            param = param.child_by_field_name("pattern") or param.child_by_field_name("left") or param
        if param.type == "identifier":
            names.add(node_text(param))
    return names
