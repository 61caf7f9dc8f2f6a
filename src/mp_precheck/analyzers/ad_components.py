"""Third-party ad slots: a page's new use of a project component that is an ad for other Mini Programs.

A cross-promotion (互推) or ad network's SDK ships a component of its own (``<xyz-ad>``, ``components/adBanner``)
that shows banners or floating cards and opens the advertised Mini Program when tapped. It is no 流量主 ad
(``<ad>``, category.ad), so no built-in tag tells it; what review judges is the placement — an ad must not be a
page's main content, float or cover it (常见拒绝情形 3.2.2), and gathering jumps to other Mini Programs is
互推行为 (运营规范 5.10, https://developers.weixin.qq.com/miniprogram/product/). A component is such a slot when:

* its tag or its registered path names an ad by a whole word — ``ad``, ``ads``, ``adv``, ``adver``, ``advert``,
  ``advertisement``… split at ``-``, ``_``, ``/`` and case changes (``xyzAD``, ``adBanner``, ``ad-banner``), or
  广告 — so ``add-btn``, ``address``, ``header``, ``load``, ``road`` or ``upload`` never are; and
* its own template or script opens another Mini Program (``<navigator target="miniProgram">``,
  ``wx.navigateToMiniProgram``): an ad-named component that shows the app's own banners is the app's content.

Each use a changed page or component adds beyond what its base version rendered is reported, at its line (each
placement is judged): medium where the component is new to the change, low where an existing one gains a place.
Components are read as ``analyzers/rendered.py`` reads them (``usingComponents``, Vue imports, easycom).
Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``exists_at_head``,
``facts_at_head``, project · none.
Writes: adds ``category.third_party_ad``.
"""

from __future__ import annotations

import posixpath
from collections import Counter

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.rendered import component_file, component_uses, easycom_uses, registered_components
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import component
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.readers.componentuses import Use, tag_key

_WORDS = lazy(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")  # xyzAD → xyz, AD; adBanner → ad, Banner
AD_WORDS = frozenset({"ad", "ads", "adv", "advs", "adver", "advert", "adverts", "advertise", "advertisement",
                      "advertisements", "advertising"})
# WeChat's own ad components: category.ad reports them.
_BUILT_IN = frozenset({"ad", "ad-custom", "ad-rewarded-video", "ad-interstitial"})
_JUMPS = frozenset({"navigator[target=miniProgram]", "wx.navigateToMiniProgram"})
_OWN_FILES = (".wxml", ".js", ".ts", ".vue")  # a native component's template and script, or a single-file one
_SFC = (".vue", ".nvue", ".mpx", ".wpy")
_SPECS_IN_JSON = lazy(r"\"[^\"]*\"\s*:\s*\"([^\"]+)\"")  # "tag": "path" pairs of a page's JSON
_SPECS_IN_SCRIPT = lazy(r"(?:\bfrom|\brequire\s*\()\s*['\"]([^'\"]+)['\"]")  # import … from 'x', require('x')


def names_ad(name: str) -> bool:
    """Whether a tag or path ``name`` names an ad by a whole word (``xyz-ad``, ``xyzAD``, ``adBanner``,
    ``components/ads/index``, 广告), not by letters inside a word (``address``, ``add-btn``, ``header``)."""
    return "广告" in name or any(w.lower() in AD_WORDS for w in _WORDS.findall(name))


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    registered = registered_components(context)
    app_config = context.project.app_config
    app_wide = _names_ad_path(_SPECS_IN_JSON.findall(context.read_head(app_config) or "") if app_config else [])
    tree = ExistingPaths(context.exists_at_head)
    jumps: dict[str, bool] = {}
    out = list(findings)
    for path in sorted(context.head_facts):
        if not _may_render_ad(context, path, registered, app_wide):
            continue  # no ad-named tag or registration: the file's template is not read again
        uses = [u for u in _uses(context, path, registered) if _ad_named(u)]
        if not uses:
            continue
        old = context.counterpart.get(path)
        old_facts = context.base_facts.get(old) if old else None
        before = Counter(tag_key(f.subject.strip("<>")) for f in (old_facts.facts if old_facts else ())
                         if f.kind == "component")
        added = context.added_lines.get(path, frozenset())
        for tag, places in _by_tag(uses).items():
            target = component_file(context, path, places[0][0], places[0][1], tree)
            if target is None or target == path:
                continue
            if target not in jumps:
                jumps[target] = _opens_mini_programs(context, target)
            rise = len(places) - before[tag]
            if not jumps[target] or rise <= 0:
                continue
            fresh = [p for p in places if p[2] in added][:rise] or places[-rise:]
            out.extend(_finding(context, path, use, target) for use in fresh)
    return out


def _may_render_ad(context: ProjectContext, path: str, registered: dict[str, str], app_wide: bool) -> bool:
    """A cheap first look: ``path`` writes an ad-named tag, or a component it may render is registered under an
    ad-named path (the page's or, ``app_wide``, the app's ``usingComponents``, an import, a global Vue
    registration)."""
    facts = context.head_facts[path]
    if any(f.kind == "component" and f.subject.strip("<>") not in _BUILT_IN and names_ad(f.subject.strip("<>"))
           for f in facts.facts):
        return True
    if path.endswith(".wxml"):
        config = context.read_head(posixpath.splitext(path)[0] + ".json") or ""
        return app_wide or _names_ad_path(_SPECS_IN_JSON.findall(config))
    if not path.endswith(_SFC):
        return False
    return _names_ad_path([*_SPECS_IN_SCRIPT.findall(context.read_head(path) or ""), *registered.values()])


def _names_ad_path(specs: list[str]) -> bool:
    return any(names_ad(part) for spec in specs for part in spec.split("/"))


def _uses(context: ProjectContext, path: str, registered: dict[str, str]) -> list[Use]:
    found = component_uses(context.read_head, path, registered, context.head_facts.get(path))
    return easycom_uses(context, context.read_head, path, found)


def _ad_named(use: Use) -> bool:
    spec, tag, _line = use
    return tag not in _BUILT_IN and (names_ad(tag) or _names_ad_path([spec]))


def _by_tag(uses: list[Use]) -> dict[str, list[Use]]:
    out: dict[str, list[Use]] = {}
    for use in uses:
        out.setdefault(tag_key(use[1]), []).append(use)
    return out


def _opens_mini_programs(context: ProjectContext, target: str) -> bool:
    """Whether the component at ``target`` (its script, or a single-file component) opens another Mini Program
    in its own template or script."""
    stem = posixpath.splitext(target)[0]
    for path in dict.fromkeys([target, *(stem + suffix for suffix in _OWN_FILES)]):
        facts = context.facts_at_head(path) if context.exists_at_head(path) else None
        if facts is not None and any(f.subject in _JUMPS for f in facts.facts):
            return True
    return False


def _finding(context: ProjectContext, path: str, use: Use, target: str) -> Finding:
    spec, tag, line = use
    stem = posixpath.splitext(target)[0]
    new = any(context.counterpart.get(stem + suffix, "") is None and stem + suffix in context.head_facts
              for suffix in _OWN_FILES)
    found = context.finding("category.third_party_ad", component(tag), path, line, scope="app" if new else "file",
                            value=spec)
    return found if new else replace(found, severity="low")
