"""Which file holds the entry page: a uni-app CLI project compiles ``src/pages.json`` (a copy left at the
project root is never read, so the finding goes to the source one), and an mpx subpackage's ``app.mpx``
lists its own pages, none of them the app's first page."""

from __future__ import annotations

from conftest import Repo
from helpers import run

UNI_PAGES = '{\n  "pages": [\n%s\n  ]\n}\n'
UNI_PAGE = '    {\n      "path": "%s",\n      "style": { "navigationBarTitleText": "" }\n    }'


def _entry_findings(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}


def _uni_pages(first: str, second: str) -> str:
    return UNI_PAGES % ",\n".join(UNI_PAGE % p for p in (first, second))


def test_a_uni_cli_project_reports_its_source_pages_json_not_the_stale_copy_beside_it(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("app/package.json", '{"dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n')
    for folder in ("app/", "app/src/"):
        repo.write(f"{folder}pages.json", _uni_pages("pages/index/index", "pages/login/login"))
        repo.write(f"{folder}manifest.json", "{}\n")
    repo.write("app/src/main.ts", "import App from './App.vue'\n")
    repo.write("app/src/App.vue", "<script>\nexport default {}\n</script>\n")
    for page in ("index", "login"):
        repo.write(f"app/src/pages/{page}/{page}.vue", f"<template><view>{page}</view></template>\n")
    base = repo.commit("base")
    for folder in ("app/", "app/src/"):
        repo.write(f"{folder}pages.json", _uni_pages("pages/login/login", "pages/index/index"))
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "app/src/pages.json", 4)}


def test_an_hbuilderx_project_without_a_cli_source_folder_keeps_its_root_pages_json(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("pages.json", _uni_pages("pages/index/index", "pages/login/login"))
    repo.write("manifest.json", "{}\n")
    repo.write("App.vue", "<script>\nexport default {}\n</script>\n")
    base = repo.commit("base")
    repo.write("pages.json", _uni_pages("pages/login/login", "pages/index/index"))
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "pages.json", 4)}


MPX_APP = ('<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
           '<script type="application/json">\n{\n  "pages": [%s],\n  "packages": [%s]\n}\n</script>\n')
MPX_PACKAGE = '<script type="application/json">\n{\n  "pages": [\n    "./login/index"\n  ]\n}\n</script>\n'


def _mpx_app(repo: Repo, packages: str) -> None:
    repo.write("src/app.mpx", MPX_APP % ('"./pages/work/index"', packages))
    repo.write("src/pages/work/index.mpx", "<template><view>work</view></template>\n")


def test_an_mpx_subpackage_whose_first_page_is_the_login_page_is_no_entry_page(tmp_path):
    repo = Repo(tmp_path / "repo")
    _mpx_app(repo, "")
    base = repo.commit("base")
    _mpx_app(repo, '"./pagesMine/app.mpx?root=pagesMine"')
    repo.write("src/pagesMine/app.mpx", MPX_PACKAGE)
    repo.write("src/pagesMine/login/index.mpx", "<template><button>登录</button></template>\n")
    repo.commit()
    assert _entry_findings(repo, base) == set()


def test_an_mpx_app_whose_own_first_page_is_the_login_page_is_still_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    _mpx_app(repo, "")
    base = repo.commit("base")
    repo.write("src/app.mpx", MPX_APP % ('"./pages/login/index", "./pages/work/index"', ""))
    repo.write("src/pages/login/index.mpx", "<template><button>登录</button></template>\n")
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "src/app.mpx", 7)}
