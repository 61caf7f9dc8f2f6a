"""Analyzers: rules that need more than "this fact is new". Each module has one job and
the registry below is the whole set, in the order they run; each takes the project context and the
findings so far and returns the findings after its job."""

from __future__ import annotations

from mp_precheck.analyzers import (
    accounts,
    brand_image,
    branding,
    categories,
    consent_flow,
    content_security,
    dead_ui,
    domains,
    induced_sharing,
    location_config,
    missing_pages,
    privacy_declaration,
    script_checks,
    ugc,
    ui_kits,
)
from mp_precheck.analyzers.context import Analyzer, ProjectContext

REGISTRY: tuple[tuple[str, Analyzer], ...] = (
    ("ui_kits", ui_kits.analyze),
    ("location_config", location_config.analyze),
    ("consent_flow", consent_flow.analyze),
    ("privacy_declaration", privacy_declaration.analyze),
    ("ugc", ugc.analyze),
    ("content_security", content_security.analyze),
    ("domains", domains.analyze),
    ("categories", categories.analyze),
    ("branding", branding.analyze),
    ("brand_image", brand_image.analyze),
    ("induced_sharing", induced_sharing.analyze),
    ("dead_ui", dead_ui.analyze),
    ("missing_pages", missing_pages.analyze),
    ("script_checks", script_checks.analyze),
    ("accounts", accounts.analyze),
)

__all__ = ["REGISTRY", "Analyzer", "ProjectContext"]
