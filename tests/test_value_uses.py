"""What a file does with a value it reads by name (readers/valueuses.py): copies, shows, pictures it, or else."""

from __future__ import annotations

import pytest

from mp_precheck.readers.valueuses import COPIED, OPTION, OTHER, PICTURE, SHOWN, value_uses


@pytest.mark.parametrize(("text", "path", "kinds"), [
    ("wx.setClipboardData({ data: cfg.site + '/x' })", "a.js", {COPIED}),
    ("const el = <Text>{cfg.site}</Text>", "a.jsx", {SHOWN}),
    ("wx.previewImage({ urls: [cfg.site] })", "a.js", {PICTURE}),
    ("wx.request({ url: cfg.site })", "a.js", {OTHER}),
    ("api.get({ site: 1 })", "a.js", {OPTION}),
    ("class A { site: string }\nthis.site = 'x'\nimport { site as s } from './c'", "a.ts", set()),
    # read into another name, which is not followed: the value may reach a request
    ("const { site } = cfg\nwx.request({ url: site })", "a.js", {OTHER}),
    ("const { site: base } = cfg", "a.js", {OTHER}),
    ("const base = site\nwx.setClipboardData({ data: site })", "a.js", {OTHER, COPIED}),
    ("wx.request({ url: cfg['site'] })", "a.js", {OTHER}),
    ('<view data-site="{{site}}">{{ site }}</view>', "a.wxml", {SHOWN, OTHER}),
    ('<template><image :src="cfg.site" /></template>\n<script>\nexport default { data: () => ({ cfg }) }\n</script>\n', "a.vue",
     {PICTURE}),
    ("wx.setClipboardData({ data: cfg.site ", "a.js", {OTHER}),  # malformed: no raise, taken as another use
    ('{"site": 1}', "a.json", {OTHER}),
])
def test_the_kinds_of_reads_of_a_name(text, path, kinds):
    assert value_uses(text, path, {"site"}).get("site", set()) == kinds
