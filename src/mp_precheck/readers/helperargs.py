"""A same-file helper's parameters bound to what its caller passes, for the forced-login scan of hooks.

A page's ``created()`` calling ``this.open('/pages/login/login')`` where ``open(url) { wx.navigateTo({ url }) }``
opens the login page as the hook runs, though the navigation itself names no page (LOGIN, OPS2018 15.1.3).

In: tree-sitter nodes of a parsed script. Out: a parameter → argument map, and a navigation's target node.
Never raises on malformed code.
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, object_property


def arguments(function_body: Node, call: Node, outer: dict[str, Node]) -> dict[str, Node]:
    """The parameters of the function whose body is ``function_body`` bound to the arguments ``call`` passes
    (an argument that is itself a parameter of the caller read through ``outer``); only plain names."""
    function = function_body.parent
    params = function.child_by_field_name("parameters") if function is not None else None
    single = function.child_by_field_name("parameter") if function is not None else None
    names = [single] if single is not None else list(params.named_children) if params is not None else []
    args = call.child_by_field_name("arguments")
    values = list(args.named_children) if args is not None else []
    return {node_text(name): outer.get(node_text(value), value) for name, value in zip(names, values, strict=False)
            if name.type == "identifier"}


def passed(options: Node, bound: dict[str, Node]) -> Node:
    """The navigation target of ``wx.navigateTo(url)`` / ``wx.navigateTo({ url })`` / ``{ url: path }`` with a
    parameter replaced by the argument its caller passed (``bound``); ``options`` itself otherwise."""
    if options.type == "identifier":
        return bound.get(node_text(options), options)
    value = object_property(options, "url", shorthand=True)
    return bound.get(node_text(value), options) if value is not None and value.type in (
        "identifier", "shorthand_property_identifier") else options
