"""A small change in an app with one very large single-file page, timed as a user waits for it.

Some uni-app projects keep a whole app in one page: a ``pages/index/index.vue`` of ~15,000 lines (template,
``<script setup>`` and styles), hundreds of lists with a text box per row, requests, conditional blocks for
other platforms. Every reader that looks at a changed page reads that file again, so work that is cheap on a
normal page (splitting the component, parsing its markup, walking its script) is paid many times over.

The shape: such an app (generated, seeded; no corpus code), and a commit that adds a share hook to the big page
(six lines, as a "share the home page" change does). ``python benchmarks/bench.py --huge-page`` prints the
wall time of ``python -m mp_precheck diff --format json`` on it (median of ``--repeat`` cold runs).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from bench import FastImport, compile_sources, python_env

SECTIONS = 500  # ~30 lines each: a ~15,000-line page
TARGET_SECONDS = 3.0

_ROW = """\
    <view v-if="tab === {tab}" class="section section-{n}">
      <view v-for="item in list{n}" :key="item.id" class="row">
        <text class="title">{{{{ item.title }}}}</text>
        <input v-model="item.form.note{n}" class="note" placeholder="填写备注" @confirm="save{n}(item)" />
        <button class="open" @tap="open{n}(item)">查看详情</button>
      </view>
      <!-- #ifdef H5 -->
      <view class="web-only">在浏览器中打开</view>
      <!-- #endif -->
    </view>
"""
_SCRIPT = """\
const list{n} = ref([])
const load{n} = async () => {{
  const res = await uni.request({{ url: BASE + '/api/section{n}/list', data: {{ page: 1, size: 20 }} }})
  list{n}.value = Array.from(res.data.list || [])
}}
const save{n} = (item) => {{
  uni.request({{ url: BASE + '/api/sec{n}/save', method: 'POST', data: {{ id: item.id, note: item.form.note{n} }} }})
  uni.showToast({{ title: '已保存', icon: 'none' }})
}}
const open{n} = (item) => {{
  uni.navigateTo({{ url: `/pages/detail/detail?id=${{item.id}}&section={n}` }})
}}
// #ifdef APP-PLUS
const native{n} = () => plus.runtime.openURL('https://example.com/section/{n}')
// #endif
"""
_STYLE = """\
.section-{n} .row {{
  display: flex;
  padding: {pad}rpx;
  border-bottom: 1px solid #eee;
}}
.section-{n} .note {{ flex: 1; }}
"""
_HOOKS = """\
onLoad(() => {
  load0()
})

"""
_SHARE = """\
onShareAppMessage(() => ({
  title: '首页',
  path: '/pages/index/index'
}))

"""
_IMPORTS = ("import { ref } from 'vue'\nimport { onLoad, onShow } from '@dcloudio/uni-app'\n"
            "import { BASE } from '@/config/api.js'\n\n")


def huge_page(share: bool) -> str:
    """The big page, with the share hook (and its import) when ``share``."""
    imports = _IMPORTS.replace("onLoad, onShow }", "onLoad, onShow, onShareAppMessage }") if share else _IMPORTS
    template = "".join(_ROW.format(n=n, tab=n % 12) for n in range(SECTIONS))
    script = "".join(_SCRIPT.format(n=n) for n in range(SECTIONS))
    style = "".join(_STYLE.format(n=n, pad=16 + n % 8) for n in range(SECTIONS))
    return (f"<template>\n  <view class=\"page\">\n{template}  </view>\n</template>\n\n<script setup>\n{imports}"
            f"const tab = ref(0)\n{script}\n{_HOOKS}{_SHARE if share else ''}onShow(() => {{\n  load1()\n}})\n"
            f"</script>\n\n<style scoped>\n.page {{ min-height: 100vh; }}\n{style}</style>\n")


def app_files() -> dict[str, str]:
    """The app before the change: the big page, a small detail page, the app's configuration."""
    pages = {"pages": [{"path": "pages/index/index", "style": {"navigationBarTitleText": "首页"}},
                       {"path": "pages/detail/detail", "style": {"navigationBarTitleText": "详情"}}]}
    return {"package.json": json.dumps({"name": "bench-huge-page", "dependencies": {"@dcloudio/uni-app": "3.0.0",
                                                                                   "vue": "3.4.0"}}) + "\n",
            "manifest.json": json.dumps({"name": "bench", "mp-weixin": {"appid": "wx0000000000000000"}}) + "\n",
            "pages.json": json.dumps(pages, ensure_ascii=False, indent=2) + "\n",
            "main.js": "import { createSSRApp } from 'vue'\nimport App from './App.vue'\n\n"
                       "export function createApp() {\n  return { app: createSSRApp(App) }\n}\n",
            "App.vue": "<script>\nexport default {}\n</script>\n",
            "config/api.js": "export const BASE = 'https://api.bench-huge.example.com'\n",
            "pages/detail/detail.vue": "<template>\n  <view>{{ id }}</view>\n</template>\n\n<script setup>\n"
                                       "import { ref } from 'vue'\nconst id = ref('')\n</script>\n",
            "pages/index/index.vue": huge_page(share=False)}


def build(repo: Path) -> tuple[str, str]:
    """The two-commit repository at ``repo``; (base, head) commit ids."""
    stream = FastImport()
    base = stream.commit("the app", app_files())
    head = stream.commit("share the home page", {"pages/index/index.vue": huge_page(share=True)})
    ids = stream.run(repo)
    return ids[base], ids[head]


def run(repeat: int, src: Path) -> float:
    """Build the shape, time ``repeat`` cold analyses (after one untimed run that compiles the dependencies) and
    print each and their median; return the median in seconds."""
    from shapes import warm_runs  # benchmarks/ is on sys.path when bench.py runs as a script

    with tempfile.TemporaryDirectory(prefix="mp-precheck-hugepage-") as tmp:
        workdir = Path(tmp)
        pycache = workdir / "pycache"
        compile_sources(src, pycache)
        base, head = build(workdir / "app")
        lines = huge_page(share=True).count("\n")
        args = [sys.executable, "-m", "mp_precheck", "diff", "--repo", str(workdir / "app"), "--base", base,
                "--head", head, "--format", "json", "--quiet", "--output", str(workdir / "report.json")]
        env = python_env(src, pycache)
        times, cpu = warm_runs(args, env, repeat, "huge page")
    median = statistics.median(times)
    print(f"one huge page ({lines:,}-line .vue, 6-line change): {median:.3f} s cold (median of {repeat}), "
          f"{statistics.median(cpu):.3f} s CPU; target < {TARGET_SECONDS:.0f} s: "
          f"{'MET' if median < TARGET_SECONDS else 'MISSED'}")
    return median
