"""UI text that review reads as unfinished, as asking for WeChat credentials, or as a lure: one piece of text in,
signal names out (``text:<signal>`` facts; the rules are in ``checks/completeness.yml`` and the families').

* ``placeholder``: 敬请期待, 功能开发中, 即将上线, coming soon… in a short piece of UI text — the page is not a
  finished product (常见拒绝情形 3.3.1: https://developers.weixin.qq.com/miniprogram/product/reject.html);
* ``placeholder`` also for a feature put off to a later phase (下一阶段接入, 后续开放);
* ``test-content``: a page or share title that is only 测试 / test / demo / lorem ipsum (names only: a JS
  string ``'test'`` is usually an environment name, never flagged), or any short text saying the build is a demo or
  takes a fixed login code (演示环境, 验证码固定为 123456);
* ``wechat-password``: asking for the WeChat password or the friend list (3.4.2);
* ``red-packet``: a title (share card, page title) that offers a red packet (红包) to open or grab;
* ``multi-level``: multi-level distribution wording (三级分销, 发展下线, a fee to become a distributor or a
  leader of recruits…; 运营规范 5.9:
  https://developers.weixin.qq.com/miniprogram/product/index.html);
* ``system-notice``: text posing as a system or WeChat-team notice about the user's account (3.6.4).

Patterns are narrow on purpose: a plain "测试" in a log message, "我的红包" or "分销中心" are not signals.
"""

from __future__ import annotations

import re

from mp_precheck.core.recache import compiled

# Short texts only: a sentence that merely mentions "即将上线" inside an announcement is not a placeholder.
PLACEHOLDER_MAX = 24
PLACEHOLDER = compiled(
    r"敬请期待|功能(?:正在)?开发中|(?:正在|还在|仍在)(?:开发|建设|完善)中|即将(?:上线|开放|推出)|"
    r"(?:暂未|尚未|还未|暂不)(?:开放|上线|开通)|待开发|coming\s+soon|under\s+construction|lorem\s+ipsum|"
    # a feature put off to a later phase or version (下一阶段接入, 后续开放, 下个版本上线): not there yet
    r"(?:下一?(?:个)?阶段|后续|下一?个?版本|下期)(?:再|将|会)?(?:接入|开放|上线|开通|实现)",
    re.IGNORECASE)
# Text that says the build is a demo or takes a fixed login code (演示环境, 验证码固定为 123456, 万能验证码): the
# reviewer reads a test build (3.3.1). Up to a short sentence; a real code sent by SMS (验证码已发送) is no signal.
DEMO_MAX = 60
DEMO_BUILD = compiled(r"演示(?:环境|账号|帐号|模式|版本?)|万能验证码|"
                        r"(?:短信)?验证码[^。！!？?\n]{0,6}(?:固定|统一|默认|一律)(?:为|是|填|输入)?\s*[:：]?\s*\d{4,8}")
TEST_TITLE = compiled(r"(?:测试|测试页面?|测试数据|test(?:\s*page)?|demo|示例页面?|lorem\s+ipsum|hello\s+world)"
                        r"\s*\d*", re.IGNORECASE)
WECHAT_PASSWORD = compiled(
    r"(?:输入|填写|提供|告诉我们|录入)[^。！!？?\n]{0,6}(?:微信|WeChat|QQ)\s*(?:账号|帐号|号)?\s*(?:的)?\s*(?:登录)?密码|"
    r"(?:微信|WeChat)\s*(?:登录)?密码\s*[:：]|"
    r"(?:获取|读取|导入|上传|同步)[^。！!？?\n]{0,6}(?:微信好友列表|微信好友关系|你的好友列表|您的好友列表)",
    re.IGNORECASE)
RED_PACKET = compiled(r"(?:领|抢|拆|开|送|发)[^。！!？?\n]{0,4}红包|现金红包|"
                        r"红包[^。！!？?\n]{0,6}(?:待领取|速领|到账|已到)")
# A second level of commission (二级返点: a cut of what the recruits' recruits pay) is already more than one level:
# only a direct referral may be paid (运营规范 5.9). 二级代理 alone is a reseller tier, not a cut of recruits' sales.
# A fee paid to become a distributor or a leader of recruits (尚未成为推广员，缴纳 199 元即可开通) is the entry fee
# 5.9 names beside levels of commission: the fee buys a place above the recruits who pay it in turn. So is joining as
# a distributor under a leader's invite code (填写上级邀请码后成为推广员): a recruit placed in a downline.
_TIER = r"(?:分销商|分销员|推广员|团长|合伙人)"
_PAY = r"(?:支付|缴纳|交纳|付费)"
MULTI_LEVEL = compiled(r"(?:三|3|多|无限)级(?:分销|返佣|佣金|返利|返点|代理|提成)|"
                         r"(?:二|两|2)级(?:分销|返佣|佣金|返利|返点|提成)|发展下线|下线(?:返利|佣金|提成|返佣|返点)|"
                         rf"(?:不是|尚未成为|还未成为){_TIER}[^。！!？?\n]{{0,4}}{_PAY}[^。！!？?\n]{{0,30}}(?:升级|成为|开通)|"
                         rf"{_PAY}[^。！!？?\n]{{0,30}}(?:成为|升级为|升级成|开通){_TIER}|"
                         rf"(?:成为|升级为){_TIER}[^。！!？?\n]{{0,10}}[需须]{_PAY}|"
                         rf"(?:团长|上级|推荐人)的?邀请码[^。！!？?\n]{{0,12}}成为(?:分销商|分销员|推广员|团员)")
SYSTEM_NOTICE = compiled(
    r"(?:微信|WeChat)[^。！!？?\n]{0,6}(?:账号|帐号|账户)[^。！!？?\n]{0,8}(?:异常|风险|冻结|封禁|违规|被盗)|"
    r"【\s*(?:微信|系统)\s*(?:通知|提示|消息|公告)\s*】|(?:微信|WeChat)\s*(?:官方|团队)?\s*(?:通知|提醒)\s*[:：]",
    re.IGNORECASE)


def review_signals(text: str, title: bool = False) -> list[str]:
    """Signal names of this module found in one piece of UI ``text`` (already at most 500 characters).

    ``title`` marks a name-like place (navigation bar title, tabBar text, share title): only there do a bare
    测试 / test / demo and a red-packet offer count.
    """
    found = []
    stripped = text.strip()
    if len(stripped) <= PLACEHOLDER_MAX and PLACEHOLDER.search(stripped):
        found.append("placeholder")
    if (title and TEST_TITLE.fullmatch(stripped)) or (len(stripped) <= DEMO_MAX and DEMO_BUILD.search(stripped)):
        found.append("test-content")
    if WECHAT_PASSWORD.search(text):
        found.append("wechat-password")
    if title and RED_PACKET.search(text):
        found.append("red-packet")
    if MULTI_LEVEL.search(text):
        found.append("multi-level")
    if SYSTEM_NOTICE.search(text):
        found.append("system-notice")
    return found
