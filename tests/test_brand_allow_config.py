"""``branding.allow`` in ``.mp-precheck.yml`` (read from the base through the real config loader) drops a
``branding.brand_text`` finding whose wording the team declared, a claim included when the declared phrase holds
it whole; a phrase that holds only part of the claim (腾讯 of 腾讯官方) leaves it told (analyzers/branding.py)."""

from __future__ import annotations

import pytest

from helpers import run

RULE = "branding.brand_text"
PAGE = "pages/index/index.wxml"


def _brand(repo, allowed: str | None) -> set[tuple[str, int]]:
    if allowed is not None:
        repo.write(".mp-precheck.yml", f"branding:\n  allow: [{allowed}]\n")
    base = repo.commit("config")
    repo.write(PAGE, "<view>\n  <text>腾讯官方合作伙伴</text>\n</view>\n")
    repo.commit("a partner badge")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == RULE}


@pytest.mark.parametrize("allowed", ["腾讯官方合作伙伴", "'腾讯官方合作伙伴', 微信"])
def test_a_declared_phrase_holding_the_claim_drops_it(app_repo, allowed):
    assert _brand(app_repo, allowed) == set()


@pytest.mark.parametrize("allowed", [None, "腾讯", "官方合作"])
def test_a_phrase_holding_part_of_the_claim_leaves_it_told(app_repo, allowed):
    assert _brand(app_repo, allowed) == {(PAGE, 2)}
