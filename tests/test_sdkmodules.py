"""Which specifiers load a vendor's SDK, as the tables in checks/ name it."""

from mp_precheck.core.sdkmodules import loads_module, npm_package


def test_npm_package_of_a_scoped_and_a_bare_specifier() -> None:
    assert npm_package("@koa/router/lib/layer") == "@koa/router"
    assert npm_package("mysql2/promise") == "mysql2"


def test_a_copied_file_loads_by_the_start_of_its_name_in_any_case() -> None:
    assert loads_module("../../libs/AV-Weapp-min.js", ("av-weapp",), ())
    assert not loads_module("../../libs/my-av-weapp.js", ("av-weapp",), ())


def test_an_npm_package_loads_by_its_name_not_by_a_prefix() -> None:
    assert loads_module("@cloudbase/js-sdk/app", (), ("@cloudbase/js-sdk",))
    assert not loads_module("@cloudbase/js-sdk-extra", (), ("@cloudbase/js-sdk",))
