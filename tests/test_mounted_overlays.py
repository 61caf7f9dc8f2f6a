"""A login wall in a component the entry page renders is the entry page's: a wrapper component that holds the
page's content in its ``<slot>`` and lays full-screen authorization overlays beside it, raised by its own hooks
after a silent login, with rules nested in an imported SCSS partial. Told at the overlay the user meets first.
The same wrapper used only by a later page, or with a refuse control that works, stays silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.authoverlay import covering_classes
from mp_precheck.readers.styleimports import candidates, imports

APP = {"src/manifest.json": "{}\n", "src/App.vue": "<script>export default {}</script>\n",
       "src/pages.json": '{\n  "pages": [\n    {"path": "pages/home/index"},\n    {"path": "pages/detail/index"}\n'
                         '  ]\n}\n'}
PAGE = ("<template>\n  <view>\n    %s\n  </view>\n</template>\n<script>\n"
        "import Frame from '@/components/frame/frame.vue'\nexport default {\n  components: { Frame },\n"
        "  data () { return { goods: [] } }\n}\n</script>\n")
CONTENT = '<view v-for="item in goods" :key="item.id">{{ item.name }}</view>'
FRAME = """<template>
  <view class="frame">
    <slot></slot>
    <view class="frame-phone" v-if="askPhone">
      <text>绑定手机号</text>
      <text>暂不</text>
      <button open-type="getPhoneNumber" @getphonenumber="onPhone">允许</button>
    </view>
    <view class="frame-avatar" v-if="askAvatar">
      <text>授权头像昵称</text>
      <text>暂不</text>
      <button open-type="getUserInfo" @getuserinfo="onProfile">允许</button>
    </view>
  </view>
</template>
<script>
export default {
  data () { return { askPhone: false, askAvatar: false, profile: {} } },
  mounted () {
    this.signIn()
  },
  methods: {
    signIn () {
      uni.login({ success: () => this.check() })
    },
    check () {
      if (!this.profile.avatar) {
        this.askAvatar = true
      } else if (!this.profile.phone) {
        this.askPhone = true
      }
    },
    onPhone () { this.askPhone = false },
    onProfile () { this.askAvatar = false }
  }
}
</script>
<style lang="scss">
@import './frame';
</style>
"""
PARTIAL = """.frame {
  min-height: 100vh;
  &-phone, &-avatar {
    position: fixed;
    top: 0;
    bottom: 0;
    width: 100%;
    // the dimmed backdrop
    background: rgba(0, 0, 0, .6);
  }
}
"""


def _app(repo: Repo, home: str, detail: str = "<view>detail</view>", frame: str = FRAME) -> None:
    repo.write_files({**APP, "src/pages/home/index.vue": PAGE % home, "src/pages/detail/index.vue": PAGE % detail,
                      "src/components/frame/frame.vue": frame, "src/components/frame/_frame.scss": PARTIAL})


def _login(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_wrapper_component_the_entry_page_renders_shows_its_overlay_as_the_page_opens(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**APP, "src/pages/home/index.vue": PAGE % CONTENT,
                      "src/pages/detail/index.vue": PAGE % "<view>detail</view>"})
    base = repo.commit("base")
    _app(repo, f"<frame>{CONTENT}</frame>")
    repo.commit("a frame around the home page")
    # the avatar overlay goes up first (the phone one only once the avatar is there)
    assert _login(repo, base) == {("login.forced_login", "src/components/frame/frame.vue", 9)}


def test_the_wrapper_on_a_later_page_only_or_with_a_working_refuse_is_silent(tmp_path):
    repo = Repo(tmp_path / "later")
    repo.write_files({**APP, "src/pages/home/index.vue": PAGE % CONTENT,
                      "src/pages/detail/index.vue": PAGE % "<view>detail</view>"})
    base = repo.commit("base")
    _app(repo, CONTENT, detail="<frame><view>detail</view></frame>")
    repo.commit("a frame around the detail page")
    assert _login(repo, base) == set()
    repo = Repo(tmp_path / "refuse")
    repo.write_files({**APP, "src/pages/home/index.vue": PAGE % CONTENT,
                      "src/pages/detail/index.vue": PAGE % "<view>detail</view>"})
    base = repo.commit("base")
    _app(repo, f"<frame>{CONTENT}</frame>", frame=FRAME.replace("<text>暂不</text>", '<text @tap="skip">暂不</text>'))
    repo.commit("a frame one can refuse")
    assert _login(repo, base) == set()


def test_nested_rules_and_imported_partials_are_read():
    assert covering_classes(PARTIAL) == {"frame-phone", "frame-avatar"}
    assert covering_classes(".page { .box { position: fixed; height: 40px } }") == set()
    assert imports("@import './frame';\n@import url(\"theme.css\");\n.a { color: red }") == ["./frame", "theme.css"]
    assert candidates("src/components/frame/frame.vue", "./frame")[:2] == [
        "src/components/frame/frame.scss", "src/components/frame/frame.sass"]
    assert "src/components/frame/_frame.scss" in candidates("src/components/frame/frame.vue", "./frame")
    assert candidates("src/a.vue", "@/styles/x") == [] and candidates("src/a.vue", "../../x.scss") == []
