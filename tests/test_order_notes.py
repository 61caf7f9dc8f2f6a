"""A note left with one's own order (analyzers/order_notes.py): a checkout form's 留言 / remark box whose text goes
with the order to the business is no user-published content — no ``upload.user_text``, no ``category.ugc`` —, told
by what the text is sent with (a call that makes an order, a payload with the goods, the address and the amount);
a 留言板 others read and a review of the order stay posts."""

from __future__ import annotations

from helpers import places, run

BOX = """<view class="page">
  <view class="goods">{{{{goods.title}}}} ¥{{{{total}}}}</view>
  <textarea placeholder="{hint}" value="{{{{{bound}}}}}" bindinput="onInput"></textarea>
  <button bindtap="submit">{button}</button>
</view>
"""
SCRIPT = """Page({{
  data: {{ goods: {{}}, total: 0, addressId: 0, {bound}: '' }},
  onInput(e) {{ this.setData({{ {bound}: e.detail.value }}) }},
  submit() {{
    const {{ goods, total, addressId, {bound} }} = this.data
    wx.request({{
      url: 'https://shop.example.com/api/{endpoint}',
      method: 'POST',
      data: {payload},
    }})
  }},
}})
"""
PAGE = "pages/confirm/confirm"


def _sent(app_repo, hint: str, bound: str, endpoint: str, payload: str, button: str = "提交") -> set:
    base = app_repo.commit("start")
    app_repo.write_files({"app.json": '{"pages": ["pages/index/index", "pages/confirm/confirm"]}\n',
                          f"{PAGE}.wxml": BOX.format(hint=hint, bound=bound, button=button),
                          f"{PAGE}.js": SCRIPT.format(bound=bound, endpoint=endpoint, payload=payload)})
    app_repo.commit("a form that sends its text box")
    report = run(app_repo.path, base)
    return {(rule, path) for rule, path, _line in places(report, "upload") | places(report, "category")
            if rule in ("upload.user_text", "category.ugc")}


POSTED = {("upload.user_text", f"{PAGE}.js"), ("category.ugc", f"{PAGE}.js")}


def test_a_buyers_message_sent_by_the_call_that_creates_the_order_is_no_post(app_repo):
    assert _sent(app_repo, "给商家留言", "remark", "order/create",
                 "{ goodsId: goods.id, addressId, remark }", button="提交订单") == set()


def test_a_note_sent_in_a_payload_of_goods_address_and_amount_is_no_post(app_repo):
    # the endpoint names no order; the payload it goes in is one, and the box calls itself a note
    assert _sent(app_repo, "给商家留言", "note", "trade/commit", "{ skuId: goods.sku, totalPrice: total, addressId, note }") \
        == set()


def test_a_message_board_post_stays_published(app_repo):
    assert _sent(app_repo, "写下你的留言", "content", "message/add", "{ content }", button="发布") == POSTED


def test_a_review_of_the_order_stays_published(app_repo):
    # a review others read, sent with the order's goods: 评价 is a post, whatever it goes with
    assert _sent(app_repo, "写下你的评价", "remark", "order/create",
                 "{ goodsId: goods.id, addressId, remark }") == POSTED


def test_a_message_with_one_order_field_is_not_an_order(app_repo):
    # a 留言 with the goods it is about (a question on a product) is no order: only one kind of an order's fields
    assert _sent(app_repo, "给大家留言", "note", "goods/words", "{ goodsId: goods.id, note }") == POSTED
