"""Service categories (服务类目): features that need a category, compared with ``categories`` in config.

* A category-bound feature (live streaming, ads, lotteries…) when the configured categories include
  one that fits drops to **info**; otherwise it stays as the catalog says ("check 服务类目").
* Precise-location APIs are open only to listed categories (T, each API's comment): when the config
  lists categories and none is one of them, ``category.precise_location`` (medium) at the call.
Without ``categories`` in the config nothing is compared (the findings ask the author to check).

Reads: ``config.categories``; category-family findings (``category.ugc`` from ``ugc`` included) and precise-
location calls.
Writes: rewrites a category finding whose category is configured to info; adds ``category.precise_location``.
"""

from __future__ import annotations

from dataclasses import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

# Categories that may use getLocation / onLocationChange / startLocationUpdate*.
LOCATION_CATEGORIES = ("电商平台", "商家自营", "医疗服务", "交通服务", "生活服务", "物流服务", "餐饮服务", "工具",
                       "金融", "旅游", "汽车服务", "IT科技", "房地产服务", "政务民生", "政府主体帐号", "政府主体账号")
PRECISE_APIS = ("wx.getLocation", "wx.onLocationChange", "wx.startLocationUpdate", "wx.startLocationUpdateBackground")
# Which configured category makes a category rule expected (first-level or "first > second" names).
FITTING = {
    "category.live": ("社交", "直播", "教育", "医疗", "金融", "汽车", "政务", "工具", "IT科技"),
    "category.voip": ("社交", "教育", "医疗", "工具", "IT科技"),
    "category.lottery": (),
    "category.fortune": (),
    "category.ad": (),
    "category.ugc": ("社交",),
}


def _fits(categories: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    flat = " ".join(c.replace(" ", "") for c in categories)
    return any(w.replace(" ", "") in flat for w in wanted)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    categories = context.config.categories
    if not categories:
        return findings
    out = []
    for f in findings:
        if f.family == "category" and _fits(categories, FITTING.get(f.rule, ())):
            f = replace(f, severity="info")
        out.append(f)
    if not _fits(categories, LOCATION_CATEGORIES):
        for f in findings:
            if f.subject in PRECISE_APIS and f.scope == "app":
                out.append(context.finding("category.precise_location", f.subject, f.path, f.line,
                                           value=" / ".join(categories)))
    return out
