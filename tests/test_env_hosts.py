"""Hosts of a build's env files (``.env``, ``.env.production``…): the API base a Vite / vue-cli uni-app, a Taro
or an mpx build inlines is a server domain; development, test and local files, templates and static-file
prefixes are not."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.readers.envfiles import env_facts, is_development_env, is_env_file
from test_frameworks import UNI_BASE

PACKAGE = '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n'


def _uni(repo):
    repo.write_files({**UNI_BASE, "package.json": PACKAGE})
    return repo.commit()


def _domains(report):
    return {(f.path, f.line, f.subject, f.scope, f.usage) for f in report.findings if f.family == "external_link"}


def test_a_production_api_base_is_a_new_request_domain_at_its_line(repo):
    base = _uni(repo)
    repo.write(".env.production", "# 接口地址\nNODE_ENV=production\nVITE_BASE_URL = 'https://api.shop.example/v1'\n"
                                  "VITE_TITLE=https://is.not/an address\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == {(".env.production", 3, "host:api.shop.example", "app", "request")}


def test_development_test_and_local_files_hold_no_server_domain(repo):
    base = _uni(repo)
    repo.write_files({".env.development": "VUE_APP_BASE_API=https://dev-api.shop.example\n",
                      ".env.test": "VUE_APP_BASE_API=https://test-api.shop.example\n",
                      ".env.local": "VUE_APP_BASE_API=https://me.shop.example\n",
                      ".env.production.local": "VUE_APP_BASE_API=https://mine.shop.example\n",
                      ".env.staging": "VUE_APP_BASE_API=https://stage.shop.example\n",
                      ".env.example": "VUE_APP_BASE_API=https://api.example.invalid\n"})
    repo.commit()
    assert _domains(run(repo.path, base)) == set()


def test_static_and_image_prefixes_are_resources_and_loopback_is_no_domain(repo):
    base = _uni(repo)
    repo.write(".env", "VITE_STATIC_URL=https://cdn.shop.example/\nVUE_APP_IMG_BASE=https://img.shop.example\n"
                       "TARO_APP_LOGO=https://pics.shop.example/logo\nVITE_PROXY=http://127.0.0.1:8080\n"
                       "VITE_UPLOAD_URL=https://files.shop.example/upload\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == {(".env", 5, "host:files.shop.example", "app", "upload")}


def test_the_same_host_in_env_and_env_production_is_one_domain_at_the_production_file(repo):
    base = _uni(repo)
    repo.write_files({".env": "VUE_APP_BASE_API=https://api.shop.example\n",
                      ".env.production": "VUE_APP_ZEUS=https://zeus.shop.example\nVUE_APP_BASE_API=https://api.shop.example\n"})
    repo.commit()
    assert _domains(run(repo.path, base)) == {(".env.production", 1, "host:zeus.shop.example", "app", "request"),
                                              (".env.production", 2, "host:api.shop.example", "app", "request")}


def test_a_host_the_code_already_calls_is_nothing_new_in_an_env_file(repo):
    repo.write_files({**UNI_BASE, "package.json": PACKAGE,
                      "src/utils/http.js": "export const get = (p) => uni.request({ url: 'https://api.shop.example' + p })\n"})
    base = repo.commit()
    repo.write(".env.production", "VITE_BASE_URL=https://api.shop.example\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == set()


def test_env_files_beside_the_package_json_above_an_mpx_root(repo):
    repo.write_files({"package.json": '{"dependencies": {"@mpxjs/core": "2.9.0"}}\n',
                      "src/app.mpx": '<script>\nimport mpx, { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
                                     '<script type="application/json">\n{\n  "pages": ["./pages/index"]\n}\n</script>\n',
                      "src/pages/index.mpx": "<template><view>hi</view></template>\n"})
    base = repo.commit()
    repo.write(".env.prod", "API_HOST=https://api.mpx.example\n")
    repo.commit()
    assert found(run(repo.path, base)) >= {("external_link.domain", ".env.prod", 1, "app")}


def test_a_native_project_reads_no_env_file(app_repo):
    app_repo.write("package.json", '{"devDependencies": {"eslint": "9"}}\n')
    base = app_repo.commit()
    app_repo.write(".env", "DATABASE_URL=https://db.server.example\n")
    app_repo.commit()
    assert _domains(run(app_repo.path, base)) == set()


def test_env_file_names_and_modes():
    assert [is_env_file(p) for p in (".env", "app/.env.production", ".env.dev.local", ".env.example",
                                     ".env.d.ts", "env.js", ".envrc")] == [True, True, True, False, False, False, False]
    assert [is_development_env(p) for p in (".env", ".env.prod", ".env.dev", ".env.production.local", ".env.uat")] \
        == [False, False, True, True, True]
    facts = env_facts('export VITE_API="https://a.example.com"\nMULTI="x\ny"\nWS=wss://chat.example.com/ws\n', ".env")
    assert [(f.subject, f.line, f.role) for f in facts.facts] == [("host:a.example.com", 1, "request"),
                                                                  ("host:chat.example.com", 4, "socket")]
