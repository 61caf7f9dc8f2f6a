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
from mp_precheck.core.subject import api, prefixed, try_parse
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
    listed = config.get("requiredPrivateInfos")
    declared = {v for v in listed if isinstance(v, str)} if isinstance(listed, list) else set()
    out = list(findings)
    for f in findings:
        name = _location_api(f.subject)
        if name and name not in declared:
            out.append(context.finding("privacy.required_private_infos_missing", prefixed("private-info", name),
                                       f.path, f.line, value=name))
    new_entries = [(f, entry) for f in findings if (entry := _config_entry(f.subject, "requiredPrivateInfos"))]
    if new_entries:
        used = context.present_at_head({api(entry) for _, entry in new_entries})
        for f, entry in new_entries:
            if api(entry) not in used:
                out.append(context.finding("privacy.required_private_infos_unused", f.subject, f.path, f.line,
                                           value=entry))
        if "getFuzzyLocation" in declared and declared & set(PRECISE):
            conflict = ", ".join(sorted(declared & set(PRECISE)))
            first = new_entries[0][0]
            out.append(context.finding("privacy.fuzzy_location_conflict", prefixed("private-info", "getFuzzyLocation"),
                                       first.path, first.line, value=f"getFuzzyLocation + {conflict}"))
    for f in findings:
        if (_config_entry(f.subject, "permission") or "").startswith("scope.") and not f.value:
            out.append(context.finding("privacy.permission_desc_missing", f.subject, f.path, f.line))
    return out


def _location_api(subject: str) -> str | None:
    """The name of the location API (``getLocation``) ``subject`` calls, else None."""
    parsed = try_parse(subject)
    if not parsed or parsed.form != "api" or parsed.owner != "wx" or parsed.value is not None:
        return None
    return parsed.member if parsed.member in LOCATION_APIS else None


def _config_entry(subject: str, key: str) -> str | None:
    """The value of an ``app.json:<key>:<value>`` subject (``getLocation``), else None."""
    parsed = try_parse(subject)
    return parsed.value if parsed and parsed.form == "app-config" and parsed.key == key else None
