"""Whose component a JSX tag names: a capitalised tag is the binding its import names, so ``<Camera>`` is
WeChat's ``<camera>`` only when the binding comes from a package that renders the built-in components.

In Taro and Remax a page writes WeChat's components as imports (``import { Camera, Map } from
'@tarojs/components'``; https://docs.taro.zone/docs/components-desc, https://developers.weixin.qq.com/miniprogram/dev/component/camera.html).
The same name imported from another npm package (an icon set's ``Camera``, a chart library's ``Map``) is that
package's component: the page shows an icon, it opens no camera. A tag bound to no import (a project relying on
globals), to a project module (a wrapper the project writes around the built-in) or to a package
``checks/ui_kits.yml`` lists (``builtin_sources``: Taro's and Remax's components, Taro UI kits such as Taroify,
whose ``<Textarea>`` renders WeChat's; a kit's media components) is read as before.

In: the nodes of one script (imports and ``require`` declarators among them). Out: the local names that an
import binds from another package. Never raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from tree_sitter import Node

from mp_precheck.core.thirdparty import third_party
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.specifiers import is_project_spec


def foreign_tags(nodes: Iterable[Node]) -> frozenset[str]:
    """The local names among ``nodes``' imports (default, namespace, named, ``require``) bound to a package that
    renders no WeChat built-in component: not a project module (relative, ``@/``, ``~/``), not a package of
    ``checks/ui_kits.yml`` (Taro's or Remax's components, a Taro UI kit). A JSX tag spelling one of them names
    no built-in."""
    modules, names = import_bindings(nodes)
    bound = dict(modules) | {alias: spec for alias, (spec, _name) in names.items()}
    return frozenset(alias for alias, spec in bound.items() if not _renders_builtins(spec))


@lru_cache(maxsize=1024)  # a project imports the same few packages in every page
def _renders_builtins(spec: str) -> bool:
    """Whether a component imported from ``spec`` may be, or wrap, a WeChat built-in component."""
    return is_project_spec(spec) or third_party().renders_builtins(spec)
