"""A URL variable whose every read builds an image's address (or a request's data) holds no server, whatever its
name: the host serves pictures to <image>, which needs no server domain. Read any other way — a request's url,
a call's argument, exported — it stays a server. Vue's ref() holding the URL is read through .value."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.jsfacts import js_facts


@pytest.mark.parametrize(("code", "role"), [
    # read only to build an image's address: through ref().value, or a plain constant named as an API base
    ("const serverUrl = ref('http://a.example.com:8080/pics/')\n"
     "function done(key) { profile.value.photo = serverUrl.value + key }\n", "media"),
    ("const BASE_URL = 'https://a.example.com/files/'\n"
     "function show(id) { this.coverUrl = `${BASE_URL}${id}.png` }\n", "media"),
    # handed to the app's server as data: an address the server keeps, not a request to that host
    ("const root = 'https://a.example.com/u/'\n"
     "wx.request({ url: '/api/me', data: { portrait: root + key } })\n", "media"),
    # read another way too: a request's url, a call's argument, an export, a non-image holder
    ("const serverUrl = ref('https://a.example.com/')\n"
     "function done(key) { profile.value.photo = serverUrl.value + key }\n"
     "uni.request({ url: serverUrl.value + 'save' })\n", "request"),
    ("const base = 'https://a.example.com/'\nfunction f(k) { this.coverUrl = base + k }\nfetchIt(base + 'x')\n",
     "code"),
    ("export const base = 'https://a.example.com/'\nfunction f(k) { this.coverUrl = base + k }\nexport { base }\n",
     "code"),
    ("const base = ref('https://a.example.com/')\nfunction f(k) { state.target = base.value + k }\n", "code"),
    ("const base = ref('https://a.example.com/')\n", "code"),  # never read here: another file may use it
    ("const BASE_URL = 'https://a.example.com/'\nif (this.avatar === BASE_URL) go()\n", "request"),
])
def test_a_url_variable_read_only_into_image_addresses_is_media(code, role):
    assert [f.role for f in js_facts(code, "pages/a/a.js").facts if f.subject == "host:a.example.com"] == [role]


UNI_APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/me/me"}]}\n',
    "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx1"}}\n',
    "App.vue": "<script>\nexport default { onLaunch() {} }\n</script>\n",
    "pages/index/index.vue": '<template><image src="http://files.shop-example.cn:9000/i/a.png" /></template>\n',
    "pages/me/me.vue": "<template><view>我的</view></template>\n",
}


def _domains(report):
    return {(f.rule, f.path, f.line) for f in report.findings if f.family == "external_link"}


def test_a_ref_built_only_into_the_avatar_address_is_no_new_domain(repo):
    repo.write_files(UNI_APP)
    base = repo.commit()
    repo.write("pages/me/me.vue", '<template><image :src="face" /></template>\n<script setup>\n'
               "import { ref } from 'vue'\nconst face = ref('')\n"
               "const apiBase = ref('http://files.shop-example.cn:9000/faces/')\n"
               "function saved(name) {\n  user.avatarUrl = apiBase.value + name\n  face.value = user.avatarUrl\n}\n"
               "</script>\n")
    repo.commit()
    assert _domains(run(repo.path, base)) == set()


def test_a_ref_the_page_requests_stays_a_domain(repo):
    repo.write_files(UNI_APP)
    base = repo.commit()
    repo.write("pages/me/me.vue", "<template><view /></template>\n<script setup>\n"
               "import { ref } from 'vue'\nconst apiBase = ref('http://files.shop-example.cn:9000/faces/')\n"
               "function load() {\n  uni.request({ url: apiBase.value + 'list' })\n}\n</script>\n")
    repo.commit()
    assert ("external_link.domain", "pages/me/me.vue", 4) in _domains(run(repo.path, base))
