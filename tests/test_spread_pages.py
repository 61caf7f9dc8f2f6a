"""A Taro page list spread from tables the config imports (readers/spreadpages.py): its first page is the entry
page, and a login page it puts first is told (login.login_first_page) as one a literal list would be."""

from __future__ import annotations

import json

from conftest import Repo
from helpers import run
from mp_precheck.readers.spreadpages import first_page_line, spread_pages

TABLES = ('export const Tabs = [\n  { pagePath: "pages/feed/index", text: "feed" },\n'
          '  { pagePath: "pages/mine/index", text: "mine" },\n];\n\n'
          'export const Others = [\n  { pagePath: "pages/signin/index", text: "signin" },\n'
          '  { pagePath: "pages/topic/index", text: "topic" },\n];\n')
CONFIG = ('import { Others, Tabs } from "./tables/nav";\n\nexport default defineAppConfig({\n  pages: [\n'
          '    {first},\n    {second},\n  ],\n  tabBar: {{ custom: true, list: Tabs }},\n}});\n')
TABS = "...Tabs.map((item) => item.pagePath)"
OTHERS = "...Others.map((item) => item.pagePath)"
PAGE = "export default function Page() {{\n  return <View>{0}</View>;\n}}\n"


def _config(first: str, second: str) -> str:
    return CONFIG.replace("{first}", first).replace("{second}", second).replace("{{", "{").replace("}}", "}")


def _entry_told(tmp_path: object, head_config: str, tables: str = TABLES) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")  # type: ignore[operator]
    repo.write("package.json", json.dumps({"dependencies": {"@tarojs/taro": "3.6.0"}}))
    repo.write_files({"src/tables/nav.ts": TABLES, "src/app.config.ts": _config(TABS, OTHERS),
                      **{f"src/pages/{name}/index.tsx": PAGE.format(name) for name in
                         ("feed", "mine", "signin", "topic")}})
    base = repo.commit("base")
    repo.write_files({"src/app.config.ts": head_config, "src/tables/nav.ts": tables})
    repo.commit("reorder")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


def test_a_login_page_a_spread_list_puts_first_is_told_at_the_lists_first_entry(tmp_path):
    assert _entry_told(tmp_path, _config(OTHERS, TABS)) == {("src/app.config.ts", 5)}


def test_a_spread_list_that_puts_a_content_page_first_stays_silent(tmp_path):
    tables = TABLES.replace("pages/signin/index", "pages/board/index")
    assert _entry_told(tmp_path, _config(OTHERS, TABS), tables) == set()


def test_the_same_order_kept_stays_silent(tmp_path):
    assert _entry_told(tmp_path, _config(TABS, OTHERS)) == set()


def test_spread_pages_reads_maps_of_declared_and_imported_tables():
    files = {"src/tables/nav.ts": TABLES}
    local = 'const extra = ["pages/a/a"];\nexport default { pages: [...extra, "pages/b/b", ' + OTHERS + "] };\n"
    config = 'import { Others } from "./tables/nav";\n' + local
    assert spread_pages(config, "src/app.config.ts", files.get) == \
        ["pages/a/a", "pages/b/b", "pages/signin/index", "pages/topic/index"]
    assert first_page_line(config, "src/app.config.ts") == 3
    # a table nothing declares, a callback computing more than a field: unread, never guessed
    assert spread_pages(local.replace("...extra", "...missing"), "src/app.config.ts", files.get) is None
    assert spread_pages(config.replace("item.pagePath", "`/${item.pagePath}`"), "src/app.config.ts", files.get) is None
    assert spread_pages('export default { pages: ["pages/a/a"] };\n', "a.ts", files.get) is None
