from __future__ import annotations

import pytest

from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.textsignals import SERVICE_NEEDLES, signals


@pytest.mark.parametrize("text", [
    "分享后解锁全文", "转发分享该商品，好友下单后可得 10 积分奖励", "邀请好友为你助力，免费领", "分享助力",
    "扫码关注您的专属推广码，或者转发邀请好友", "想要解锁？分享到3个群", "找好友帮砍一刀", "Share to unlock the full video",
    "关注公众号即可领取优惠券", "关注我们领红包", "推荐有奖", "推荐有礼，每推荐一人返现10元",
    "邀请好友加速", "好友扫码注册后成为你的粉丝，粉丝下单，你也可以获得收益", "分享商品赚收益",
])
def test_share_inducement(text):
    assert "share-inducement" in signals(text)


@pytest.mark.parametrize("text", ["分享给好友", "转发", "邀请好友一起来逛逛", "分享到朋友圈", "领取优惠券", "share",
                                  "关注公众号获取最新动态", "已关注", "为你推荐", "今日推荐 领取优惠券",
                                  "加速下载", "本月投资收益", "好友下单成功"])
def test_plain_sharing_is_not_inducement(text):
    assert "share-inducement" not in signals(text)


@pytest.mark.parametrize("text", ["微信官方认证商城", "腾讯官方合作", "WeChat Official Store", "微信团队提醒您"])
def test_brand_claims(text):
    assert "brand" in signals(text)


@pytest.mark.parametrize("text", ["微信支付", "从微信读取", "微信版本", "请升级至最新版本微信客户端", "微信号"])
def test_legitimate_mentions_of_wechat(text):
    assert "brand" not in signals(text)
    assert "brand" not in signals(text, title=True)


def test_brand_name_in_a_title_is_misuse_unless_allowed():
    assert "brand" in signals("微信商城", title=True)
    assert "brand" not in signals("微信商城")
    assert "brand" not in signals("微信商城", title=True, brand_allow=("微信商城",))


def test_lottery_and_fortune():
    assert signals("每日幸运大转盘抽奖") == ["lottery"]
    assert signals("今日运势 · 星座") == ["fortune"]


@pytest.mark.parametrize(("text", "offered"), [("确认打赏", True), ("赞赏支持", True), ("赞赏TA", True),
                                               (" 立即打赏！", True), ("选择打赏金额", True), ("确认变现", False),
                                               ("金币提现", False), ("钻石兑换现金", False)])
def test_tipping_and_cashing_out_a_virtual_currency(text, offered):
    # a tip offered is also the tip-offer wording payment.tipping reads (told only where a page takes the tip)
    assert signals(text) == ["tipping", "tip-offer"] if offered else ["tipping"]


@pytest.mark.parametrize("text", ["收到打赏 12 次", "用户打赏的钻直接转换为贝", "人民币提现到银行卡", "佣金提现",
                                  "流量变现的五种方法", "赞赏码", "赞赏", " 赞赏 "])
def test_a_passing_mention_of_tips_or_a_cash_withdrawal_is_not_tipping(text):
    assert "tipping" not in signals(text)  # a bare 赞赏 captions a like toggle or a count


@pytest.mark.parametrize("text", ["3.2.5.用户应当按照本平台发布的规则参加抽奖等活动，遵守活动秩序。",
                                  "第五条 用户不得利用本服务从事相亲诈骗", " 4.1 用户同意平台提供的在线问诊仅供参考"])
def test_a_clause_of_an_agreement_offers_no_service(text):
    assert signals(text) == []


@pytest.mark.parametrize(("text", "signal"), [("1. 每天可参与抽奖3次", ["lottery"]), ("打赏", ["tipping", "tip-offer"]),
                                              ("3.2 幸运大转盘", ["lottery"]), ("第一条 相亲交友", ["dating"])])
def test_a_numbered_offer_that_binds_no_one_is_still_a_service(text, signal):
    assert signals(text) == signal




def test_a_wechat_authorization_heading_is_brand_on_a_page_but_not_on_a_button():
    assert "brand" in signals("微信授权登录，享受更多服务")
    assert "brand" in signals("微信授权登录", label=True)  # a WeChat login label, on a control or off it
    assert "brand" in signals("请允许微信授权")
    assert "brand" not in signals("请允许微信授权", brand_allow=("请允许微信授权",))
    assert "brand" not in signals("微信授权后可查看订单")
    # a plea whose clause ends in WeChat's authorization, the app's text posing as WeChat's permission screen
    assert "brand" in signals("为提供安全且愉悦的使用体验，需要你进行确认微信授权")
    assert "brand" in signals("请先完成微信授权。")
    assert "brand" not in signals("请完成微信授权后查看订单")  # the clause goes on: it only mentions it
    assert "brand" not in signals("需要你进行确认微信授权", label=True)  # a control's own sentence


@pytest.mark.parametrize("text", ["微信登录", "微信一键登录", "微信快捷登录", "微信账号登录", "微信授权", "微信 · 授权登录",
                                  "使用微信登录", "一键微信登录", "微信用户快速登录", "微信登录/注册", "微信注册", "微信一键注册", "WeChat Login", "Sign in with WeChat",
                                  "绑定微信", "授权微信账号", "Bind WeChat", "授权登录微信", "一键登录微信账号"])
def test_a_wechat_login_label_is_brand_use_in_markup_and_titles_but_not_in_script_strings(text):
    assert "brand" in signals(text, label=True)
    assert "brand" in signals(text, title=True)
    assert "brand" not in signals(text, label=True, script=True)  # a toast or data string, not the UI's label
    assert "brand" not in signals(text, label=True, brand_allow=(text,))


@pytest.mark.parametrize("text", ["微信登录失败", "微信授权成功", "授权并同意使用微信账号登录当前小程序", "复制微信号",
                                  "微信用户", "您的微信版本太低", "分享给微信好友", "手机号快捷登录",
                                  "微信注册失败", "注册后绑定微信", "绑定后可使用微信快速登录",
                                  "已绑定微信", "绑定微信号", "解绑微信", "请先登录微信再扫码", "登录微信后重试"])
def test_text_that_only_mentions_a_wechat_login_is_no_label(text):
    assert "brand" not in signals(text, label=True)


@pytest.mark.parametrize("text", ["发布相亲帖子", "婚恋交友", "理想型", "征婚启事", "找对象就来这里"])
def test_matchmaking_and_dating_wording(text):
    assert "dating" in signals(text)


@pytest.mark.parametrize("text", ["社交圈", "交通出行", "对象存储上传失败", "相对路径", "查找对象失败"])
def test_words_that_only_look_like_dating_are_not(text):
    assert "dating" not in signals(text)


@pytest.mark.parametrize("text", ["话费充值", "充话费享9.5折", "流量充值", "话费快充", "手机充值"])
def test_mobile_credit_and_data_top_up_wording(text):
    assert "telecom" in signals(text)


@pytest.mark.parametrize("text", ["余额充值", "会员充值", "手机充电", "话费账单查询", "充值成功"])
def test_other_top_ups_are_no_telecom_service(text):
    assert "telecom" not in signals(text)


@pytest.mark.parametrize("text", ["集齐5人扫码，即可免费获得此课程", "凑满3位好友，即可领取", "邀请新用户获得", "分享获得"])
def test_a_head_count_of_friends_or_a_ledger_reason_for_inviting_is_inducement(text):
    assert "share-inducement" in signals(text)


@pytest.mark.parametrize("text", ["集齐5张卡片", "分享你获得的成就", "邀请好友获得更多乐趣", "邀请新用户", "已有5人参加"])
def test_a_count_or_a_gain_without_friends_paying_for_it_is_not_inducement(text):
    assert "share-inducement" not in signals(text)


@pytest.mark.parametrize(("text", "signal"), [("继续夺宝", "lottery"), ("积分夺宝，100%中奖", "lottery"),
                                              ("如果相互喜欢即可配对聊天", "dating"), ("配对聊天", "dating")])
def test_draws_for_prizes_and_matching_strangers_to_chat(text, signal):
    assert signal in signals(text)


@pytest.mark.parametrize("text", ["我们相互喜欢对方的作品", "蓝牙配对失败", "互相关注"])
def test_liking_or_pairing_alone_is_no_dating(text):
    assert "dating" not in signals(text)


@pytest.mark.parametrize("text", ["每日幸运大转盘抽奖", "继续夺宝", "刮刮乐", "发布相亲帖子", "婚恋交友", "找对象就来这里",
                                  "相互喜欢即可配对聊天", "话费充值", "手机充值", "流量直充", "在线问诊", "预约挂号", "智能问诊", "问医生",
                                  "请描述宝宝的症状或问题",
                                  "极速借款", "购买理财", "证券开户", "购买课程", "网课", "今日运势", "塔罗牌阵",
                                  "在线算命", "周公解梦", "Fortune telling"])
def test_a_services_words_hold_a_fixed_string_git_grep_finds(text):
    # Unchanged pages that offer a service are found by these strings; a match holding none would be missed.
    found_signals = [s for s in signals(text) if s in SERVICE_NEEDLES]
    assert found_signals, text
    assert all(any(n in text for n in SERVICE_NEEDLES[s]) for s in found_signals), text


@pytest.mark.parametrize("text", ["1.微信授权登录", "第一步：微信登录", "② 微信一键登录", "Step 1: WeChat login"])
def test_a_numbered_step_or_tab_label_is_read_without_its_number(text):
    assert "brand" in signals(text, label=True)


@pytest.mark.parametrize("text", ["2.绑定手机号", "1.微信登录失败", "12.3微信", "3.分享给微信好友"])
def test_a_numbered_label_that_names_no_wechat_login_stays_silent(text):
    assert "brand" not in signals(text, label=True)


@pytest.mark.parametrize(("text", "medical"), [
    ("智能问诊", True), ("AI 问诊", True), ("免费问医生", True), ("请描述孩子的症状或问题...", True),
    ("症状", False), ("医生团队介绍", False), ("描述一下你的问题", False), ("问诊人数", False), ("我的问诊", False),
])
def test_a_consultation_in_any_wording_is_medical(text, medical):
    # WeChat's 医疗 category covers online consultation whatever the page calls it (AI or a doctor answering).
    assert ("medical" in signals(text)) is medical


@pytest.mark.parametrize(("text", "finance"), [
    ("谨防网贷诈骗", False), ("警惕校园贷陷阱", False), ("Beware of loan scams: 网贷", False),
    ("网贷", True), ("申请贷款，极速到账", True),
])
def test_a_warning_against_fraud_offers_no_service(text, finance):
    assert ("finance" in signals(text)) is finance


def test_a_list_of_fraud_types_names_no_service_but_a_list_of_products_does():
    scams = js_facts("Page({ data: { kinds: ['电信诈骗', '刷单返利', '校园贷/网贷'] } })\n", "pages/a/a.js")
    products = js_facts("Page({ data: { kinds: ['信用贷', '校园贷/网贷'] } })\n", "pages/a/a.js")
    assert not any(f.subject == "text:finance" for f in scams.facts)
    assert [f.line for f in products.facts if f.subject == "text:finance"] == [1, 1]
