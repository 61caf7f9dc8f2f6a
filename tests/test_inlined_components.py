"""A component whose page stops importing it and makes its call itself: the call moved, nothing is new
(``dropped_imports`` in core/reachability.py)."""

from __future__ import annotations

from helpers import found, run

APP = {
    "package.json": '{"dependencies": {"mpvue": "^2.0.0"}}\n',
    "src/app.json": '{"pages": ["pages/shop/main", "pages/about/main"]}\n',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/shop/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
    "src/pages/about/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
    "src/pages/about/index.vue": "<template><div>about</div></template>\n",
}
PICKER = ("<template>\n  <div @click=\"pick\">门店</div>\n</template>\n<script>\nexport default {\n  methods: {\n"
          "    pick () { wx.chooseLocation({}) }\n  }\n}\n</script>\n")
WITH_PICKER = ("<template>\n  <div><store-picker></store-picker></div>\n</template>\n<script>\n"
               "import storePicker from '@/widgets/storePicker'\nexport default { components: { storePicker } }\n"
               "</script>\n")
INLINED = ("<template>\n  <div>\n    <!-- <store-picker></store-picker> -->\n    <div @click=\"pick\">门店</div>\n"
           "  </div>\n</template>\n<script>\nexport default {\n  methods: {\n    pick () {\n"
           "      wx.chooseLocation({ success: r => r })\n    }\n  }\n}\n</script>\n")


def _picked(repo, base):
    return {key for key in found(run(repo.path, base)) if key[0] == "privacy.choose_location"}


def test_a_call_inlined_from_a_component_the_page_stops_importing_is_not_new(repo):
    repo.write_files({**APP, "src/widgets/storePicker.vue": PICKER, "src/pages/shop/index.vue": WITH_PICKER})
    base = repo.commit("app")
    repo.write_files({"src/widgets/storePicker.vue": PICKER.replace("门店", "选择门店"),
                      "src/pages/shop/index.vue": INLINED})
    repo.commit()
    assert _picked(repo, base) == set()


def test_a_page_copying_a_component_another_page_still_imports_is_a_new_call_site(repo):
    repo.write_files({**APP, "src/widgets/storePicker.vue": PICKER, "src/pages/shop/index.vue": WITH_PICKER,
                      "src/pages/about/index.vue": WITH_PICKER})
    base = repo.commit("app")
    repo.write_files({"src/widgets/storePicker.vue": PICKER.replace("门店", "选择门店"),
                      "src/pages/shop/index.vue": INLINED})
    repo.commit()
    assert _picked(repo, base) == {("privacy.choose_location", "src/pages/shop/index.vue", 11, "file")}
