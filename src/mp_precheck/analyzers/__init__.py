"""Analyzers: rules that need more than "this fact is new". Each module has one job and
the registry below is the whole set, in the order they run; each takes the project context and the
findings so far and returns the findings after its job."""

from __future__ import annotations

from mp_precheck.analyzers import (
    brand_image,
    branding,
    categories,
    consent_flow,
    content_security,
    domains,
    induced_sharing,
    location_config,
    privacy_declaration,
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
)

__all__ = ["REGISTRY", "Analyzer", "ProjectContext"]
