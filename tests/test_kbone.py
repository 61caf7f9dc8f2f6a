"""kbone projects (React / Vue compiled to a Mini Program by mp-webpack-plugin): found by their
``miniprogram.config.js``, pages from its ``router``, and ``wx-`` elements read as WeChat's built-in components."""

from __future__ import annotations

import pytest

from helpers import found, places, rules, run
from mp_precheck.core.errors import UserError
from mp_precheck.readers.kbone import builtin_name
from mp_precheck.readers.markup import markup_facts, normalise_attribute, normalise_tag

CONFIG = """/**
 * https://wechat-miniprogram.github.io/kbone/docs/config/
 */
const path = require('path')
const page = (name) => path.resolve(__dirname, `../src/pages/${name}/index`)

module.exports = {
    origin: 'https://test.miniprogram.com',
    entry: '/feed',
    router: {
        about: page('about'),
        feed: ['/feed', '/(home|index)?'],
        me: ['/me'],
    },
    redirect: { notFound: 'feed', accessDenied: 'feed' },
    generate: { appEntry: 'miniprogram-app', autoBuildNpm: 'npm' },
    app: { navigationBarTitleText: 'Recipes' },
    appExtraConfig: {},
    projectConfig: { appid: 'wx0123456789abcdef' },
}
"""

KBONE_BASE = {
    "package.json": '{"name": "recipes", "devDependencies": {"mp-webpack-plugin": "latest", "webpack": "^4.29.6"}}',
    "build/miniprogram.config.js": CONFIG,
    "build/webpack.mp.config.js": "const MpPlugin = require('mp-webpack-plugin')\n"
                                  "module.exports = { plugins: [new MpPlugin(require('./miniprogram.config'))] }\n",
    "src/app.js": "export default function createApp() {}\n",
    "src/pages/feed/index.jsx": "import React from 'react'\nexport default function Feed() {\n"
                                "  return <div>菜谱</div>\n}\n",
    "src/pages/me/index.jsx": "import React from 'react'\nexport default function Me() {\n  return <div>我的</div>\n}\n",
    "src/pages/about/index.jsx": "export default () => null\n",
    # kbone's build output, committed: neither a native project nor analysed
    "dist/mp/app.json": '{"pages": ["pages/feed/index"]}',
    "dist/mp/app.js": "wx.getLocation()\n",
}


def test_a_kbone_config_is_a_project_with_the_router_pages_and_the_entry_page(repo):
    repo.write_files(KBONE_BASE)
    base = repo.commit()
    repo.write("dist/mp/app.js", "wx.getLocation(); wx.chooseAddress()\n")
    repo.write("src/pages/me/index.jsx", "import React from 'react'\nexport default function Me() {\n"
                                         "  const where = () => wx.chooseAddress()\n  return <div onClick={where}>我的</div>\n}\n")
    repo.commit()
    report = run(repo.path, base)
    [project] = report.projects
    assert (project.root, project.framework) == ("", "kbone")
    assert project.pages == ("pages/about/index", "pages/feed/index", "pages/me/index")
    assert ("privacy.address", "src/pages/me/index.jsx", 3) in places(report)
    assert not [f for f in report.findings if f.path.startswith("dist/")]
    assert "completeness.missing_page" not in rules(report)  # kbone generates the pages: no registry to check


def test_a_miniprogram_config_without_kbone_keys_is_no_project(repo):
    repo.write_files({"tools/miniprogram.config.js": "module.exports = { appid: 'wx1', output: 'dist' }\n",
                      "tools/upload.js": "wx.chooseAddress()\n"})
    base = repo.commit()
    repo.write("tools/upload.js", "wx.chooseAddress(); wx.getLocation()\n")
    repo.commit()
    with pytest.raises(UserError, match="no Mini Program found"):
        run(repo.path, base)


def test_the_package_names_kbone_when_the_config_has_another_name(repo):
    repo.write_files({"web/package.json": '{"devDependencies": {"mp-webpack-plugin": "^1.5.0"}}',
                      "web/src/index.jsx": "export default () => null\n"})
    base = repo.commit()
    repo.write("web/src/index.jsx", "export default () => <wx-button open-type=\"getPhoneNumber\">绑定</wx-button>\n")
    repo.commit()
    report = run(repo.path, base)
    assert [(p.root, p.framework) for p in report.projects] == [("web", "kbone")]
    assert ("privacy.phone_number", "web/src/index.jsx", 1) in places(report)


def test_wx_prefixed_elements_in_jsx_are_the_built_in_components(repo):
    repo.write_files(KBONE_BASE)
    base = repo.commit()
    repo.write("src/pages/me/index.jsx", """import React from 'react'
export default function Me({ onAuth, url }) {
  return (
    <div>
      {/* <wx-button open-type="getPhoneNumber">绑定手机</wx-button> */}
      <wx-button open-type="getUserInfo" onGetUserInfo={onAuth}>授权</wx-button>
      <wx-web-view src={url}></wx-web-view>
      <wx-component behavior="ad" unit-id="adunit-123" />
    </div>
  )
}
""")
    repo.commit()
    report = run(repo.path, base)
    got = places(report)
    assert ("privacy.user_info_reclaimed", "src/pages/me/index.jsx", 6) in got
    assert any(rule.startswith("external_link.web_view") and path == "src/pages/me/index.jsx" and line == 7
               for rule, path, line in got)
    assert any(f.path == "src/pages/me/index.jsx" and f.line == 8 and f.family == "category" for f in report.findings)
    assert not [line for _rule, path, line in got if path == "src/pages/me/index.jsx" and line == 5]  # a comment
    assert "privacy.phone_number" not in rules(report)


def test_wx_prefixed_elements_in_a_vue_template(repo):
    repo.write_files({**KBONE_BASE, "src/pages/me/index.vue": "<template><div>我的</div></template>\n"})
    base = repo.commit()
    repo.write("src/pages/me/index.vue", "<template>\n  <div>\n"
                                         "    <wx-button open-type=\"getPhoneNumber\" @getphonenumber=\"onPhone\">绑定</wx-button>\n"
                                         "  </div>\n</template>\n")
    repo.commit()
    assert ("privacy.phone_number", "src/pages/me/index.vue", 3, "app") in found(run(repo.path, base))


def test_only_built_in_names_lose_the_wx_prefix():
    assert normalise_tag("wx-button") == "button"
    assert normalise_tag("WxWebView") == "web-view"
    assert normalise_tag("wx-open-launch-weapp") == "wx-open-launch-weapp"  # a JS-SDK open tag of web pages
    assert normalise_tag("wx-avatar-card") == "wx-avatar-card"  # a project component keeps its name
    assert normalise_attribute("wx-button") == "wx-button"  # attributes are no elements
    assert builtin_name("wx-component", "Picker") == "picker"
    assert builtin_name("wx-component", "my-thing") == "wx-component"
    assert builtin_name("wx-component") == "wx-component"
    subjects = {f.subject for f in markup_facts('<wx-component behavior="button" open-type="share">分享</wx-component>')}
    assert {"<button>", "button[open-type=share]"} <= subjects


def test_forced_login_counts_on_the_entry_page_the_router_names(repo):
    repo.write_files(KBONE_BASE)
    base = repo.commit()
    gate = ("import React, { Component } from 'react'\nexport default class Page extends Component {\n"
            "  componentDidMount() {\n    if (!wx.getStorageSync('token')) wx.redirectTo({ url: '/pages/login/index' })\n"
            "  }\n  render() { return null }\n}\n")
    repo.write("src/pages/feed/index.jsx", gate)  # the page of `entry: '/feed'`
    repo.write("src/pages/about/index.jsx", gate)  # the first router key, not the entry page
    repo.commit()
    got = found(run(repo.path, base))
    assert ("login.forced_login", "src/pages/feed/index.jsx", 4, "app") in got
    assert not [f for f in got if f[0] == "login.forced_login" and f[1] == "src/pages/about/index.jsx"]


def test_a_silent_relogin_that_relaunches_the_home_page_is_no_gate(repo):
    repo.write_files(KBONE_BASE)
    base = repo.commit()
    repo.write("src/request.js", "export function onUnauthorized() {\n  wx.login({ success: ({ code }) => {\n"
                                 "    exchange(code).then(() => wx.reLaunch({ url: '/pages/feed/index' }))\n  } })\n}\n")
    repo.commit()
    assert not [f for f in run(repo.path, base).findings if f.family == "login"]
