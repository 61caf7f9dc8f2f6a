"""A URL the app keeps in its configuration is a server of the app only when something reads it another way than
copying it, showing it or loading it as a picture (core/configurls.py, readers/valueuses.py)."""

from __future__ import annotations

from helpers import ROOT_UNI_APP, run

_UNI = ROOT_UNI_APP

_SETTINGS = """class Settings {
  constructor () {
    this.fill()
  }
  fill () {
    this.title = 'Lantern'
%s  }
}
export const settings = new Settings()
"""

_ABOUT = """<template>
  <view>
    %s
    <view @tap="copy">copy</view>
  </view>
</template>
<script>
import { settings } from '@/common/settings.js'
export default {
  data () {
    return { settings }
  },
  methods: {
    copy () {
      uni.setClipboardData({ data: %s })
    }
  }
}
</script>
"""


def _hosts(repo, base):
    return {(f.subject, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "external_link.domain"}


def _change(repo, held: str, shown: str = "<text>{{ settings.title }}</text>", copied: str = "settings.title",
            extra: dict[str, str] | None = None) -> str:
    repo.write_files({**_UNI, "common/settings.js": _SETTINGS % "", "pages/about/index.vue": _ABOUT % (
        "<text>{{ settings.title }}</text>", "settings.title")})
    base = repo.commit("about page")
    repo.write_files({"common/settings.js": _SETTINGS % held, "pages/about/index.vue": _ABOUT % (shown, copied),
                      **(extra or {})})
    repo.commit("settings gain a link")
    return base


def test_a_config_url_only_copied_is_no_server_one_a_request_reads_stays(repo):
    wrapper = ("import { settings } from './settings.js'\n"
               "export const get = (path) => uni.request({ url: settings.apiRoot + path })\n"
               "export const fetchBundle = () => uni.downloadFile({ url: settings.bundleLink })\n")
    base = _change(repo, "    this.sourceLink = 'https://code.lantern-forge.dev/team/lantern'\n"
                         "    this.apiRoot = 'https://api.lantern-home.dev'\n"
                         "    this.bundleLink = 'https://dl.lantern-home.dev/bundle.zip'\n",
                   copied="settings.sourceLink || settings.bundleLink", extra={"common/http.js": wrapper})
    assert _hosts(repo, base) == {("host:api.lantern-home.dev", "common/settings.js", 8),
                                  ("host:dl.lantern-home.dev", "common/settings.js", 9)}


def test_a_config_url_only_shown_or_pictured_is_no_server_one_read_nowhere_keeps_its_role(repo):
    base = _change(repo, "    this.homeLink = 'https://www.lantern-home.dev'\n"
                         "    this.badge = 'https://img.lantern-cdn.dev/badge.png'\n"
                         "    this.mirrorRoot = 'https://mirror.lantern-home.dev'\n",
                   shown="<text>{{ settings.homeLink }}</text><image :src=\"settings.badge\" />")
    assert _hosts(repo, base) == {("host:mirror.lantern-home.dev", "common/settings.js", 9)}


def test_two_config_urls_on_one_line_are_judged_apart(repo):
    # one line holds the API root a request reads and a link only copied: each key decides its own host
    wrapper = ("import { settings } from './settings.js'\n"
               "export const get = (path) => uni.request({ url: settings.links.apiRoot + path })\n")
    base = _change(repo, "    this.links = { sourceLink: 'https://code.lantern-forge.dev/x', "
                         "apiRoot: 'https://api.lantern-home.dev' }\n",
                   copied="settings.links.sourceLink", extra={"common/http.js": wrapper})
    assert _hosts(repo, base) == {("host:api.lantern-home.dev", "common/settings.js", 7)}
