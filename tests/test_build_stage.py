"""Which build reads a file (release, any, development) and the place of a new host it decides."""

from __future__ import annotations

import pytest

from mp_precheck.core.placing import host_place
from mp_precheck.facts.model import Fact
from mp_precheck.readers.envfiles import ANY_STAGE, DEVELOPMENT_STAGE, RELEASE_STAGE, build_stage


@pytest.mark.parametrize(("path", "stage"), [
    ("configs/prod.env.js", RELEASE_STAGE), ("config/prod.js", RELEASE_STAGE), ("src/config.release.ts", RELEASE_STAGE),
    (".env.production", RELEASE_STAGE), ("src/environments/environment.prod.ts", RELEASE_STAGE),
    ("configs/dev.env.js", DEVELOPMENT_STAGE), ("configs/test.env.js", DEVELOPMENT_STAGE),
    ("config/dev.js", DEVELOPMENT_STAGE), (".env.development", DEVELOPMENT_STAGE), ("env.test.js", DEVELOPMENT_STAGE),
    ("config/staging.js", DEVELOPMENT_STAGE),
    # shared configs and files that are no configuration
    (".env", ANY_STAGE), ("config/index.js", ANY_STAGE), ("utils/config.js", ANY_STAGE), ("api/api.js", ANY_STAGE),
    ("pages/test/test.js", ANY_STAGE), ("pages/prod/detail.js", ANY_STAGE),
])
def test_build_stage(path, stage):
    assert build_stage(path) == stage


def _host(line: int, value: str, role: str = "code") -> Fact:
    return Fact("host:api.ferry-example.cn", "host", line, value, role)


def test_the_release_config_goes_before_a_development_config_that_is_requested():
    places = [("config/dev.js", _host(3, "https://api.ferry-example.cn", "request")),
              ("config/prod.js", _host(4, "https://api.ferry-example.cn/v1"))]
    assert host_place(places) == 1


def test_a_development_config_goes_after_a_page():
    places = [("env/dev.js", _host(2, "https://api.ferry-example.cn", "request")),
              ("pages/home/home.js", _host(9, "https://api.ferry-example.cn/home"))]
    assert host_place(places) == 1


def test_a_module_goes_before_a_page_component_or_template():
    places = [("components/card/card.js", _host(5, "https://api.ferry-example.cn/a")),
              ("src/pages/a.vue", _host(7, "https://api.ferry-example.cn/")),
              ("src/app.wpy", _host(12, "https://api.ferry-example.cn/b"))]
    assert host_place(places) == 2


def test_a_page_request_still_goes_before_an_unused_module_constant():
    places = [("config/api.js", _host(2, "https://api.ferry-example.cn")),
              ("pages/index/index.js", _host(3, "https://api.ferry-example.cn/find", "request"))]
    assert host_place(places) == 1


def test_two_pages_keep_their_order():
    places = [("pages/a/a.js", _host(2, "https://api.ferry-example.cn/a", "request")),
              ("pages/b/b.js", _host(2, "https://api.ferry-example.cn/b", "request"))]
    assert host_place(places) == 0
