"""Benchmark mp-precheck on synthetic native WeChat Mini Program repositories.

For each size N (pages), the script builds a git repository in a temporary folder with ``git
fast-import``: a README-only first commit, then an app of N pages whose .js/.wxml/.json/.wxss come
from a seeded generator (fixed seed, so every run builds the same repositories), then three feature
commits. It analyses four ranges, each in a fresh subprocess of this Python so that peak memory is
the analysis's own, and times ``git diff --raw`` over the same range as the floor no tool can beat.

Usage::

    python benchmarks/bench.py                       # 500 and 2,000 pages
    python benchmarks/bench.py --pages 2000          # one size
    python benchmarks/bench.py --sizes 500,2000,10000 --repeat 1 --out results.json
    python benchmarks/bench.py --shapes --real-import /path/to/repo.git:COMMIT   # see shapes.py
    python benchmarks/bench.py --huge-page --repeat 1   # a 6-line change beside one 15,000-line .vue page
    python benchmarks/bench.py --cloud-vendor --repeat 1   # an import with 20,000 files of cloud-function node_modules
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import posixpath
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from string import Template

SEED = 42
DEFAULT_SIZES = (500, 2000)
MIN_PAGES = 80  # the 50-file change needs 50 pages without a risky feature
SRC_DIR = Path(__file__).resolve().parents[1] / "src"
MP_ROOT = "miniprogram"

# Share of pages carrying each risky feature; the groups are disjoint so the shares are exact.
SHARES: dict[str, float] = {"privacy": 0.08, "payment": 0.03, "web_view": 0.02, "phone": 0.05}
PRIVACY_APIS = ("wx.getLocation", "wx.chooseImage", "wx.chooseAddress")
SUBPACKAGE_SHARE = 0.3
SUBPACKAGES = ("packageMall", "packageMember", "packageOrder", "packageActivity", "packageService",
               "packageContent")

API_HOST = "https://api.bench-shop.example.com"
CDN_HOST = "https://cdn.bench-shop.example.com"
H5_HOST = "https://h5.bench-shop.example.com"
DIRECT_HOSTS = (API_HOST, "https://search.bench-shop.example.com", "https://m.bench-partner.example.net",
                "https://log.bench-analytics.example.com")
NEW_HOST = "https://open.new-partner.example.cn"

NOUN_CN = {"order": "订单", "goods": "商品", "coupon": "优惠券", "member": "会员", "address": "收货地址",
           "shop": "门店", "cart": "购物车", "review": "评价", "article": "资讯", "activity": "活动",
           "ticket": "票券", "invoice": "发票", "points": "积分", "refund": "售后", "course": "课程",
           "booking": "预约", "message": "消息", "profile": "个人资料", "wallet": "钱包", "gift": "礼品卡"}
SUFFIX_CN = {"list": "列表", "detail": "详情", "edit": "编辑", "center": "中心", "search": "搜索",
             "result": "结果", "setting": "设置", "history": "记录", "share": "分享", "confirm": "确认"}
CN_PHRASES = ("加载中…", "网络异常，请稍后再试", "提交成功", "暂无数据", "确定要删除吗？", "已复制到剪贴板",
              "请输入关键词", "保存成功", "操作过于频繁", "登录已过期，请重新登录", "库存不足", "已领取",
              "活动已结束", "请选择规格", "感谢您的反馈", "去逛逛", "查看全部", "限时优惠", "新人专享",
              "距离结束还剩", "共计", "件商品", "下拉刷新", "没有更多了", "请填写完整信息", "手机号格式不正确",
              "正在为您跳转", "分享给好友", "已加入购物车", "立即使用")
FORM_LABELS = ("姓名", "手机号", "备注", "标题", "数量", "地址", "邮箱", "昵称")
VERBS = ("load", "fetch", "submit", "toggle", "select", "refresh", "open", "close", "confirm", "cancel",
         "share", "copy", "preview", "update", "remove", "apply", "check", "sort", "filter", "save")
FIELD_KINDS = {"keyword": "string", "total": "number", "current": "number", "activeTab": "number",
               "showPopup": "bool", "form": "object", "userInfo": "object", "banner": "list",
               "status": "string", "selectedId": "string", "hasMore": "bool", "remark": "string",
               "price": "number", "count": "number", "tags": "list", "filters": "list", "sortBy": "string",
               "tabs": "list", "detail": "object", "groups": "list"}
PALETTE = ("#ff6a00", "#07c160", "#333333", "#999999", "#f6f6f6", "#1989fa", "#ee0a24", "#ffffff")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "mp-precheck bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "mp-precheck bench", "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_AUTHOR_DATE": "2024-01-01T10:00:00+08:00", "GIT_COMMITTER_DATE": "2024-01-01T10:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}

# ---------------------------------------------------------------------------------------------------
# Page code templates (string.Template: ``$name``; the JS avoids template literals so ``$`` is free).

METHOD_TEMPLATES = (
    Template("""\
  $name() {
    this.setData({ loading: true });
    return request({ url: '$path', data: { page: this.data.page, size: $size } })
      .then((res) => this.setData({ list: (res && res.list) || [], loading: false }))
      .catch((err) => {
        this.setData({ loading: false });
        showError(err);
      });
  }"""),
    Template("""\
  $name() {
    wx.request({
      url: '$host/v$version$path',
      method: '$method',
      data: { id: this.data.$field, ts: Date.now() },
      success: (res) => {
        if (res.statusCode === 200) this.setData({ $field: res.data });
      },
      fail: () => wx.showToast({ title: '$cn', icon: 'none' })
    });
  }"""),
    Template("""\
  $name(e) {
    const { id } = e.currentTarget.dataset;
    const next = this.data.list.map((item) => (item.id === id ? { ...item, checked: !item.checked } : item));
    this.setData({ list: next, total: next.filter((item) => item.checked).length });
  }"""),
    Template("""\
  $name() {
    wx.navigateTo({ url: '/$peer?from=$key&id=' + this.data.$field });
  }"""),
    Template("""\
  $name() {
    const cached = wx.getStorageSync('$key') || {};
    this.setData({ $field: cached.$field || '$cn' });
    wx.setStorageSync('$key', Object.assign({}, cached, { updatedAt: Date.now() }));
  }"""),
    Template("""\
  $name(list) {
    const groups = {};
    (list || this.data.list).forEach((item) => {
      const key = item.$groupkey || '$cn';
      (groups[key] = groups[key] || []).push(item);
    });
    this.setData({ groups: Object.keys(groups).map((title) => ({ title, items: groups[title] })) });
  }"""),
    Template("""\
  $name() {
    wx.showModal({
      title: '$cn',
      content: '$cn2',
      success: (res) => {
        if (res.confirm) this.$other();
      }
    });
  }"""),
    Template("""\
  $name(e) {
    const value = (e.detail.value || '').trim();
    if (value.length > $size) {
      wx.showToast({ title: '$cn', icon: 'none' });
      return;
    }
    this.setData({ 'form.$sub': value, remark: '$cn2' });
  }"""),
    Template("""\
  $name() {
    const price = formatPrice(this.data.list.reduce((sum, item) => sum + (item.price || 0) * (item.count || 1), 0));
    this.setData({ summary: '$cn' + price, updatedAt: formatTime(new Date()) });
  }"""),
)

LIFECYCLE_TEMPLATES = {
    "onShow": Template("""\
  onShow() {
    wx.setNavigationBarTitle({ title: '$title' });
  }"""),
    "onPullDownRefresh": Template("""\
  onPullDownRefresh() {
    this.setData({ page: 1 });
    Promise.resolve(this.$first()).then(() => wx.stopPullDownRefresh());
  }"""),
    "onReachBottom": Template("""\
  onReachBottom() {
    if (this.data.loading) return;
    this.setData({ page: this.data.page + 1 });
    this.$first();
  }"""),
    "onShareAppMessage": Template("""\
  onShareAppMessage() {
    return { title: '$cn', path: '/$route' };
  }"""),
}

FEATURE_METHODS = {
    "wx.getLocation": Template("""\
  onLocate() {
    wx.getLocation({
      type: 'gcj02',
      success: ({ latitude, longitude }) => {
        this.setData({ latitude, longitude });
        request({ url: '/shops/nearby', data: { latitude, longitude } })
          .then((res) => this.setData({ shops: res.list }));
      },
      fail: () => wx.showToast({ title: '定位失败，请在设置中开启位置权限', icon: 'none' })
    });
  }"""),
    "wx.chooseImage": Template("""\
  onChooseImage() {
    wx.chooseImage({
      count: $size,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) => this.setData({ images: (this.data.images || []).concat(res.tempFilePaths) })
    });
  }"""),
    "wx.chooseAddress": Template("""\
  onChooseAddress() {
    wx.chooseAddress({
      success: (addr) => this.setData({
        address: {
          name: addr.userName,
          phone: addr.telNumber,
          detail: addr.provinceName + addr.cityName + addr.detailInfo
        }
      })
    });
  }"""),
    "payment": Template("""\
  onPay() {
    request({ url: '/pay/prepay', method: 'POST', data: { orderId: this.data.$field } })
      .then((params) => wx.requestPayment({
        timeStamp: params.timeStamp,
        nonceStr: params.nonceStr,
        package: params.package,
        signType: 'RSA',
        paySign: params.paySign,
        success: () => wx.redirectTo({ url: '/$peer?paid=1' }),
        fail: () => wx.showToast({ title: '支付已取消', icon: 'none' })
      }))
      .catch(showError);
  }"""),
    "phone": Template("""\
  onGetPhoneNumber(e) {
    if (!e.detail.code) {
      wx.showToast({ title: '需要授权手机号才能继续', icon: 'none' });
      return;
    }
    request({ url: '/user/phone', method: 'POST', data: { code: e.detail.code } })
      .then((res) => this.setData({ phone: res.phoneNumber }))
      .catch(showError);
  }"""),
}

MARKUP_TEMPLATES = (
    Template("""\
<view class="header">
  <text class="header__title">$title</text>
  <text class="header__sub">$cn</text>
</view>"""),
    Template("""\
<view class="tabs">
  <view class="tabs__item {{activeTab === index ? 'tabs__item--active' : ''}}"
        wx:for="{{tabs}}" wx:key="*this" data-index="{{index}}" bindtap="$handler">{{item}}</view>
</view>"""),
    Template("""\
<view class="list" wx:if="{{list.length}}">
  <view class="card" wx:for="{{list}}" wx:key="id" data-id="{{item.id}}" bindtap="$handler">
    <image class="card__cover" src="{{item.cover}}" mode="aspectFill" lazy-load />
    <view class="card__body">
      <text class="card__title">{{item.title}}</text>
      <text class="card__meta">$cn{{item.$attr}}</text>
    </view>
  </view>
</view>
<view class="empty" wx:else>
  <image class="empty__image" src="$cdn/illustrations/empty-$n.png" mode="widthFix" />
  <text>$cn2</text>
</view>"""),
    Template("""\
<view class="form">
  <view class="form__row">
    <text class="form__label">$label</text>
    <input class="form__input" placeholder="$cn" value="{{form.$sub}}" bindinput="$handler" />
  </view>
</view>"""),
    Template("""\
<swiper class="banner" indicator-dots autoplay circular wx:if="{{banner.length}}">
  <swiper-item wx:for="{{banner}}" wx:key="id">
    <image class="banner__image" src="{{item.image}}" mode="aspectFill" data-url="{{item.url}}" bindtap="$handler" />
  </swiper-item>
</swiper>"""),
    Template("""\
<view class="footer">
  <button class="btn btn--primary" loading="{{loading}}" bindtap="$handler">$cn</button>
</view>"""),
)
PHONE_BUTTON = ('<button class="btn btn--phone" open-type="getPhoneNumber" '
                'bindgetphonenumber="onGetPhoneNumber">手机号快捷登录</button>')
WEB_VIEW = Template('<web-view src="$h5/activity/$n?from=mp" bindmessage="onMessage"></web-view>\n')
CLASS_NAMES = ("page", "header", "header__title", "header__sub", "tabs", "tabs__item", "tabs__item--active",
               "list", "card", "card__cover", "card__body", "card__title", "card__meta", "empty", "form",
               "form__row", "form__label", "form__input", "banner", "footer", "btn", "btn--primary")


# ---------------------------------------------------------------------------------------------------
# The synthetic app


@dataclass(frozen=True)
class PageSpec:
    """One page: its route (relative to the Mini Program root), risky feature, peers and own seed."""

    route: str
    feature: str | None
    peers: tuple[str, ...]
    seed: int

    @property
    def title(self) -> str:
        """The page's Chinese title, from the noun and suffix of its name."""
        noun, suffix = posixpath.basename(self.route).split("-")[:2]
        return NOUN_CN[noun] + SUFFIX_CN[suffix]


@dataclass
class App:
    """A Mini Program as a path → text map (repository-relative paths) plus the page plan."""

    pages: list[PageSpec]
    files: dict[str, str] = field(default_factory=dict)


def plan_pages(count: int, rng: random.Random) -> list[PageSpec]:
    """Routes, features (exact shares, disjoint groups), peers and seeds of ``count`` pages."""
    nouns, suffixes = list(NOUN_CN), list(SUFFIX_CN)
    routes = []
    for i in range(count):
        name = f"{rng.choice(nouns)}-{rng.choice(suffixes)}-{i:05d}"
        folder = rng.choice(SUBPACKAGES) + "/pages" if rng.random() < SUBPACKAGE_SHARE else "pages"
        routes.append(f"{folder}/{name}/{name}")
    features = _assign_features(count, rng)
    return [PageSpec(route, features.get(i), tuple(rng.sample(routes, 3)), rng.randrange(2**32))
            for i, route in enumerate(routes)]


def _assign_features(count: int, rng: random.Random) -> dict[int, str]:
    """Page index → feature; privacy pages cycle through ``PRIVACY_APIS``."""
    order = list(range(count))
    rng.shuffle(order)
    out: dict[int, str] = {}
    start = 0
    for feature, share in SHARES.items():
        chosen = order[start:start + round(count * share)]
        start += len(chosen)
        for n, index in enumerate(chosen):
            out[index] = PRIVACY_APIS[n % len(PRIVACY_APIS)] if feature == "privacy" else feature
    return out


def _words(rng: random.Random) -> dict[str, str]:
    """Random fillers shared by every template (templates ignore the keys they do not use)."""
    return {
        "cn": rng.choice(CN_PHRASES), "cn2": rng.choice(CN_PHRASES), "size": str(rng.choice((3, 9, 10, 20, 30))),
        "path": f"/{rng.choice(list(NOUN_CN))}/{rng.choice(VERBS)}", "host": rng.choice(DIRECT_HOSTS),
        "version": str(rng.randint(1, 3)), "method": rng.choice(("GET", "POST")),
        "key": f"{rng.choice(list(NOUN_CN))}_{rng.choice(('cache', 'draft', 'filter', 'history'))}",
        "groupkey": rng.choice(("status", "category", "date", "type")),
        "sub": rng.choice(("name", "phone", "remark", "title")), "label": rng.choice(FORM_LABELS),
        "attr": rng.choice(("price", "status", "time", "count")), "n": str(rng.randint(1, 99)),
        "cdn": CDN_HOST, "h5": H5_HOST,
    }


class PageWriter:
    """Renders one page's four files from the page's own seeded generator."""

    def __init__(self, spec: PageSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        extra = self.rng.sample(sorted(FIELD_KINDS), self.rng.randint(2, 8))
        self.fields = ["list", "loading", "page", *extra]
        self.methods = self._method_names()

    def _method_names(self) -> list[str]:
        """5–25 distinct method names: onLoad, some lifecycle hooks, then handlers."""
        total = self.rng.randint(5, 25) - (self.spec.feature is not None)
        hooks = [h for h in LIFECYCLE_TEMPLATES if self.rng.random() < 0.5][:total - 3]
        names: list[str] = []
        while len(names) < total - 1 - len(hooks):
            name = self.rng.choice(VERBS) + self.rng.choice(list(NOUN_CN)).capitalize()
            if name not in names:
                names.append(name)
        return ["onLoad", *hooks, *names]

    def files(self) -> dict[str, str]:
        """Path (under the Mini Program root) → text of the page's .js, .wxml, .json and .wxss."""
        return {f"{self.spec.route}.js": self.js(), f"{self.spec.route}.wxml": self.wxml(),
                f"{self.spec.route}.json": self.json(), f"{self.spec.route}.wxss": self.wxss()}

    def js(self) -> str:
        """The page logic: imports, data and methods."""
        utils = posixpath.relpath("utils", posixpath.dirname(self.spec.route))
        header = (f"const {{ request, showError }} = require('{utils}/request');\n"
                  f"const {{ formatPrice, formatTime }} = require('{utils}/format');\n\n")
        bodies = [self._method(name) for name in self.methods]
        if self.spec.feature is not None:
            bodies.append(self._feature_method(self.spec.feature))
        return header + "Page({\n  data: {\n" + self._data() + "\n  },\n\n" + ",\n\n".join(bodies) + "\n});\n"

    def _data(self) -> str:
        kinds = {"list": "list", "loading": "bool", "page": "number", **FIELD_KINDS}
        return ",\n".join(f"    {name}: {self._initial(kinds[name])}" for name in self.fields)

    def _initial(self, kind: str) -> str:
        """A JS initial value for a data field of ``kind``."""
        if kind == "string":
            return "'" + self.rng.choice(CN_PHRASES) + "'"
        if kind == "number":
            return str(self.rng.randint(0, 9))
        if kind == "bool":
            return self.rng.choice(("true", "false"))
        return "{}" if kind == "object" else "[]"

    def _method(self, name: str) -> str:
        words = _words(self.rng) | {"name": name, "title": self.spec.title, "route": self.spec.route,
                                    "first": self.methods[-1], "other": self.rng.choice(self.methods),
                                    "field": self.rng.choice(self.fields[3:] or ["page"]),
                                    "peer": self.rng.choice(self.spec.peers)}
        if name == "onLoad":
            return (f"  onLoad(options) {{\n    this.setData({{ selectedId: options.id || '' }});\n"
                    f"    this.{self.methods[-1]}();\n  }}")
        template = LIFECYCLE_TEMPLATES.get(name) or self.rng.choice(METHOD_TEMPLATES)
        return template.substitute(words)

    def _feature_method(self, feature: str) -> str:
        template = FEATURE_METHODS.get(feature)
        if template is None:  # web-view: the page's logic listens to the H5's messages
            return "  onMessage(e) {\n    this.setData({ h5Message: e.detail.data });\n  }"
        words = _words(self.rng) | {"field": "selectedId", "peer": self.rng.choice(self.spec.peers)}
        return template.substitute(words)

    def wxml(self) -> str:
        """The page markup: 2–5 blocks (header, tabs, lists, forms…), or a lone web-view."""
        if self.spec.feature == "web_view":
            return WEB_VIEW.substitute(_words(self.rng))
        blocks = [self.rng.choice(MARKUP_TEMPLATES).substitute(
            _words(self.rng) | {"title": self.spec.title, "handler": self.rng.choice(self.methods[1:])})
            for _ in range(self.rng.randint(2, 5))]
        if self.spec.feature == "phone":
            blocks.append(PHONE_BUTTON)
        noun = posixpath.basename(self.spec.route).split("-")[0]
        return f'<view class="page page--{noun}">\n' + textwrap.indent("\n".join(blocks), "  ") + "\n</view>\n"

    def json(self) -> str:
        """The page configuration."""
        config: dict[str, object] = {"navigationBarTitleText": self.spec.title, "usingComponents": {}}
        if self.rng.random() < 0.4:
            config["enablePullDownRefresh"] = True
        if self.rng.random() < 0.3:
            config["backgroundColor"] = self.rng.choice(PALETTE)
        return json.dumps(config, ensure_ascii=False, indent=2) + "\n"

    def wxss(self) -> str:
        """3–10 style rules over the classes the templates use."""
        return "".join(_style_rule(self.rng, name) for name in self.rng.sample(CLASS_NAMES, self.rng.randint(3, 10)))


def _style_rule(rng: random.Random, class_name: str) -> str:
    props = [f"padding: {rng.choice((8, 16, 24, 32))}rpx {rng.choice((16, 24, 32))}rpx;",
             f"color: {rng.choice(PALETTE)};", f"font-size: {rng.choice((24, 26, 28, 32, 36))}rpx;",
             f"background: {rng.choice(PALETTE)};", f"border-radius: {rng.choice((4, 8, 12, 16))}rpx;",
             "display: flex;", "align-items: center;", f"margin-bottom: {rng.choice((8, 16, 24))}rpx;"]
    chosen = rng.sample(props, rng.randint(2, 5))
    return f".{class_name} {{\n" + "".join(f"  {p}\n" for p in chosen) + "}\n\n"


# ---------------------------------------------------------------------------------------------------
# App-level files


def app_files(pages: Sequence[PageSpec]) -> dict[str, str]:
    """project.config.json, README and the Mini Program's app.*, sitemap and utils/ (repository paths)."""
    root = {"README.md": "# 邻里商城（基准测试用合成小程序）\n",
            "project.config.json": json.dumps(_project_config(), ensure_ascii=False, indent=2) + "\n"}
    inner = {"app.json": json.dumps(_app_json(pages), ensure_ascii=False, indent=2) + "\n",
             "app.js": APP_JS, "app.wxss": ".page {\n  min-height: 100vh;\n  background: #f6f6f6;\n}\n",
             "sitemap.json": '{\n  "rules": [{ "action": "allow", "page": "*" }]\n}\n', **UTILS}
    return root | {f"{MP_ROOT}/{path}": text for path, text in inner.items()}


def _project_config() -> dict[str, object]:
    return {"description": "邻里商城：基准测试用合成小程序", "projectname": "bench-mall", "appid": "wx00000000bench000",
            "compileType": "miniprogram", "miniprogramRoot": f"{MP_ROOT}/", "libVersion": "3.4.0",
            "setting": {"urlCheck": True, "es6": True, "enhance": True, "minified": True}}


def _app_json(pages: Sequence[PageSpec]) -> dict[str, object]:
    main = [p.route for p in pages if p.route.startswith("pages/")]
    packages: dict[str, list[str]] = {}
    for page in pages:
        root, _, rest = page.route.partition("/")
        if root != "pages":
            packages.setdefault(root, []).append(rest)
    return {
        "pages": main,
        "subPackages": [{"root": root, "pages": routes} for root, routes in sorted(packages.items())],
        "window": {"navigationBarTitleText": "邻里商城", "navigationBarBackgroundColor": "#ffffff",
                   "navigationBarTextStyle": "black", "backgroundColor": "#f6f6f6"},
        "tabBar": {"list": [{"pagePath": route, "text": text}
                            for route, text in zip(main[:4], ("首页", "分类", "购物车", "我的"), strict=False)]},
        "requiredPrivateInfos": ["getLocation", "chooseAddress"],
        "permission": {"scope.userLocation": {"desc": "用于为您推荐附近的门店"}},
        "style": "v2", "lazyCodeLoading": "requiredComponents", "sitemapLocation": "sitemap.json",
    }


APP_JS = """\
const { request } = require('./utils/request');
const { login } = require('./utils/auth');

App({
  globalData: { userInfo: null, systemInfo: null },

  onLaunch() {
    this.globalData.systemInfo = wx.getWindowInfo();
    login().then(() => request({ url: '/config/bootstrap' })).then((config) => {
      this.globalData.config = config;
    });
  }
});
"""

UTILS = {
    "utils/request.js": """\
const BASE_URL = 'https://api.bench-shop.example.com';

// 接口请求封装：拼接域名、携带登录态、统一处理错误码
function request({ url, method = 'GET', data = {} }) {
  const token = wx.getStorageSync('token');
  return new Promise((resolve, reject) => {
    wx.request({
      url: BASE_URL + url,
      method,
      data,
      header: token ? { Authorization: 'Bearer ' + token } : {},
      success: (res) => {
        const body = res.data || {};
        if (body.code === 0) resolve(body.data);
        else reject(new Error(body.msg || '请求失败'));
      },
      fail: () => reject(new Error('网络异常，请稍后再试'))
    });
  });
}

function showError(err) {
  wx.showToast({ title: (err && err.message) || '出错了', icon: 'none' });
}

module.exports = { BASE_URL, request, showError };
""",
    "utils/format.js": """\
function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

function formatTime(date) {
  const day = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())].join('-');
  return day + ' ' + pad(date.getHours()) + ':' + pad(date.getMinutes());
}

function formatPrice(fen) {
  return (Number(fen || 0) / 100).toFixed(2);
}

module.exports = { formatTime, formatPrice };
""",
    "utils/auth.js": """\
const { request } = require('./request');

function login() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: ({ code }) => request({ url: '/auth/login', method: 'POST', data: { code } })
        .then((res) => {
          wx.setStorageSync('token', res.token);
          resolve(res);
        })
        .catch(reject),
      fail: reject
    });
  });
}

module.exports = { login };
""",
    "utils/track.js": """\
// 埋点上报：失败静默
function track(event, props) {
  wx.request({
    url: 'https://log.bench-analytics.example.com/collect',
    method: 'POST',
    data: { event, props, ts: Date.now() }
  });
}

module.exports = { track };
""",
}


def build_app(count: int) -> App:
    """The base app of ``count`` pages, generated from ``SEED``."""
    pages = plan_pages(count, random.Random(SEED))
    app = App(pages, app_files(pages))
    for page in pages:
        app.files.update({f"{MP_ROOT}/{path}": text for path, text in PageWriter(page).files().items()})
    return app


def feature_shares(app: App) -> str:
    """A one-line account of how many pages carry each risky feature or a literal-host wx.request."""
    pages = app.pages
    counts = Counter(p.feature for p in pages if p.feature)
    direct = sum("wx.request(" in app.files[f"{MP_ROOT}/{p.route}.js"] for p in pages)
    privacy = sum(counts[a] for a in PRIVACY_APIS)
    sub = sum(not p.route.startswith("pages/") for p in pages)

    def pct(n: int) -> str:
        return f"{n} ({100 * n / len(pages):.1f}%)"

    apis = ", ".join(f"{a} {counts[a]}" for a in PRIVACY_APIS)
    return (f"{len(pages)} pages: privacy APIs {pct(privacy)} [{apis}], wx.requestPayment {pct(counts['payment'])}, "
            f"web-view {pct(counts['web_view'])}, open-type=getPhoneNumber {pct(counts['phone'])}; "
            f"wx.request to a literal host {pct(direct)}; in subpackages {pct(sub)}")


# ---------------------------------------------------------------------------------------------------
# The change commits


def add_method(js: str, method: str) -> str:
    """``js`` with ``method`` appended as the last member of its ``Page({...})`` object."""
    end = js.rstrip().rfind("});")
    return js[:end].rstrip() + ",\n\n" + method + "\n});\n"


def _plain_pages(app: App, rng: random.Random, count: int) -> list[PageSpec]:
    """``count`` random pages that carry no risky feature."""
    return rng.sample([p for p in app.pages if p.feature is None], count)


def _new_method(rng: random.Random, name: str) -> str:
    """A fresh handler: a wrapped request, then ``setData``."""
    return METHOD_TEMPLATES[0].substitute(_words(rng) | {"name": name})


def feature_change(app: App, rng: random.Random) -> dict[str, str]:
    """10 files: 8 edited page .js (one new wx.chooseImage, one new host) and 2 new pages (.js only).

    The new pages are their logic files only, so that the change is exactly 10 files.
    """
    edited = _plain_pages(app, rng, 8)
    out: dict[str, str] = {}
    for n, page in enumerate(edited):
        path = f"{MP_ROOT}/{page.route}.js"
        if n == 0:
            method = FEATURE_METHODS["wx.chooseImage"].substitute(_words(rng))
        elif n == 1:
            method = METHOD_TEMPLATES[1].substitute(_words(rng) | {"name": "syncPartnerCoupons", "host": NEW_HOST,
                                                                   "field": "list"})
        else:
            method = _new_method(rng, f"loadMore{n}")
        out[path] = add_method(app.files[path], method)
    for n, feature in enumerate(("wx.getLocation", None)):
        name = f"shop-{'detail' if feature else 'list'}-new{n}"
        spec = PageSpec(f"pages/{name}/{name}", feature, (app.pages[0].route,), rng.randrange(2**32))
        out[f"{MP_ROOT}/{spec.route}.js"] = PageWriter(spec).js()
    return out


def one_file_change(app: App, rng: random.Random) -> dict[str, str]:
    """1 file: a page .js gains a handler that requests through the wrapper."""
    page = _plain_pages(app, rng, 1)[0]
    path = f"{MP_ROOT}/{page.route}.js"
    return {path: add_method(app.files[path], _new_method(rng, "reloadSummary"))}


def fifty_file_change(app: App, rng: random.Random) -> dict[str, str]:
    """50 files of 50 pages: 20 .js (one adds wx.requestPayment, one wx.chooseAddress), 15 .wxml (one adds a
    getPhoneNumber button), 10 .wxss and 5 .json."""
    pages = _plain_pages(app, rng, 50)
    out: dict[str, str] = {}
    for n, page in enumerate(pages[:20]):
        path = f"{MP_ROOT}/{page.route}.js"
        feature = {0: "payment", 1: "wx.chooseAddress"}.get(n)
        words = _words(rng) | {"field": "selectedId", "peer": page.peers[0]}
        method = FEATURE_METHODS[feature].substitute(words) if feature else _new_method(rng, f"refreshBlock{n}")
        out[path] = add_method(app.files[path], method)
    for n, page in enumerate(pages[20:35]):
        path = f"{MP_ROOT}/{page.route}.wxml"
        block = PHONE_BUTTON if n == 0 else MARKUP_TEMPLATES[5].substitute(_words(rng) | {"handler": "onLoad"})
        out[path] = app.files[path] + block + "\n"
    for page in pages[35:45]:
        path = f"{MP_ROOT}/{page.route}.wxss"
        out[path] = app.files[path] + _style_rule(rng, "promo-badge")
    for page in pages[45:]:
        path = f"{MP_ROOT}/{page.route}.json"
        config = json.loads(app.files[path]) | {"navigationBarTitleText": page.title + "（新版）"}
        out[path] = json.dumps(config, ensure_ascii=False, indent=2) + "\n"
    return out


# ---------------------------------------------------------------------------------------------------
# git


def git_env() -> dict[str, str]:
    """The environment for every git call: fixed identity and dates, no system or global config."""
    return dict(os.environ, **GIT_ENV)


def python_env(src: Path, pycache: Path) -> dict[str, str]:
    """The environment of a timed Python process: ``src`` on the path, and bytecode written to and read from
    ``pycache`` (``PYTHONPYCACHEPREFIX``) even where ``PYTHONDONTWRITEBYTECODE`` is set, as an installed
    wheel or the Docker image has its ``.pyc`` files: without them every run would recompile ~100 modules."""
    env = git_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(src), os.environ.get("PYTHONPATH"))))
    return env


def compile_sources(src: Path, pycache: Path) -> None:
    """Byte-compile ``src`` into ``pycache`` before anything is timed (dependencies are compiled there by the
    first, untimed run)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], env=python_env(src, pycache), check=True,
                   stdout=subprocess.DEVNULL)


class FastImport:
    """Builds a ``git fast-import`` stream of commits on ``refs/heads/main``; blobs are inline."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.marks = 0
        self.clock = 1_704_074_400

    def commit(self, message: str, files: Mapping[str, str]) -> int:
        """Append a commit that writes ``files`` (path → text) on top of the previous one; return its mark."""
        self.marks += 1
        self.clock += 3600
        who = f"mp-precheck bench <bench@example.com> {self.clock} +0800"
        self.parts.append(f"commit refs/heads/main\nmark :{self.marks}\nauthor {who}\ncommitter {who}\n".encode())
        self._data(message.encode())
        for path, text in sorted(files.items()):
            self.parts.append(f"M 100644 inline {path}\n".encode())
            self._data(text.encode())
        self.parts.append(b"\n")
        return self.marks

    def _data(self, payload: bytes) -> None:
        self.parts.append(b"data %d\n" % len(payload))
        self.parts.append(payload + b"\n")

    def run(self, repo: Path) -> dict[int, str]:
        """Import the stream into ``repo`` (created here); return mark → commit id."""
        subprocess.run(["git", "init", "-q", str(repo)], check=True, env=git_env())
        subprocess.run(["git", "symbolic-ref", "HEAD", "refs/heads/main"], cwd=repo, check=True, env=git_env())
        marks_file = repo / ".git" / "bench-marks"
        subprocess.run(["git", "fast-import", "--quiet", f"--export-marks={marks_file}"], cwd=repo, check=True,
                       input=b"".join(self.parts), env=git_env())
        marks = dict(line.split() for line in marks_file.read_text().splitlines())
        return {int(mark[1:]): sha for mark, sha in marks.items()}


def build_repo(repo: Path, pages: int) -> tuple[dict[str, str], str]:
    """Create the benchmark repository; return commit name → id and the feature-share line."""
    app = build_app(pages)
    shares = feature_shares(app)
    rng = random.Random(SEED + 1)
    stream = FastImport()
    marks = {"init": stream.commit("init: README", {"README.md": "# 邻里商城\n"}),
             "app": stream.commit(f"app: {pages} pages", app.files)}
    for name, change in (("feature", feature_change), ("one", one_file_change), ("fifty", fifty_file_change)):
        files = change(app, rng)
        marks[name] = stream.commit(f"{name} change", files)
        app.files.update(files)
    ids = stream.run(repo)
    return {name: ids[mark] for name, mark in marks.items()}, shares


# ---------------------------------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Scenario:
    """A range to analyse, by commit name."""

    name: str
    base: str
    head: str


SCENARIOS = (Scenario("10-file change", "app", "feature"), Scenario("1-file change", "feature", "one"),
             Scenario("50-file change", "one", "fifty"), Scenario("whole history", "init", "fifty"))

CHILD = """\
import json, resource, sys, time
from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.catalog import load_catalog
from mp_precheck.facts.cache import FactCache
from mp_precheck.git.repo import GitRepo
start = time.perf_counter()
cache = FactCache(sys.argv[4]) if len(sys.argv) > 4 else None
report, store = analyze(GitRepo(sys.argv[1]), sys.argv[2], sys.argv[3], load_catalog(), RunOptions(language="en"),
                        cache)
if cache is not None:
    cache.close()
seconds = time.perf_counter() - start
# ru_maxrss survives fork+exec on Linux: it would report the bench driver's own peak, so prefer VmHWM,
# the high-water mark of this process image alone.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "seconds": seconds,
    "peak_kib": peak,
    "blobs_parsed": store.blobs_parsed,
    "findings": len(report.findings),
    "changed_files": report.changed_files,
}))
"""


@dataclass(frozen=True)
class Result:
    """One scenario at one size. ``seconds`` covers GitRepo + load_catalog + analyze; ``process_seconds``
    the whole subprocess (interpreter start and imports too); ``peak_mb`` is that process's peak RSS."""

    pages: int
    scenario: str
    changed_files: int
    seconds: float
    process_seconds: float
    peak_mb: float
    blobs_parsed: int
    findings: int
    git_diff_seconds: float


def analyse_in_subprocess(repo: Path, base: str, head: str, pycache: Path,
                          cache: Path | None = None) -> tuple[dict[str, float], float]:
    """Run the analysis in a fresh interpreter (with the on-disk fact ``cache`` when given, bytecode in
    ``pycache``); return its JSON measurements and the process wall time."""
    env = python_env(SRC_DIR, pycache)
    start = time.perf_counter()
    extra = [str(cache)] if cache is not None else []
    proc = subprocess.run([sys.executable, "-c", CHILD, str(repo), base, head, *extra], capture_output=True,
                          text=True, env=env, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"analysis failed:\n{proc.stderr}")
    measured: dict[str, float] = json.loads(proc.stdout)
    return measured, wall


def git_diff_floor(repo: Path, base: str, head: str, runs: int = 3) -> float:
    """Best wall time of ``git diff --raw base head`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["git", "diff", "--raw", base, head], cwd=repo, capture_output=True, check=True, env=git_env())
        times.append(time.perf_counter() - start)
    return min(times)


def measure(repo: Path, pages: int, commits: Mapping[str, str], scenario: Scenario, repeat: int,
            warm: bool = False) -> Result:
    """Analyse one scenario ``repeat`` times (median times, highest peak) and time its git floor.

    ``warm``: each run uses an on-disk fact cache that one earlier run of the same range has filled.
    """
    base, head = commits[scenario.base], commits[scenario.head]
    pycache = repo.parent / "pycache"
    if not pycache.exists():
        compile_sources(SRC_DIR, pycache)
        analyse_in_subprocess(repo, base, head, pycache)  # compiles the dependencies' bytecode; not timed
    runs = []
    for attempt in range(repeat):
        cache = None
        if warm:
            cache = repo.parent / f"cache-{pages}-{scenario.name.replace(' ', '-')}-{attempt}.sqlite"
            cache.unlink(missing_ok=True)
            analyse_in_subprocess(repo, base, head, pycache, cache)  # fills it
        runs.append(analyse_in_subprocess(repo, base, head, pycache, cache))
    data = runs[0][0]
    return Result(pages=pages, scenario=scenario.name + (" (warm cache)" if warm else " (cold)"),
                  changed_files=int(data["changed_files"]),
                  seconds=round(statistics.median(d["seconds"] for d, _ in runs), 3),
                  process_seconds=round(statistics.median(wall for _, wall in runs), 3),
                  peak_mb=round(max(d["peak_kib"] for d, _ in runs) / 1024, 1),
                  blobs_parsed=int(data["blobs_parsed"]), findings=int(data["findings"]),
                  git_diff_seconds=round(git_diff_floor(repo, base, head), 4))


def run_size(pages: int, workdir: Path, repeat: int) -> tuple[list[Result], str, float]:
    """Build the repository of ``pages`` pages and run every scenario; return results, shares, build seconds."""
    repo = workdir / f"app-{pages}"
    start = time.perf_counter()
    commits, shares = build_repo(repo, pages)
    built = time.perf_counter() - start
    print(f"[{pages} pages] built in {built:.1f} s; {shares}", flush=True)
    results = []
    for scenario in SCENARIOS:
        for warm in (False, True):
            result = measure(repo, pages, commits, scenario, repeat, warm)
            print(f"[{pages} pages] {result.scenario}: {result.process_seconds:.2f} s", flush=True)
            results.append(result)
    return results, shares, built


# ---------------------------------------------------------------------------------------------------
# Output

COLUMNS = (("pages", "pages"), ("scenario", "scenario"), ("files", "changed_files"), ("seconds", "seconds"),
           ("process s", "process_seconds"), ("peak MB", "peak_mb"),
           ("blobs parsed", "blobs_parsed"), ("findings", "findings"), ("git-diff floor s", "git_diff_seconds"))


def table(results: Sequence[Result]) -> str:
    """A Markdown table of the results."""
    rows = [[str(getattr(r, attr)) for _, attr in COLUMNS] for r in results]
    heads = [title for title, _ in COLUMNS]
    widths = [max(len(cell) for cell in column) for column in zip(heads, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(heads), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


# (pages, scenario as printed, limit seconds, limit MB): the targets of the engine and hardening issues.
TARGETS = (
    (2000, "10-file change (cold)", 2.0, 300.0),
    (10000, "50-file change (cold)", 3.0, 400.0),
    (10000, "50-file change (warm cache)", 1.0, 400.0),
)


def verdict(results: Sequence[Result]) -> str:
    """Whether each target holds, judged on the whole process time and the analysis's peak memory."""
    lines = []
    for pages, scenario, seconds, megabytes in TARGETS:
        name = f"{scenario} in {pages:,} pages < {seconds:g} s and < {megabytes:g} MB"
        hit = [r for r in results if r.pages == pages and r.scenario == scenario]
        if not hit:
            lines.append(f"target: {name}: not measured (run with --sizes including {pages})")
            continue
        r = hit[0]
        ok = r.process_seconds < seconds and r.peak_mb < megabytes
        lines.append(f"target: {name}: {'MET' if ok else 'MISSED'} ({r.process_seconds:.2f} s process, "
                     f"{r.peak_mb:.0f} MB peak)")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """What the numbers were measured on, and which mp-precheck revision was measured."""
    def out(*args: str) -> str:
        proc = subprocess.run(args, capture_output=True, text=True, check=False, cwd=SRC_DIR.parent)
        return proc.stdout.strip()

    dirty = " + uncommitted changes in src/" if out("git", "status", "--porcelain", "--", "src") else ""
    return {"nproc": str(os.cpu_count()), "python": platform.python_version(), "git": out("git", "--version"),
            "platform": platform.platform(), "mp_precheck": (out("git", "rev-parse", "--short", "HEAD") or "?") + dirty}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options; ``--sizes`` overrides ``--pages``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, help="one repository size (pages)")
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 500,2000,10000 (overrides --pages)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="analyses per scenario; times are medians, memory the highest peak (default 3)")
    parser.add_argument("--out", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--shapes", action="store_true",
                        help="time the small-PR and whole-app-import shapes against python, git diff -M and "
                             "semgrep instead of the sizes (see shapes.py)")
    parser.add_argument("--real-small", default=os.environ.get("MP_PRECHECK_BENCH_SMALL"), metavar="REPO:BASE..HEAD",
                        help="with --shapes: also a real small PR (default $MP_PRECHECK_BENCH_SMALL)")
    parser.add_argument("--real-import", default=os.environ.get("MP_PRECHECK_BENCH_IMPORT"), metavar="REPO:COMMIT",
                        help="with --shapes: also a real whole-app import of that commit's tree "
                             "(default $MP_PRECHECK_BENCH_IMPORT)")
    parser.add_argument("--semgrep", help="with --shapes: the semgrep to compare with (default: semgrep on PATH)")
    parser.add_argument("--real-only", action="store_true", help="with --shapes: skip the generated shapes")
    parser.add_argument("--huge-page", action="store_true",
                        help="time a small change in an app with one ~15,000-line .vue page instead (see hugepage.py)")
    parser.add_argument("--cloud-vendor", action="store_true",
                        help="time an import vendoring ~20,000 files of cloud-function node_modules (cloudvendor.py)")
    parser.add_argument("--src", type=Path, default=SRC_DIR,
                        help="the mp-precheck sources to time (default: this checkout's src/; e.g. an older "
                             "commit's checkout to compare before and after)")
    args = parser.parse_args(argv)
    if args.sizes:
        args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    else:
        args.size_list = [args.pages] if args.pages else list(DEFAULT_SIZES)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if min(args.size_list) < MIN_PAGES:
        parser.error(f"sizes must be at least {MIN_PAGES} pages")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build, measure, print the table and the target verdict; optionally write JSON."""
    args = parse_args(argv)
    host = machine()
    print("machine: " + "; ".join(f"{key} {value}" for key, value in host.items()), flush=True)
    if args.huge_page:
        from hugepage import run  # benchmarks/ is on sys.path when this file runs as a script

        run(args.repeat, args.src.resolve())
        return 0
    if args.cloud_vendor:
        from cloudvendor import run as run_cloud  # benchmarks/ is on sys.path when this file runs as a script

        run_cloud(args.repeat, args.src.resolve())
        return 0
    if args.shapes:
        from shapes import run_shapes  # benchmarks/ is on sys.path when this file runs as a script

        shaped = run_shapes(args.real_small, args.real_import, args.semgrep, args.repeat, args.src.resolve(),
                            generated=not args.real_only)
        if args.out:
            args.out.write_text(json.dumps({"machine": host, "shapes": [asdict(r) for r in shaped]},
                                           ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return 0
    results: list[Result] = []
    shares: dict[str, str] = {}
    builds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="mp-precheck-bench-") as tmp:
        for pages in args.size_list:
            size_results, shares[str(pages)], builds[str(pages)] = run_size(pages, Path(tmp), args.repeat)
            results.extend(size_results)
    print()
    print(table(results))
    print()
    print(verdict(results))
    if args.out:
        payload = {"targets": [list(t) for t in TARGETS], "verdict": verdict(results), "machine": host, "seed": SEED,
                   "shares": shares, "build_seconds": builds, "results": [asdict(r) for r in results]}
        args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
