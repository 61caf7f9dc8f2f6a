"""Service categories (服务类目): features that need a category, compared with ``categories`` in config.

* A category-bound feature (live streaming, ads, lotteries…) when the configured categories include
  one that fits (the rule's ``fitting_categories`` in ``checks/category.yml``) drops to **info**;
  otherwise it stays as the catalog says ("check 服务类目").
* Precise-location APIs are open only to listed categories (T, each API's comment): when the config
  lists categories and none is one of them (that rule's ``fitting_categories``),
  ``category.precise_location`` (medium) at the call.
Without ``categories`` in the config nothing is compared (the findings ask the author to check).

Reads: ``config.categories``; category-family findings (``category.ugc`` from ``ugc`` included) and precise-
location calls.
Writes: rewrites a category finding whose category is configured to info; adds ``category.precise_location``.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.categoryfit import fits, fitting
from mp_precheck.core.report import Finding

PRECISE_APIS = ("wx.getLocation", "wx.onLocationChange", "wx.startLocationUpdate", "wx.startLocationUpdateBackground")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    categories = context.config.categories
    if not categories:
        return findings
    out = []
    for f in findings:
        # Which configured category makes a category rule expected: its ``fitting_categories`` in checks/.
        if f.family == "category" and fits(categories, fitting(context.catalog, f.rule)):
            f = replace(f, severity="info")
        out.append(f)
    if not fits(categories, fitting(context.catalog, "category.precise_location")):
        for f in findings:
            if f.subject in PRECISE_APIS and f.scope == "app":
                out.append(context.finding("category.precise_location", f.subject, f.path, f.line,
                                           value=" / ".join(categories)))
    return out
