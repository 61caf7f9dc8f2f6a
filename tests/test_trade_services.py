"""Services between users that need their own category (readers/textsignals.py): a market where users sell their
used goods to each other (``category.secondhand_trade``) and errand running for other users
(``category.errand_delivery``). Each on a small real repository, with the shop wording that must stay silent and
the configured category that lowers the finding."""

from __future__ import annotations

from conftest import minimal_app
from helpers import found, run

APP_JSON = '{"pages": ["pages/index/index", "pages/me/me", "pages/added/added"]}\n'
PUBLISH_FORM = ("<view>\n<view>发布闲置</view>\n<input placeholder=\"商品标题\" bindinput=\"onTitle\"/>\n"
                "<input type=\"digit\" placeholder=\"价格\" bindinput=\"onPrice\"/>\n"
                "<button bindtap=\"choosePictures\">添加图片</button>\n"
                "<input placeholder=\"联系方式\" bindinput=\"onContact\"/>\n"
                "<button bindtap=\"submit\">发布</button>\n</view>\n")
PUBLISH_JS = ("Page({\n  data: { pictures: [] },\n"
              "  choosePictures() { wx.chooseMedia({ count: 9, mediaType: ['image'] }) },\n"
              "  submit() { wx.request({ url: 'https://api.example.com/goods', method: 'POST', data: this.data }) }\n"
              "})\n")
ERRAND_WXML = ("<view>\n<view>校园跑腿</view>\n<input placeholder=\"取件地址\" bindinput=\"onFrom\"/>\n"
               "<input placeholder=\"送达地址\" bindinput=\"onTo\"/>\n<view>代取快递</view>\n"
               "<input type=\"digit\" placeholder=\"跑腿费\" bindinput=\"onFee\"/>\n"
               "<button bindtap=\"order\">立即下单</button>\n</view>\n")
ORDER_JS = ("Page({\n  order() { wx.request({ url: 'https://api.example.com/orders', method: 'POST', data: this.data }) }\n"
            "})\n")


def _category(report, severity: str | None = None):
    return {(f.rule, f.path) for f in report.findings if f.rule in ("category.secondhand_trade", "category.errand_delivery")
            and (severity is None or f.severity == severity)}


def _added_page(tmp_path, title, wxml, js="Page({})\n", config=None):
    """The report of a change adding a page with ``title``, markup ``wxml`` and script ``js`` to a small app
    (with ``.mp-precheck.yml`` ``config`` at base when given)."""
    app_repo, base = minimal_app(tmp_path / "repo", {".mp-precheck.yml": config} if config else None)
    app_repo.write_files({"app.json": APP_JSON, "pages/added/added.js": js,
                          "pages/added/added.json": f'{{\n  "navigationBarTitleText": "{title}"\n}}\n',
                          "pages/added/added.wxml": wxml})
    app_repo.commit("a page")
    return run(app_repo.path, base)


def test_a_page_titled_as_a_used_goods_market_with_a_publish_form_is_told(tmp_path):
    report = _added_page(tmp_path, "二手市场", PUBLISH_FORM.replace("发布闲置", "填写商品信息"), PUBLISH_JS)
    assert ("category.secondhand_trade", "pages/added/added.json", 2, "app") in found(report)
    assert _category(report, "medium") == {("category.secondhand_trade", "pages/added/added.json")}


def test_publishing_used_goods_is_told_once_at_the_pages_markup(tmp_path):
    report = _added_page(tmp_path, "二手市场", PUBLISH_FORM, PUBLISH_JS)
    assert ("category.secondhand_trade", "pages/added/added.wxml", 2, "app") in found(report)
    assert _category(report) == {("category.secondhand_trade", "pages/added/added.wxml")}


def test_an_errand_order_page_is_told(tmp_path):
    report = _added_page(tmp_path, "下单", ERRAND_WXML, ORDER_JS)
    assert _category(report, "medium") == {("category.errand_delivery", "pages/added/added.wxml")}
    assert ("category.errand_delivery", "pages/added/added.wxml", 2, "app") in found(report)


def test_a_shops_delivery_fee_and_parcel_tracking_are_no_errand_service(tmp_path):
    wxml = ("<view>\n<view>配送费：¥5</view>\n<view>本店支持同城配送，满99元免配送费</view>\n"
            "<view>快递公司：{{order.company}}</view>\n<view>快递单号：{{order.trackingNo}}</view>\n"
            "<button bindtap=\"track\">查看物流</button>\n</view>\n")
    report = _added_page(tmp_path, "订单详情", wxml,
                         "Page({\n  track() { wx.navigateTo({ url: '/pages/me/me' }) }\n})\n")
    assert _category(report) == set()


def test_second_hand_in_an_article_is_no_market(tmp_path):
    wxml = ("<view>\n<view>旧书的故事</view>\n<text>这本二手书陪伴了我整个大学时光，书页里还夹着前主人的书签。</text>\n"
            "<text>二手烟同样危害健康。</text>\n</view>\n")
    report = _added_page(tmp_path, "阅读", wxml)
    assert _category(report) == set()


def test_a_declared_category_lowers_both_services(tmp_path):
    config = "categories: [电商平台 > 电商平台, 快递业与邮政 > 快递、物流]\n"
    market = _added_page(tmp_path / "market", "二手市场", PUBLISH_FORM, PUBLISH_JS, config)
    errand = _added_page(tmp_path / "errand", "下单", ERRAND_WXML, ORDER_JS, config)
    assert _category(market) and _category(market) == _category(market, "info")
    assert _category(errand) and _category(errand) == _category(errand, "info")


def test_an_unrelated_category_keeps_them(tmp_path):
    config = "categories: [工具 > 信息查询]\n"
    report = _added_page(tmp_path, "二手市场", PUBLISH_FORM, PUBLISH_JS, config)
    assert _category(report) and _category(report) == _category(report, "medium")
