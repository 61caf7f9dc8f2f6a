"""Location configuration in app.json (sources CI, T).

* A location API the change calls but ``requiredPrivateInfos`` does not list fails at run time
  (``privacy.required_private_infos_missing``, high, at the call).
* A ``requiredPrivateInfos`` entry the change adds that nothing in the app calls (info).
* ``getFuzzyLocation`` declared with a precise-location API: the compiler refuses it (high).
* ``permission.scope.userLocation`` added without ``desc`` (medium).
The configuration is read per framework (app.json, Taro app.config, uni-app manifest.json mp-weixin…).

Reads: ``project.app_config``, ``read_head``, ``present_at_head``; findings on ``wx.<location API>``,
``app.json:requiredPrivateInfos:*`` and ``app.json:permission:scope.*``.
Writes: adds ``privacy.required_private_infos_missing``, ``privacy.required_private_infos_unused``,
``privacy.fuzzy_location_conflict``, ``privacy.permission_desc_missing``.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.appdata import read_app_data

LOCATION_APIS = ("getLocation", "getFuzzyLocation", "onLocationChange", "startLocationUpdate",
                 "startLocationUpdateBackground", "chooseLocation", "choosePoi", "chooseAddress")
PRECISE = ("getLocation", "onLocationChange", "startLocationUpdate", "startLocationUpdateBackground")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    app_config = context.project.app_config
    text = context.read_head(app_config) if app_config else None
    config = read_app_data(app_config, text) if app_config and text else None
    if config is None:
        return findings  # no readable app configuration (a malformed app.json is reported elsewhere)
    declared = {v for v in config.get("requiredPrivateInfos") or [] if isinstance(v, str)}
    out = list(findings)
    for f in findings:
        name = f.subject.removeprefix("wx.")
        if f.subject.startswith("wx.") and name in LOCATION_APIS and name not in declared:
            out.append(context.finding("privacy.required_private_infos_missing", f"requiredPrivateInfos:{name}",
                                       f.path, f.line, value=name))
    new_entries = [f for f in findings if f.subject.startswith("app.json:requiredPrivateInfos:")]
    if new_entries:
        entries = {f.subject.rsplit(":", 1)[1] for f in new_entries}
        used = context.present_at_head({f"wx.{e}" for e in entries})
        for f in new_entries:
            entry = f.subject.rsplit(":", 1)[1]
            if f"wx.{entry}" not in used:
                out.append(context.finding("privacy.required_private_infos_unused", f.subject, f.path, f.line,
                                           value=entry))
        if "getFuzzyLocation" in declared and declared & set(PRECISE):
            conflict = ", ".join(sorted(declared & set(PRECISE)))
            first = new_entries[0]
            out.append(context.finding("privacy.fuzzy_location_conflict", "requiredPrivateInfos:getFuzzyLocation",
                                       first.path, first.line, value=f"getFuzzyLocation + {conflict}"))
    for f in findings:
        if f.subject.startswith("app.json:permission:scope.") and not f.value:
            out.append(context.finding("privacy.permission_desc_missing", f.subject, f.path, f.line))
    return out
