"""What user-visible text says that review cares about: induced sharing, WeChat branding, lotteries,
fortune-telling, tipping, services that need a qualified category (medical, finance, education, dating,
telecom top-up, second-hand trading between users, errand running), tools that forge WeChat or payment screenshots.

Each signal is a pattern over one piece of UI text (a WXML text node, a JS string literal, a page
title). Patterns are deliberately narrow — a plain "分享给好友" or "从微信读取" is not a risk; reviewers
reject rewards for sharing, claims of being official WeChat, and gambling-like draws.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mp_precheck.core.recache import compiled
from mp_precheck.readers.reviewtext import review_signals
from mp_precheck.readers.sharewords import (
    share_commission,
    share_control_gain,
    share_help,
    share_poster,
    share_reward,
    without_shared_things,
)
from mp_precheck.readers.tipwords import offers_tip

# Sharing verb, then within a short clause a reward, unlock or helping mechanic (or the reverse order).
_SHARE = r"(?:分享|转发|邀请好友|邀请|拉新)"
# (friends' help, 助力, is read from checks/share_rewards.yml: followed by a cause it is support, no reward)
_REWARD = (r"(?:解锁|可得|即得|就得|得到|领取|免费领|领|赚|奖励|有奖|有赏|有礼|惊喜|福利|返现|返利|砍价|帮砍|红包|"
           r"积分|现金|佣金|提成|推广码|抽奖|机会|优惠券|次数|加成|翻倍|双倍|加倍|升级|提高等级|提升等级|加速|收益)")
_STRONG_REWARD = r"(?:解锁|返利|返现|佣金|提成|推广码|红包|现金)"
_CLAUSE = r"[^。！!？?\n]{0,16}"
_FOR_SHARER = r"(?:帮他|帮她|帮TA|为他|为她|为TA)"  # the friend asked to help the one who shared
_HELP = r"助力|砍价|砍一刀|砍一下|免费拿|免费领"
# The friend's side of a help-me mechanic: a shared card's page asks its reader to help the sharer (快来帮TA砍价)
FRIEND_HELP = compiled(rf"{_FOR_SHARER}(?:{_HELP})", re.IGNORECASE)
SHARE_INDUCEMENT = compiled(
    rf"{_SHARE}{_CLAUSE}{_REWARD}|{_STRONG_REWARD}[^。！!\n]{{0,16}}(?:分享|转发)|好友助力|帮砍|砍一刀|"
    # a collect-cards game (集卡), not 集 ending a verb of its own before 卡牌 / 卡片 (收集卡牌: a deck's completion)
    r"(?<![收搜采汇征募聚])集卡|"
    # referral rewards: 推荐有奖 / 推荐有礼 / 推荐返现 (a reward for bringing in others)
    r"推荐(?:有奖|有礼|有赏|返现|返利|得现金|赚)|"
    # a cut of what invited people buy: 粉丝下单，你也可以获得收益 / 好友消费返佣金 (a referral commission)
    r"(?:好友|粉丝|下级|邀请的人)(?:下单|购买|消费)[^。！!？?\n]{0,12}(?:收益|佣金|返利|返现|提成)|"
    # "help me" mechanics and sharing to groups as the price of something (R2018 3.2.1)
    # (帮他砍价, 帮我免费拿: friends' help as the price of a gain); sharing or recommending the app to a group as
    # the price of something (推荐…小程序到群聊后即可领取)
    rf"(?:帮我|为我|为你|{_FOR_SHARER})(?:{_HELP})|"
    r"(?:分享|转发|推荐[^。！!？?\n，,]{0,10})(?:到|至)[^。！!？?\n]{0,6}群[^。！!？?\n]{0,12}(?:后|即可|才能|就能)|"
    # an invitation quota with its progress: 邀请3个好友（1/3）, 已邀请好友 {{n}}/{{max}} (the counts bound, gone
    # from the text): the invitations are counted toward a goal, a task done for its reward (R2018 3.2.1)
    r"(?:邀请|唤醒|邀)\s*\d*\s*(?:个|位|名)?\s*新?(?:好友|朋友|用户)\s*"
    r"(?:[（(]\s*\d*\s*/\s*\d*\s*[)）]|\d*\s*/\s*\d*\s*(?:人|位)?\s*$)|"
    # friends' help as the price of a gain: 集齐3个好友的助力能量，就能免费阅读 (R2018 3.2.1)
    r"(?:好友|朋友|小伙伴|亲友)的?助力|助力[^。！!？?\n]{0,16}(?:免费|领取|获得|得到|解锁|奖励)|"
    # a head count of friends as the price of a gain: 集齐5人扫码，即可免费获得 / 满3位好友助力即可领取 (R2018 3.2.1)
    r"(?:集齐|集满|凑齐|凑满|邀满|拉满)\s*\d+\s*(?:个|位|名)?\s*(?:人|好友|朋友|小伙伴|新用户|用户)"
    r"[^。！!？?\n]{0,16}(?:免费|获得|领取|解锁|奖励|得到)|"
    # a reward ledger's reason: a record whose whole text is 邀请新用户获得 / 分享奖励 (points paid for it)
    r"^\s*(?:分享|转发|邀请)[^，,。！!？?\s]{0,6}(?:获得|所得|奖励)\s*$|"
    # induced following: rewards for following an Official Account (OPS2018 5.1)
    rf"关注(?:公众号|我们|服务号)?{_CLAUSE}(?:即可|就能|后)?(?:领取|领|得|获得|解锁|抽奖|红包|积分|优惠券)|"
    r"share\s+to\s+unlock|share\s+(?:for|to\s+get)\s+(?:a\s+)?(?:reward|coupon|bonus)", re.IGNORECASE)
# Claiming to be WeChat / Tencent, or a WeChat-official look (OPS2018 12.3–12.4, R2018 1.2.2).
# 微信授权页面 presents the page as WeChat's own authorization screen.
# A claim word followed by an outcome (微信认证不可用, 微信认证失败) reports how a WeChat service went: it names
# the service, it does not say the app is WeChat's.
BRAND_CLAIM = compiled(r"(?:微信|腾讯|WeChat|Tencent|Weixin)\s*"
                         r"(?:官方|团队|安全中心|(认证)|授权中心|授权页|official|team)"
                         r"(?!\s*(?:暂不可用|不可用|失败|成功|未通过|已通过|已取消|取消|异常|出错|超时|不支持))",
                         re.IGNORECASE)
# 微信认证 is also a process the operator goes through (the account's verification, paid yearly): a sentence that
# names it (…微信认证、服务器租用已产生费用, 完成微信认证后开通) mentions WeChat's service. It claims WeChat's
# endorsement where its clause is a badge: the clause is the word, or says who passed it (已通过微信认证,
# 微信认证商家).
_CERTIFIED_BADGE = compiled(r"(?:已|已经)?(?:通过|经过|经|获得)?\s*(?:了)?\s*(?:微信|腾讯|WeChat|Tencent|Weixin)\s*"
                            r"(?:官方)?\s*认证(?:的|过的)?(?:商家|商户|店铺|门店|用户|会员|企业|机构|服务商|账号|帐号|"
                            r"小程序|公众号|平台|主体)?", re.IGNORECASE)
_CERTIFIED_PASSED = compiled(r"(?:通过|经过|获得|已获|荣获)\s*(?:了)?\s*(?:微信|腾讯|WeChat|Tencent|Weixin)\s*(?:官方)?"
                             r"\s*认证", re.IGNORECASE)
_CLAIM_CLAUSE = compiled(r"[，,。；;！!？?\n：:]")
# Text that is not a control's label and speaks as WeChat's own authorization screen: a heading or first
# clause that is "微信授权" / "微信授权登录" / "微信授权提示" (the page names itself WeChat's), or a prompt asking
# the user to "allow WeChat authorization" (the app's popup posing as WeChat's permission dialog). On a button
# the same words name the login method, which is allowed.
# 微信授权申请 / 微信授权请求 as a dialog's title poses as WeChat's own permission request.
BRAND_HEADING = compiled(r"(?:微信|腾讯|WeChat|Weixin)\s*授权\s*(?:登录|页面?|提示|中心|申请|请求)?\s*[:：!！]?",
                           re.IGNORECASE)
# A prompt whose first clause makes WeChat's login the gate to the page (微信授权登录后才可查看个人中心): the
# app's wall speaks of WeChat's authorization as its own. A sentence that only mentions it (完成微信授权后查看订单)
# sets no gate and starts otherwise.
BRAND_GATE = compiled(r"(?:微信|WeChat|Weixin)\s*(?:授权)?\s*(?:登录|登陆|授权)\s*(?:之)?后\s*"
                        r"(?:才|方)\s*(?:可以|可|能|能够)", re.IGNORECASE)
BRAND_AUTH_PROMPT = compiled(r"允许\s*(?:微信|腾讯|WeChat|Weixin)\s*授权|"
                               # 请授权微信登录: the app's popup asking for WeChat's own login authorization
                               r"请\s*(?:先\s*)?授权\s*(?:微信|WeChat|Weixin)\s*(?:登录|登陆|授权)|"
                               # 请您在接下来的微信授权中点击【允许】: the same plea, the other way round
                               r"(?:微信|腾讯|WeChat|Weixin)\s*授权[^。！!？?\n]{0,8}(?:点击|点|选择)\s*[【「“\"\[]?\s*允许|"
                               # 需要你进行确认微信授权: a plea whose clause ends in WeChat's authorization as
                               # the thing to confirm (…授权后查看订单 goes on, and only mentions it)
                               r"(?:请|需要)\s*(?:您|你)?\s*(?:先\s*)?(?:进行)?\s*(?:确认|同意|完成|进行)\s*"
                               r"(?:微信|WeChat|Weixin)\s*授权\s*(?:[。！!，,；;]|$)",
                               re.IGNORECASE)
# A plea that asks the user to do WeChat's login or authorization as the app's own step
# (请先微信登录, 请使用微信授权登录, 需要通过微信授权获得你的头像): the app's prompt or toast
# names its login WeChat's. The plea ends its clause there, or goes on to what the authorization
# fetches; one that goes on to something else (请先微信登录后查看订单) only mentions it, and
# 登录微信 (请先登录微信再扫码) is the user's WeChat client, not the app's login.
# (OPS2018 12.3–12.4, R2018 1.2.2: https://developers.weixin.qq.com/miniprogram/product/reject.html)
BRAND_PLEA = compiled(r"(?:请|需要|需)\s*(?:您|你)?\s*(?:先\s*)?(?:进行|使用|用|通过)?\s*(?:微信|WeChat|Weixin)\s*"
                      r"(?:一键|快捷|快速)?\s*(?:授权)?\s*(?:登录|授权|注册)\s*(?:授权|登录)?\s*"
                      r"(?:[。！!，,；;？?~～…]|$|(?:来|以)?\s*(?:获得|获取|读取|得到|同步))", re.IGNORECASE)
# WeChat named as the way to log in, as a whole label or heading: 微信登录, 微信一键登录, 微信快捷登录,
# 微信账号登录, 微信用户快速登录, 微信授权(登录), 微信注册 (signing up the same way), "WeChat login" — the app's
# control dressed in WeChat's name — and the same words naming what the control fetches: 微信授权获取 (手机号),
# 获取微信授权信息,
# 微信一键获取手机号, 微信快捷验证手机号码, 微信登录并绑定, 微信绑定手机号登录, and the account linked the other way
# round (绑定微信, 授权微信账号, 授权微信用户信息, 授权登录微信).
# Matched against the whole text, so a sentence that mentions it (完成微信授权后查看订单) and the attempt's
# outcome (微信登录失败, 微信授权获取失败) are not labels.
# 微信登录并重试 / 微信登录后继续: a button that logs in with WeChat and goes on with what failed is still the login
# control (an outcome such as 微信登录失败 is not)
_AGAIN = r"(?:(?:并|后)?(?:重试|继续))?"
_FETCHED = r"(?:并|后)?(?:获取|绑定|验证|填写|填入)(?:手机号码?|电话号码?|号码|头像昵称|头像|昵称|用户信息|信息|资料)?"
BRAND_LOGIN_LABEL = compiled(
    r"(?:使用|通过|用|一键|获取)?(?:微信|WeChat|Weixin)(?:用户)?[·•・|/-]?(?:手机号)?"
    rf"(?:(?:一键|快捷|快速|账号|帐号)?(?:授权)?(?:登录|登陆|授权|注册)(?:/?注册)?(?:{_FETCHED}|(?:用户)?信息)?{_AGAIN}"
    rf"|(?:一键|快捷|快速)(?:授权)?{_FETCHED}"
    # 微信绑定手机号登录 / 微信获取手机号 / 微信(一键)验证手机号 / 微信授权手机号: WeChat named as the way the phone
    # number is fetched, verified or granted (the number is said), and the possessive form 微信绑定的手机号登录 (the
    # number WeChat holds for the user)
    r"|(?:一键|快捷|快速)?(?:授权)?(?:获取|绑定|验证|授权)(?:的|您的|你的)?(?:手机号码?|电话号码?|手机)(?:(?:并|后)?(?:登录|登陆|注册))?)"
    r"|(?:WeChat|Weixin)(?:log-?in|sign-?in)|(?:log|sign)-?in(?:with|via)(?:WeChat|Weixin)|continuewith(?:WeChat|Weixin)"
    # 绑定微信 / 授权微信账号: the WeChat account named as what the control links, the other word order
    r"|(?:一键)?(?:授权|绑定|关联)(?:微信|WeChat|Weixin)(?:用户)?(?:账号|帐号|信息|资料)?(?:登录)?|(?:bind|link|connect)(?:WeChat|Weixin)(?:account)?"
    # 用微信手机号 / 授权微信手机号 / 获取微信手机号: the phone button named after the number WeChat holds
    r"|(?:使用|通过|用|一键|获取|授权|绑定|填入)(?:微信|WeChat|Weixin)(?:绑定的)?(?:手机号码?|电话号码?|手机)"
    r"(?:(?:一键|快捷|快速)?(?:登录|登陆|注册|授权|填写|填入))?"
    # 授权登录微信 / 一键登录微信账号: the login named first, then WeChat as what it logs into
    r"|(?:一键|快捷|快速)?(?:授权)?(?:登录|登陆)(?:微信|WeChat|Weixin)(?:账号|帐号)?",
    re.IGNORECASE)
# 登入 is a common variant of 登录 and 登陆 (to land) its usual typo: both name the same login (``_brand_spelling``)
_LOGIN_VARIANT = compiled(r"登入|登陆")
_CJK_GAP = compiled(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # \s is Unicode: U+3000, the full-width space
_LABEL_TRIM = compiled(r"[\s:：!！.。,，>›»→#-]+")  # "# 微信授权登录": a menu entry's marker is no word
# A step's number before a label (1.微信授权登录, 第一步：微信授权, ②微信登录, Step 1: …): a tab or a step list
# numbers its entries, the words after the number are the label
_STEP = compiled(r"^\s*(?:(?:第\s*)?(?:\d{1,2}|[一二三四五六七八九十])\s*(?:步|[.．、)）:：])|[①-⑩⑴-⒇]|"
                   r"step\s*\d{1,2}\s*[.:：)-]?)\s*", re.IGNORECASE)
_CLAUSE_BREAK = compiled(r"[，,。；;？?\n]")
# A login under way (正在微信授权登录, 微信授权登录中..., 微信登录中…): the status a login screen shows while it
# runs names the same WeChat login, the words around it say only that it has not finished
_UNDER_WAY = compiled(r"^\s*正在\s*|\s*中?\s*(?:[.．。…·]\s*)*$")
BRAND_NAME = compiled(r"微信|腾讯|WeChat|Tencent|Weixin", re.IGNORECASE)
# A template's fill-in placeholder (填入你的…标题, 请填写你的…, 替换为您的…, "your … here"): an instruction to whoever
# copies the project, naming the platform to say what goes there; no name the app shows as its own brand.
_FILL_IN = compiled(r"^\s*[【\[(（<{]?\s*(?:请\s*)?(?:在此|此处)?\s*(?:填入|填写|输入|替换为|替换成|换成|改为|改成)\s*"
                    r"(?:您|你)(?:的|自己的|申请的)|^\s*[\[(<{]?\s*(?:enter\s+|put\s+)?your\s+\S.*\s+here\b",
                    re.IGNORECASE)
# Phrases that name WeChat legitimately (a pay button, a login button, a form label).
# Naming WeChat as the login method (微信登录) is not among them: see BRAND_LOGIN_LABEL.
DEFAULT_BRAND_ALLOW = ("微信支付", "微信号", "微信昵称", "微信头像", "微信运动", "微信好友", "微信群", "微信扫码",
                       "微信扫一扫", "微信版本", "微信客户端", "使用微信", "从微信", "微信收货地址", "微信地址",
                       "企业微信")
# 夺宝 (一元夺宝, 积分夺宝): entering a draw for a prize, the lottery form WeChat names as gambling-like (R2018 3.2.8).
LOTTERY = compiled(r"抽奖|大转盘|九宫格抽|刮刮乐|刮刮卡|砸金蛋|盲盒|摇一摇赢|有奖竞猜|幸运转盘|夺宝|lucky\s*draw",
                     re.IGNORECASE)
FORTUNE = compiled(r"算命|星座运势|今日运势|抽签|求签|占卜|塔罗|八字|解梦|fortune[- ]telling", re.IGNORECASE)
# Tipping and cashing out a virtual currency: the control that does it (确认打赏, 赞赏支持, 确认变现) or a
# currency named with cash-out, not a passing mention (收到打赏). Tips are virtual goods that must go through
# virtual payment: https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html
# A bare 赞赏 is not one: it is also the caption of a like toggle or a count (赞赏 under a heart), praise, not money.
TIPPING = compiled(r"^\s*(?:(?:确认|立即|马上|我要|去|点击)?打赏|(?:确认|立即|马上|我要|去|点击)赞赏|"
                     r"(?:确认|立即|马上|我要|去|点击)?(?:打赏|赞赏)(?:支持|作者|TA|一下|他|她))\s*[!！]?\s*$|"
                     r"打赏(?:作者|金额|TA)|^\s*(?:确认|立即|申请)?变现\s*$|"
                     r"(?:虚拟币|金币|钻石|代币|(?<!人民)币)\s*(?:变现|提现|兑换现金)", re.IGNORECASE)


# Content that needs a qualified service category (MAT2018): words a user sees on
# a page that offers the service, not passing mentions.
# A consultation named by the way it is given (在线, 图文, 视频, 智能 / AI, 极速, 免费…问诊), 问医生, or a box asking
# for the symptoms to consult on (请描述孩子的症状); a bare 问诊 also counts patients (问诊人数) or heads a list.
MEDICAL = compiled(r"(?:在线|图文|视频|语音|电话|智能|AI|极速|快速|免费|远程|网上|义诊)\s*问诊|问医生|"
                   r"描述[^，。,.\s、]{0,6}症状|在线开方|开处方|处方药|互联网医院|预约挂号|在线挂号", re.IGNORECASE)
# Financial services (金融业 in WeChat's category list, each with its licence:
# https://developers.weixin.qq.com/miniprogram/product/material/#金融业 — 银行, 证券/期货, 基金
# (material/jinrong/jijin.html: fund sales and fund rating), 保险 (material/jinrong/baoxian.html), 众筹, 外汇…):
# lending, wealth products, account
# opening; securities information and advice a page offers (a stock's institutional rating, earnings forecasts,
# research reports, stock picks and diagnosis); an investment's subscription and its promised yield; crowd-funding;
# insurance sold. Words of the service offered, not a mention: a bare 评级 (a hotel's), 收益 (a shop's points),
# 认购 (a record's kind), a disclaimer's 投资建议 or a company saying it insured its own assets (均已投保) is none.
FINANCE = compiled(r"贷款申请|申请贷款|在线借款|极速借款|借钱|信用贷|理财产品|购买理财|基金申购|股票开户|证券开户|"
                     r"保险投保|"
                     # securities information and advice: ratings, forecasts, research, picks, diagnosis
                     r"(?:机构|投资|股票|个股|买入|增持|分析师|券商)评级|(?:盈利|业绩|每股收益|净利润)预测|研报|"
                     r"荐股|(?<![精自挑])选股|(?:股票|个股)推荐|推荐(?:股票|个股)|诊股|(?:个股|股票)诊断|牛股|炒股|"
                     r"(?:股票|期货|外汇|黄金|贵金属)(?:交易|开户)|投资顾问|投顾|"
                     # an investment product's subscription and promised yield
                     r"(?:认购|申购|赎回)(?:份额|金额)|年化收益|七日年化|万份收益|预期收益率|\d\s*元?起投|起投(?:金额|额)|"
                     r"(?:立即|马上|我要|确认)投资|基金定投|"
                     r"众筹|网贷|"
                     # insurance sold
                     r"(?:立即|在线|我要|马上|去|一键|确认)投保|投保(?:人|须知|流程|方案)|(?:购买|在线)保险|保险产品|车险报价|保费(?:测算|计算)")
# A page about listed securities (its search box asks for a stock code, its headings are a company's figures): there
# a whole label or heading that is only an analysis — 预测, 评级, 诊断 (2024预测, 评级:) — is the securities
# information service the page offers (markup.py joins the two over one template).
SECURITIES = compiled(r"股票|个股|自选股|证券|[AHB]股|港股|美股|沪深|上证指数|深证|创业板|科创板|净资产收益率|市盈率|"
                        r"市净率|每股收益|K线")
ANALYSIS_LABEL = compiled(r"\s*(?:\d{4}\s*年?)?\s*(?:机构|盈利|业绩|投资)?(?:预测|评级|诊断)\s*[:：]?\s*")
EDUCATION = compiled(r"在线课程|网课|直播课|课程购买|购买课程|在线教育|学历提升|考证培训")
# Meeting strangers: matchmaking and dating (相亲, 征婚, a partner's 理想型) need 社交 → 陌生人交友 and its licence.
# Two strangers who like each other matched to chat (相互喜欢即可配对聊天) is the same service.
# 交友 after the peers it names (与同好伙伴交友, 和朋友交友: a tagline's making friends over a shared interest) is a
# social app's wording, no matchmaking.
DATING = compiled(r"相亲|婚恋|征婚|脱单|择偶|(?<!同好)(?<!伙伴)(?<!朋友)(?<!好友)(?<!书友)(?<!球友)(?<!同学)交友|"
                    r"(?<![查寻])找对象|理想型|配对聊天|"
                    r"(?:相互|互相)(?:喜欢|心动)[^。！!？?\n]{0,6}(?:配对|匹配)")
# Selling mobile credit or data (话费充值, 流量充值) is a telecom service: IT科技 → 电信业务代理商 / 基础电信运营商.
TELECOM = compiled(r"话费充值|充话费|话费(?:直充|快充|慢充)|手机充值|流量充值|充流量|流量(?:直充|包充值)")

# Users trading their used goods with each other (二手交易, 闲置, 跳蚤市场): a C2C trading platform, declared under
# 电商平台 with its licence (MAT2018). Told by a heading or label that names the market (二手市场, 校园闲置交易,
# 我要卖闲置) or by publishing goods into it (发布闲置); a sentence that only mentions used things (an article's
# 二手书, 二手烟) is none, and a used car or house (二手车, 二手房) is the car or estate category's.
_USED = r"二手(?![车房烟])"
_TRADE_NAME = (rf"(?:{_USED}[\u4e00-\u9fff]{{0,2}}?(?:交易|市场|集市|商城|转让)|{_USED}(?:闲置|商品|物品|好物)|"
               rf"闲置(?:交易|市场|集市|商城|物品|好物|商品|转让|二手)|跳蚤市场|(?:卖|出|收|买|出售|转让|转卖)(?:{_USED}|闲置))")
SECONDHAND = compiled(rf"^\s*[\u4e00-\u9fffA-Za-z]{{0,6}}{_TRADE_NAME}[\u4e00-\u9fffA-Za-z]{{0,4}}\s*[:：]?\s*$|"
                      rf"(?:发布|上架)(?:我的)?(?:{_USED}|闲置)|(?:{_USED}|闲置)(?:物品|商品|好物)?(?:发布|上架)")
# Running errands for other users (跑腿, 代取快递, 帮买帮送): a delivery-runner service, declared under the
# logistics or local-services categories with their qualifications (MAT2018). Told by the service's name or
# its orders (校园跑腿, 跑腿订单, 代取快递, 快递代取); a shop's own delivery (配送费, 同城配送 of its goods),
# tracking its own parcels (快递单号, 查看物流), a fee line (跑腿费) or running about (跑腿好几趟) are none.
_ERRAND_PART = r"(?:服务|订单|任务|列表|大厅|中心|广场|专区|首页|详情|下单|接单|平台)"
ERRAND = compiled(rf"^\s*[\u4e00-\u9fffA-Za-z]{{0,4}}跑腿{_ERRAND_PART}?\s*$|"
                  r"(?:校园|同城|帮我|专人)跑腿|跑腿(?:服务|订单|任务|代办|代购|代买|代送|代取|下单|接单|平台|小哥|员|骑手)|"
                  r"(?:发布|接)跑腿|"
                  r"(?:代取|代拿|代领|代寄|帮取|帮拿|帮寄)(?:快递|外卖|包裹|快件)|(?:快递|外卖|包裹|快件)(?:代取|代拿|代领|代寄)|"
                  r"^\s*(?:帮我|同城)?(?:帮买|帮送|帮取)\s*$")

# A tool that forges a screenshot of WeChat's or a payment app's screens (微信支付账单生成器, 转账截图生成, 聊天记录
# 生成器): fake payment proof or chats to deceive others; the platform refuses it (OPS2018 行为规范: 仿冒腾讯官方或
# 他人业务). A screen's name, then a generator or a screenshot made; 生成账单 or 聊天记录生成摘要 is no imitation.
_SCREEN = (r"(?:(?:转账|红包|账单|零钱|余额|付款|收款|支付|到账)(?:记录|详情|页面|界面)?|聊天记录|朋友圈|"
           r"(?:微信|QQ)聊天)")
FORGED_SCREEN = compiled(rf"{_SCREEN}(?:截图|截屏)?(?:生成器|制作器|生成工具)|"
                         rf"{_SCREEN}(?:截图|截屏)(?:在线|一键)?(?:生成|制作)|"
                         rf"(?:生成|制作)(?:微信|支付宝|QQ){_SCREEN}(?:截图|截屏)")

# Fixed strings every match of a service's pattern contains, so that ``git grep`` can find the unchanged pages
# that already offer the service (facts/presence.py): a service the app had needs no new category.
SERVICE_NEEDLES: dict[str, tuple[str, ...]] = {
    "lottery": ("抽奖", "大转盘", "九宫格抽", "刮刮", "砸金蛋", "盲盒", "摇一摇赢", "有奖竞猜", "幸运转盘", "夺宝"),
    "fortune": ("算命", "运势", "抽签", "求签", "占卜", "塔罗", "八字", "解梦", "fortune", "Fortune", "FORTUNE"),
    "dating": ("相亲", "婚恋", "征婚", "脱单", "择偶", "交友", "找对象", "理想型", "配对", "匹配"),
    "telecom": ("话费", "手机充值", "流量"),
    "medical": ("问诊", "问医生", "症状", "开方", "处方", "互联网医院", "挂号"),
    "finance": ("贷款", "借款", "借钱", "信用贷", "理财", "基金申购", "开户", "投保", "评级", "预测", "研报", "荐股",
                "选股", "股票推荐", "个股推荐", "推荐股票", "推荐个股", "诊股", "诊断", "牛股", "炒股", "股票交易",
                "期货交易", "外汇交易", "黄金交易", "贵金属交易", "投资顾问", "投顾", "认购份额", "申购份额",
                "赎回份额", "认购金额", "申购金额", "赎回金额", "年化收益", "七日年化", "万份收益", "预期收益率",
                "起投", "立即投资", "马上投资", "我要投资", "确认投资", "基金定投", "众筹", "网贷",
                "购买保险", "在线保险", "保险产品", "车险报价", "保费"),
    "education": ("在线课程", "网课", "直播课", "课程", "在线教育", "学历提升", "考证培训"),
    "forged-screen": ("生成器", "制作器", "生成工具", "截图", "截屏"),
    "secondhand": ("二手", "闲置", "跳蚤市场"),
    "errand": ("跑腿", "快递", "外卖", "包裹", "快件", "帮买", "帮送", "帮取"),
}


# A clause of an agreement or terms (3.2.5.用户应当…参加抽奖等活动, 第五条 用户不得…): numbered as a clause and
# binding the user. It names services to set rules on them; it offers none (no category to add for its words).
LEGAL_CLAUSE = compiled(r"^\s*(?:\d+(?:\.\d+)+\.?|第[一二三四五六七八九十百\d]+条)\s*\S[^\n]*"
                          r"(?:应当|须|不得|有权|承诺|遵守|同意|约定|责任)")
# A warning against fraud (谨防网贷诈骗, 校园贷陷阱, a fraud-warning page's 杀猪盘): it names services to warn the
# user off them; it offers none (no category to add for its words). A list of fraud types (['刷单返利', '网贷'])
# one of whose items is a warning is one too (``warning_list`` in readers/textplaces.py).
WARNING = compiled(r"诈骗|骗局|防骗|反诈|被骗|骗子|骗钱|杀猪盘|传销|套路贷|陷阱|谨防|警惕|\bscams?\b|\bfraud",
                   re.IGNORECASE)
_SERVICES = (("lottery", LOTTERY), ("fortune", FORTUNE), ("tipping", TIPPING), ("medical", MEDICAL),
             ("finance", FINANCE), ("education", EDUCATION), ("dating", DATING), ("telecom", TELECOM),
             ("forged-screen", FORGED_SCREEN), ("secondhand", SECONDHAND), ("errand", ERRAND))
SERVICE_SIGNALS = frozenset(name for name, _pattern in _SERVICES)


def signals(text: str, title: bool = False, brand_allow: Iterable[str] = DEFAULT_BRAND_ALLOW,
            label: bool = False, script: bool = False, share_control: bool = False, prompt: bool = False) -> list[str]:
    """Signal names found in one piece of UI ``text``.

    ``title`` marks a name-like place (navigation bar title, tabBar text, share title), where any use of
    the WeChat or Tencent name outside the allow-list is brand misuse. ``label`` marks a control's own
    text (a button): there a sentence about "微信授权" is the control's, while outside one a heading of
    those words or "请允许微信授权" presents the app's screen as WeChat's own. A text that is wholly a WeChat
    login label (微信登录, 微信一键登录, 微信授权登录…) is brand use on a control and off it; ``script`` marks a
    string literal in code (a toast, a log line, data), where that label is not looked for unless it is a
    title (WeChat's brand rules: https://developers.weixin.qq.com/miniprogram/product/reject.html).
    ``share_control`` marks the label of a share button, where a gain alone (再领奖, 继续砍, 邀请好友 +2000) is a
    reward for sharing (R2018 3.2.1; the words are ``control_gains`` in ``checks/share_rewards.yml``): the
    ``share-button-gain`` signal, kept apart from ``share-inducement`` wording. A poster the text tells the user to
    send on, or names for inviting (长按海报 - 发送给朋友, 邀请海报: ``posters`` in the same table), gives
    ``share-poster``: a means of sharing, not a reward; a commission a promoter earns (佣金: ``commissions``) gives
    ``share-commission``, the page's pay for a share button. Words offering to tip or donate (打赏, 赞赏, 捐赠:
    ``checks/tipping.yml``) give ``tip-offer``, told only where a page takes the tip. ``prompt`` marks a toast's or
    loading prompt's text (``wx.showLoading({ title })``): a login under way there (微信登录中...) reports progress,
    where on the page it is the screen's heading. A clause of an agreement (:data:`LEGAL_CLAUSE`) or a warning
    against fraud (:data:`WARNING`) offers no service: no service signal (lottery, tipping, dating, finance…) comes
    from it.
    """
    if not text or len(text) > 500:
        return []
    found = []
    # a voucher the act sends on (分享代金券) is the object shared, not a gain for sharing
    shared = without_shared_things(text)
    if SHARE_INDUCEMENT.search(shared) or share_reward().search(shared) or \
            ((helped := share_help()) is not None and helped.search(shared)):
        found.append("share-inducement")
    elif share_control and share_control_gain().search(shared):
        # a signal of its own: a gain-only label taken off a share button must not offset new reward wording
        # elsewhere in its file (the diff counts each signal per file)
        found.append("share-button-gain")
    if (poster := share_poster()) is not None and poster.search(text):
        # a poster to send on (长按海报 - 发送给朋友, 邀请海报): a means of sharing, told only where an invite is paid
        found.append("share-poster")
    if (commission := share_commission()) is not None and commission.search(text):
        found.append("share-commission")  # a commission shown: told only at a share button the change adds
    cleaned = _brand_spelling(text)
    for phrase in brand_allow:
        cleaned = cleaned.replace(_brand_spelling(phrase), "")
    own = _STEP.sub("", _brand_spelling(_without(text, set(brand_allow) - set(DEFAULT_BRAND_ALLOW))), count=1)
    # a status in code or a loading toast (微信授权中...) reports progress; on the page it is the screen's heading
    settle = (title or not script) and not prompt
    shown = _settled(own) if settle else own
    screen = not label and _auth_screen(own, settle)
    # a label whose first clause is the login and the rest what it leads to (微信授权，解锁全部内容) names it too
    login_label = settle and any(BRAND_LOGIN_LABEL.fullmatch(_LABEL_TRIM.sub("", part))
                                 for part in (shown, _CLAUSE_BREAK.split(shown.strip(), maxsplit=1)[0]))
    named = title and BRAND_NAME.search(cleaned) is not None and not _FILL_IN.search(text)
    if brand_claim(cleaned) or named or screen or login_label:
        found.append("brand")
    if not LEGAL_CLAUSE.match(text) and not WARNING.search(text):
        found.extend(name for name, pattern in _SERVICES if pattern.search(text))
        if offers_tip(text):  # tipping or donations offered (checks/tipping.yml): told where it is paid
            found.append("tip-offer")
    found.extend(review_signals(text, title))  # unfinished content, credentials, lures (readers/reviewtext.py)
    return found


def brand_claim(text: str) -> bool:
    """Whether ``text`` claims to be WeChat's or Tencent's own (微信官方, 微信团队提醒您, 腾讯安全中心) or to be
    endorsed by WeChat's certification (a 微信认证 badge: the clause is the word or says who passed it); a clause
    that names the certification as a process — one cost in a list, a step to complete — mentions it (OPS2018
    12.3–12.4, R2018 1.2.2: https://developers.weixin.qq.com/miniprogram/product/reject.html)."""
    for match in BRAND_CLAIM.finditer(text):
        if match.group(1) is None:
            return True
        start = max((m.end() for m in _CLAIM_CLAUSE.finditer(text, 0, match.start())), default=0)
        end = next((m.start() for m in _CLAIM_CLAUSE.finditer(text, match.end())), len(text))
        clause = _LABEL_TRIM.sub("", _STEP.sub("", text[start:end], count=1))
        if _CERTIFIED_BADGE.fullmatch(clause) or _CERTIFIED_PASSED.search(clause):
            return True
    return False


def _brand_spelling(text: str) -> str:
    """``text`` with the spellings of one brand wording made one: a login's variants (登入, and 登陆 typed for it)
    written 登录, and spaces between two Chinese characters (a full-width space, 微信　授权) taken out, so that the
    brand patterns and the allowed phrases, written once, read every spelling (OPS2018 12.3–12.4, R2018 1.2.2)."""
    return _CJK_GAP.sub("", _LOGIN_VARIANT.sub("登录", text))


def _auth_screen(text: str, settle: bool = False) -> bool:
    """Whether ``text`` (not a label) speaks as WeChat's authorization screen: its first clause is a 微信授权
    heading or makes WeChat's login the gate (微信登录后才可…), it asks the user to allow WeChat authorization, or
    it pleads for WeChat's login as the app's own step (请先微信登录: :data:`BRAND_PLEA`). ``settle`` reads a
    heading under way (微信授权登录中...) as the heading."""
    first = _CLAUSE_BREAK.split(text.strip(), maxsplit=1)[0].strip()
    first = _settled(first) if settle else first
    return bool(BRAND_HEADING.fullmatch(first) or BRAND_GATE.match(first) or BRAND_AUTH_PROMPT.search(text)
                or BRAND_PLEA.search(text))


def _settled(text: str) -> str:
    """``text`` without the words that say a login is under way (正在…, …中...: :data:`_UNDER_WAY`), as the
    finished label or heading reads: 微信授权登录中... is the 微信授权登录 heading while it runs."""
    return _UNDER_WAY.sub("", text)


def _without(text: str, phrases: Iterable[str]) -> str:
    """``text`` with the team's own allowed phrases (config ``branding.allow``) taken out."""
    for phrase in phrases:
        text = text.replace(phrase, "")
    return text
