"""Instant-messaging SDKs, read from ``checks/im_sdks.yml`` (data, validated against ``checks/im_sdks.schema.json``
by the test suite through :func:`mp_precheck.core.thirdparty.check_tables`).

An IM SDK (Tencent Cloud Chat, LeanCloud, NetEase Yunxin, Easemob, GoEasy, JMessage, RongCloud) carries what a user
writes to another user: a message sent through one is user-generated content, as a private message sent through
the app's own server is (the submission's UGC declaration, ``ugc_declare``:
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
The table says how each SDK is loaded (``modules``, ``packages``), how a message is built (``builders``, ``classes``)
and sent (``sends``, ``direct``); each entry cites the vendor's page on sending a message.
"""

from __future__ import annotations

from functools import cache

from msgspec import Struct

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.core.sdkmodules import loads_module


class ImSdk(Struct, frozen=True):
    """One IM SDK: how a specifier or a file names it (``modules``: the start of its last segment; ``packages``),
    the calls that build a message (``builders``, a dotted path matching the callee's end: ``message.create``), the
    classes built with ``new`` as messages, the methods that send a built message (``sends``) and those that send
    their own arguments (``direct``), the service hosts its vendor documents, and the vendor's doc."""

    sdk: str
    modules: tuple[str, ...]
    packages: tuple[str, ...]
    builders: tuple[str, ...]
    classes: tuple[str, ...]
    sends: tuple[str, ...]
    direct: tuple[str, ...]
    doc: str
    hosts: tuple[str, ...] = ()

    def loaded_by(self, spec: str) -> bool:
        """Whether an import specifier or a file path loads this SDK: its last segment starts with one of the
        ``modules`` (``./libs/realtime.weapp.min.js``), or its npm package is one of the ``packages``."""
        return loads_module(spec, self.modules, self.packages)

    def builds(self, callee: str, constructed: bool) -> bool:
        """Whether a call of ``callee`` (``tim.createTextMessage``; with ``constructed``, ``new RongIMLib.TextMessage``
        or a class imported by name, ``new TextMessage``) builds one of the SDK's messages. A builder is a method of
        the SDK's instance: a function called by its bare name (``createTextMessage(text)``) is the script's own."""
        if constructed:
            return any(callee == n or callee.endswith("." + n) for n in self.classes)
        return any(callee.endswith("." + n) for n in self.builders)

    @property
    def needles(self) -> tuple[str, ...]:
        """Fixed strings a file of a project that uses the SDK holds (an import, package.json's dependency)."""
        return (*self.modules, *self.packages)

    @property
    def words(self) -> tuple[str, ...]:
        """Fixed strings a script that builds or sends the SDK's messages holds (``git grep`` prefilter)."""
        return (*(b.rsplit(".", 1)[-1] for b in self.builders), *self.classes, *self.direct)


def documented_hosts(path: str) -> frozenset[str]:
    """The service hosts the vendors document for the IM SDKs whose own file ``path`` is (a vendored
    ``libs/realtime.weapp.min.js``, a built ``miniprogram_npm/leancloud-realtime/…``): empty for any other file."""
    folders = set(path.split("/")[:-1])
    return frozenset(h for sdk in im_sdks() if sdk.hosts and (sdk.loaded_by(path) or folders & set(sdk.packages))
                     for h in sdk.hosts)


@cache
def im_sdks() -> tuple[ImSdk, ...]:
    """The shipped table (read once; ``thirdparty.check_tables`` checks it against its schema)."""
    data = validated(data_dir("checks") / "im_sdks.yml", "im_sdks.schema.json", check=False)
    return tuple(ImSdk(s["sdk"], tuple(s["modules"]), tuple(s["packages"]), tuple(s["builders"]),
                       tuple(s.get("classes", ())), tuple(s["sends"]), tuple(s["direct"]), s["doc"],
                       tuple(s.get("hosts", ()))) for s in data["sdks"])
