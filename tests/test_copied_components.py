"""A component library's demo app names a component under a folder its build writes (``/components/Locator/index``,
missing from the tree); the component's source outside the app's root is the script the app runs there
(facts/copiedcomponents.py). A source nothing names, or one whose named path the tree holds itself, stays out."""

from __future__ import annotations

import json

from helpers import places, run

APP = {
    "demo/app.json": json.dumps({"pages": ["pages/index/index", "pages/near/near"]}),
    "demo/app.js": "App({})\n",
    "demo/pages/index/index.js": "Page({})\n",
    "demo/pages/index/index.wxml": "<view>home</view>\n",
    "demo/pages/near/near.js": "Page({})\n",
    "demo/pages/near/near.wxml": "<view>near</view>\n",
    "package.json": json.dumps({"name": "kit", "scripts": {"dev": "gulp --gulpfile build/dev.js"}}),
    "build/dev.js": "gulp.task('js', () => gulp.src(['../src/**/*.js']).pipe(gulp.dest('../demo/components/')))\n",
    ".gitignore": "demo/components/\n",
}
LOCATOR = """Component({
  lifetimes: {
    attached() {
      wx.getLocation({
        type: 'wgs84',
        success: (res) => {
          wx.request({ url: `https://geo.example.org/reverse?lat=${res.latitude}&lng=${res.longitude}` })
        },
      })
    },
  },
})
"""
USING = json.dumps({"usingComponents": {"x-locator": "/components/Locator/index"}})


def _change(repo, files: dict[str, str]) -> set[tuple[str, str, int]]:
    repo.write_files(APP)
    base = repo.commit("a demo app")
    repo.write_files(files)
    repo.commit("a locator component")
    report = run(repo.path, base)
    return places(report, "privacy") | places(report, "external_link")


def test_a_component_source_the_demo_app_names_at_a_built_path_is_the_apps(repo):
    found = _change(repo, {"src/Locator/index.js": LOCATOR, "src/Locator/index.json": '{"component": true}',
                           "demo/pages/near/near.json": USING})
    assert ("privacy.location", "src/Locator/index.js", 4) in found
    assert ("external_link.domain", "src/Locator/index.js", 7) in found


def test_a_component_source_no_page_names_stays_out(repo):
    assert _change(repo, {"src/Locator/index.js": LOCATOR, "src/Locator/index.json": '{"component": true}'}) == set()


def test_a_source_whose_named_path_the_tree_holds_stays_out(repo):
    found = _change(repo, {"src/Locator/index.js": LOCATOR, "demo/pages/near/near.json": USING, ".gitignore": "",
                           "demo/components/Locator/index.js": "Component({})\n",
                           "demo/components/Locator/index.json": '{"component": true}'})
    assert found == set()


def test_a_package_component_name_links_no_source(repo):
    using = json.dumps({"usingComponents": {"x-locator": "kit/Locator/index"}})
    found = _change(repo, {"src/Locator/index.js": LOCATOR, "demo/pages/near/near.json": using})
    assert found == set()
