"""Whether a configured service category (``categories`` in ``.mp-precheck.yml``) fits a category rule.

A rule names the categories under which its feature is expected (``fitting_categories`` in ``checks/category.yml``:
社交 for user posts, 游戏 for games); a configured category fits when it holds one of them, spaces ignored
(``社交 > 社区`` holds 社交). The categories an account may pick and what each allows:
https://developers.weixin.qq.com/miniprogram/product/material/.

In: the configured categories, the catalog, a rule id. Out: whether one fits. Never raises (an unknown rule has no
fitting categories).
"""

from __future__ import annotations

from mp_precheck.core.catalog import Catalog


def fitting(catalog: Catalog, rule_id: str) -> tuple[str, ...]:
    """The ``fitting_categories`` of rule ``rule_id`` (none for a rule the catalog does not hold)."""
    try:
        return catalog.rule(rule_id).fitting_categories
    except KeyError:
        return ()


def fits(categories: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Whether one of the configured ``categories`` holds one of ``wanted``, spaces ignored."""
    flat = " ".join(c.replace(" ", "") for c in categories)
    return any(w.replace(" ", "") in flat for w in wanted)


def fits_rule(categories: tuple[str, ...] | None, catalog: Catalog, rule_id: str) -> bool:
    """Whether the configured ``categories`` (None or empty: none configured) hold one that fits rule ``rule_id``."""
    return bool(categories) and fits(categories or (), fitting(catalog, rule_id))
