"""Backend-as-a-service SDKs, read from ``checks/baas_sdks.yml`` (data, validated against
``checks/baas_sdks.schema.json`` by the test suite through :func:`mp_precheck.core.thirdparty.check_tables`).

Many small Mini Programs keep their data in a BaaS rather than on a server of their own: LeanCloud
(``new Comment().save({ text })``, https://leancloud.cn/docs/leanstorage_guide-js.html), Bmob
(``Bmob.Query('post').set('text', t).save()``, https://doc.bmob.cn/data/wechat_app_new/index.html), 知晓云 MinCloud
(``new wx.BaaS.TableObject(id).create().set(data).save()``, https://doc.minapp.com/js-sdk/schema/create-record.html).
A save of a record carrying what a user typed sends user content as a ``wx.request`` carrying it does. The table
says how each SDK is reached (``modules``, ``packages``, ``globals``), what makes a table or record handle
(``makers``) and what writes one (``saves``, ``direct``); each entry cites the vendor's page.
"""

from __future__ import annotations

from functools import cache

from msgspec import Struct

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.core.sdkmodules import loads_module


class BaasSdk(Struct, frozen=True):
    """One BaaS SDK: how a specifier names it (``modules``: the start of its last segment; ``packages``), the
    dotted ``globals`` it is reached by without an import, the paths after its name that make a handle
    (``makers``), the methods of a handle that write it (``saves``), the paths that write their arguments
    (``direct``), and the vendor's doc."""

    sdk: str
    modules: tuple[str, ...]
    packages: tuple[str, ...]
    globals: tuple[str, ...]
    makers: tuple[str, ...]
    saves: tuple[str, ...]
    direct: tuple[str, ...]
    doc: str

    def loaded_by(self, spec: str) -> bool:
        """Whether an import or require specifier loads this SDK: its last segment starts with one of the
        ``modules`` (``../../libs/av-weapp-min.js``), or its npm package is one of the ``packages``."""
        return loads_module(spec, self.modules, self.packages)

    @property
    def needles(self) -> tuple[str, ...]:
        """Fixed strings a script that reaches the SDK holds (a specifier's start, a global's last name)."""
        return (*self.modules, *self.packages, *(g.rsplit(".", 1)[-1] for g in self.globals))


@cache
def baas_sdks() -> tuple[BaasSdk, ...]:
    """The shipped table (read once; ``thirdparty.check_tables`` checks it against its schema)."""
    data = validated(data_dir("checks") / "baas_sdks.yml", "baas_sdks.schema.json", check=False)
    return tuple(BaasSdk(s["sdk"], tuple(s["modules"]), tuple(s["packages"]), tuple(s["globals"]),
                         tuple(s["makers"]), tuple(s["saves"]), tuple(s["direct"]), s["doc"]) for s in data["sdks"])
