"""An optional on-disk cache of facts, keyed by git blob id: a second run over the same commits parses
nothing new. One SQLite file (standard library), easy to keep between CI runs with ``actions/cache``.
Beside the facts it keeps verdicts about images (does this picture show WeChat's logo?), keyed by blob id
and file name: decoding them is most of what a warm run over a whole imported app would still do; and readers'
answers about one text (a page script's defined names, ``facts/scriptnames.py``), keyed by the text's blob id.

Keys carry the fact-format version, so an upgrade never reads facts written by an older extractor.
A damaged or unwritable cache is ignored with a note — it can only make a run slower, never wrong.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import convert, to_builtins
from msgspec.structs import asdict

if TYPE_CHECKING:
    import sqlite3

from mp_precheck import __version__
from mp_precheck.facts.branchtests import StringTests
from mp_precheck.facts.model import Export, Fact, FileFacts, JsxReading, ScriptBindings
from mp_precheck.git.repo import TreeEntry

CachedVerdicts = Callable[[str, Sequence[str]], dict[str, bool]]
KeepVerdicts = Callable[[str, Mapping[str, bool]], None]

# v67: pug templates of single-file components read as markup, line for line; wrappers that reach an API or
#      another file's wrapper through thin functions of their own file (Export.spans); the privacy APIs a
#      minified SDK calls (readers/sdkprivacy.py); an IM SDK's vendored file keeps the hosts its vendor documents;
#      class methods reached through instances; page hooks other platforms call; a development socket;
#      another service's client secret; v68: a pug template read raw to its </template> (a `<` in it opens no tag);
# v69: exports naming a member of a local object (module.exports = { upload: utils.upload }), an mpx page's
#      JSON block, share-reward wording (帮他砍价, invitation quotas 邀请3个好友（1/3）, 获得优惠券，快快邀请好友,
#      推荐…到群聊后), App methods an entry page calls and navigation helpers' bound arguments, labels in locale
#      files, the never-named methods of Vue-shaped pages (FileFacts.idle), URLs only compared with a value, env
#      switches named env / environment, links kept under reading-page names (github, docs);
# v70: WeChat login labels that retry or continue (微信登录并重试); v71: sockets to the request base (api-socket);
# v72: payments started through another channel than WeChat Pay (checks/pay_channels.yml);
# v73: login pages named as whole words regist / signup / reg (../regist/regist, toRegist, pages/signup), share
#      rewards of a game life or chance (复活卡, 获得一次抽奖机会); v74: securities, investment and insurance
#      services (text:finance: 盈利预测, 研报, 认购份额, 立即投保; 预测 / 评级 labels on a stock page); v75: Vue 3
#      global properties set in the entry's createApp() (app.config.globalProperties.$api = api);
# v76: documentation placeholder hosts (example.com, www.example.org) are no hosts; app.json list keys and
#      permission placed at the outermost object's key, not a copy nested in window;
# v77: WeChat named as the way a phone number is verified or granted (微信一键验证号码, 微信授权手机号): brand text;
# v78: no service signal from a warning against fraud or a list of fraud types (谨防网贷诈骗, ['刷单返利']) (+v77);
# v79: base64 media in a request body written as a string (multipart name="…", form-encoded key=) or held in a
#      variable (data: body);
# v80: a requestPayment passed an orderInfo order as wx.requestPayment:orderInfo, dropped only where the code
#      marks it as another platform's (appPay(), an Alipay order's callback, a branch for another platform);
# v81: the APIs an exported function calls only in the functions it hands back (Export.handed: a hook's
#      return { locate });
# v82: hosts of a region table's entries the code does not select (role alternative:<region>, readers/regiontable.py);
# v83: a module's own call of an upload function it exports (role via:, kept beside the wrapper's);
#      wx handed back by a function of the file (``const rt = getRuntime(); rt.cloud.uploadFile``);
# v84: a script's own helpers that make a call and the lines naming them (FileFacts.helpers);
# v85: URLs handed to an imported project function (FileFacts.handed_urls), imported bindings a barrel
#      exports again by name (import request from './request'; export { request }), the functions of a module a
#      thin function reaches API calls through (Export.reaches);
# v86: forced-login hook facts from every hook that runs before a tap (readers/openinghooks.py:
#      beforeCreate, beforeMount, onReady, pageLifetimes.show, each React effect); call shapes name pageLifetimes.x;
# v87: template text read as runs (a block's inline children joined) and two adjacent lines read
#      together for reward wording (readers/textruns.py, readers/jsxruns.py); any voucher (券) and a count in words;
# v88: an mpvue page's created / beforeCreate wall is a launch wall; a module's factory instance (a store)
#      its load hooks call is followed (Module.instances, Module.placed).
# v89: text:share-poster, a poster the text tells the user to send on or names for inviting
#      (长按海报 - 发送给朋友, 邀请海报: posters in checks/share_rewards.yml);
# v90: uni-app's uniCloud client read as wx.cloud (uniCloud.uploadFile, uniCloud.callFunction, its database);
# v91: a JSX tag bound to another package's import (an icon set's Camera) is no built-in component (readers/jsxtags.py);
# v92: friends' help (助力) followed by a cause is no share reward (helps / help_flow in
#      checks/share_rewards.yml); brand wording read in one spelling (登入 / 登陆 as 登录, no space between Chinese);
# v93: a hook's functions handed back inside a returned [state, { actions }] pair (Export.handed);
# v94: a font wx.loadFontFace loads is a download (a downloadFile host); v95: wx.authorize scope from a declared name;
# v96: members of an exported table of promisified APIs ({ uploadFile: promisify(wx.uploadFile) }) as
#      exports; a request helper's option flag read through a local (let file = params.file) and a call's
#      argument named by a local bound to an object literal (readers/forwarding.py, readers/dispatch.py);
# v97: a counted score of the app's own name (邀请好友得100成长值: scores in checks/share_rewards.yml)
#      is a reward for inviting;
# v98: calls of a member of an imported object (db.comment.add), of a Vue global property without $ (this.api.add,
#      installed as new Api()); a flag tested against undefined / null, and every if on one flag taken together;
# v99: a toast's or a dialog's text (toast('…'), Toast.fail('…'), showToast's title) read as a screen's
#      sentence, and a plea for WeChat's login there or in markup (请先微信登录) read as brand text;
# v100: a URL passed to an API that shows or saves a picture or video (previewImage, saveImageToPhotosAlbum…)
#      is media (readers/urls.py MEDIA_APIS), no server domain;
# v101: WeChat's AI extension calls (wx.cloud.extend.AI.createModel, .bot.sendMessage) and requests to a public
#       model service (sdk:generative-ai, checks/model_services.yml);
# v102: the branches a helper takes by testing a string argument's text (url.indexOf('https://') == 0),
#      a call's string arguments by index (Export.tests, readers/stringtests.py);
# v103: a URL variable (declared or held in Vue's ref()) read only to build image addresses or request
#      data is a media host, whatever its name (readers/imagebases.py);
# v104: a script's calls of store actions bound to it (FileFacts.store_calls, readers/storeactions.py);
# v105: a development flag's release branch is live whatever the flag's value (readers/flagbranch.py);
# v106: calls of names imported through a scoped specifier (FileFacts.scoped_calls: a build alias such as
#      @utils/http, followed by the fact store, or an npm package); a property read of wx / Taro
#      (Taro.$globalData, wx.env.X) is no API use; v107: a parameter called with wx.uploadFile's required options
#      (a kit hook handed the platform's upload: readers/handedupload.py) is a wx.uploadFile;
# v108: a bare IPv4 under a name ending in ip (HOST_IP) is a server host; a canvas painter's palette picture
#      (views[].type image url, background) is a download host (readers/imagenames.py, readers/paintviews.py);
#      a Vue page's computed entries (and methods) named only in markup comments are idle (readers/uncalled.py);
# v109: an app.json that is not valid JSON is read leniently (JSON5) for its keys, with the error kept;
# v110: a voucher the share act sends on (分享代金券) is no share reward; a name holding a picked photo's
#      base64 itself is reported where it is sent, not where it is named (readers/statemedia.py);
# v111: a prop a Redux-style connect binds to an action creator (this.props.addReview(form)) is a call of
#      that import (readers/connectprops.py);
# v112: a name the platform object is assigned to, not declared with (minified SDKs: e=wx,t=e), is wx;
# v113: a task row's invite and the amount credited on the next line (邀请… / +50) read as reward wording; an
#      icon beside a line's one text keeps it one line; v114: weapp-vite's JSON (an SFC's <json> block, defineAppJson /
#      definePageJson, app.json.ts) and wevu's promisified wx (import { wpi } from 'wevu/api');
# v115: a script of a vendored package folder a native app ships (bower_components/) is read as a
#      vendored SDK (min-js: request hosts and privacy API calls);
# v116: a WeChat Pay Native link (code_url) or a payment request's answer drawn as a QR code is a payment
#      through another channel (readers/nativepay.py);
# v117: a picked photo's base64 handed to a project helper named for local storage (mediaStorage.save,
#      cache.set) is no upload (readers/statemedia.py);
# v118: a secret= / access_token= value ends at a backslash (core/secrets.py): a mask never takes the escape after;
# v119: an invite's cash counted in money (每邀请一人可得 2.5 元) is share-reward wording (readers/sharewords.py);
# v120: a WeChat login heading or label under way on the page (微信授权登录中..., 正在微信登录) is brand
#      wording, not in a loading indicator's title (readers/textsignals.py, readers/textplaces.py);
# v121: the links of a minified library calling no network API (readers/minified.py), URLs sent as
#      a request's data, and URLs a JSX attribute's expression may take read with their element (readers/bound.py);
# v122: a verb ending in 集 before 卡牌 / 卡片 (收集卡牌) is no collect-cards game (readers/textsignals.py);
# v123: a factory's object a function of the file hands back (getRecorder() → RecorderManager) is typed
#      at its caller (readers/factorygetters.py);
# v124: a native project's #ifdef comments hide nothing (read as shipped); an AppSecret in a client-
#   prefixed env variable, or as a `||` / `??` fallback literal, is a secret:app-secret fact
# v125: a template an unclosed attribute quote cut short says so (FileFacts.error, readers/quotes.py);
#   an AppSecret in project.config.json / project.private.config.json is a secret:app-secret fact
# v126: 微信认证 named in a sentence is no brand claim; v127: a name holding a factory's object passes it on
#      (this.recorder = rec after const rec = wx.getRecorderManager(); readers/jsbindings.py)
# v128: a FinClip project's ft read as wx (readers/finclip.py; cache kind /finclip); a host label held in a
#   name a nested function only shadows resolved; an AI chat on the app's own server (sdk:generative-ai,
#   readers/modelchat.py); text:share-commission (佣金 shown to a promoter)
# v129: a new Promise awaited where it is made, resolved with a file's base64, holds base64 (its receiver)
# v130: a URL variable whose value reaches a network call through the file's own code takes its role
# v131: a file put into a hand-built multipart body sent by wx.request; v132: 交友 after peers is no dating;
#       fake WeChat/payment screenshot generators
# v133: FinClip's ft bindings read from the parse (a method's parameter, a renamed or array pattern binds it)
# v134: a secret in a block only other platforms build (#ifdef H5) is a fact; v135: credentials masked in values
# v136: a URL prefix completed by a picture's file name is media; a pay flow only another build pays is none
# v137: base64 photos in a cloud function's data; an API held under a name never read again; URL members
# v138: a web-view src with literal scheme and host is no dynamic src; no title under a custom nav style
# v139: a JSX component's state or constant text it renders as an element's text ({btnText}) is UI text
# v140: author / authority name no login page (entry-login); a fill-in placeholder title is no brand use
# v141: an API held under a name is read again only by the name as an identifier (a comment or a property is no read)
# v142: a check…Login() whose answer is kept (assigned, put in setData) is no forced action by its name
# v143: a URL a string test looks for is no host; developers.weixin.qq.com is no server; a button's text kept under a
#       key naming the button is a label; a chat method of the page that sends nothing asks no model
# v144: uniCloud object methods called are cloud calls; v145: a TS namespace's exported functions: its members
# v146: a helper's flag parameter tested by truthiness (if (!asFile), flag ? a : b) is decided by a literal
#       or left-out argument; call sites record true / false / null / number arguments (arg:3:true); a call nested
#       in a wrapper call's arguments on its line no longer stands for the wrapper call
# v147: a tap handler's link a method only copies; a Vue 3 image ref; a URL template ending in a picture; v148: WeChat's
#   developer docs linked from code are no server; a web-view of them keeps its business domain; v149: unread local URL
#   variables; picture fields of a template; URLs a jump hands to a web-view page; v150: the names a page's script
#   defines (dead handlers) kept by text blob id (facts/scriptnames.py); v151: a picked photo's base64 sent through a
#   module the App holds (app.http.post); App({ x: require() }); v152: a photo pushed into state, walked and filled into
#   a local sent later; placeholder arrays no photo; v153: URLs in data a template shows only as a picture (loops, prop
#   defaults); v154: logo eyes in proportion; v155: URLs only a browser loads (new Image().src, location.href, a web
#   JS-SDK's) and URLs inside an object a request helper is handed after its address (post(url, { homepage })) name no
#   server (readers/unrequested.py); v156: new Function("return this") shim, locale labels named like a review switch:
#   no facts; v157: console.* URLs; v158: built route queries; fees to become a distributor (multi-level); toasted
#   copied links; v159: a Taro config's subpackages named by a const are read; v160: WeixinJSBridge calls read with the
#   parser; v161: NODE_ENV === 'prod' (no build sets it) marks no side development-only; style url() pictures; v162:
#   URLs WePY's $navigate(route, params) / $preload hand a page, and those passed to a jump helper; v163: WePY
#   class-field mixins (mixins = [m]) read; data written onto a WePY class opens no names; v164: an own-server model
#   chat's path joined with + to its base (BaseURL + '/chat/stream'); v165: a name bound to a module factory's `new X()`
#   (makeClient()) holds an X: its methods are wrappers; v166: autoplay bound to data is not on; a record's url in a
#   list of images is a picture; v167: a wx.uploadFile to WeChat's content-security API (img_sec_check): no upload fact
# v168: Taro app.config read as the weapp build (TARO_ENV tests, writes to the config, undefined keys); v169: a prop's
#   default shown only as <image :src="prop"> is a picture; URLs handed to another app: none; v170: Taro code under
#   another platform's TARO_ENV test blanked; strings compared or used as keys are no shown text; v171: an app.json cut
#   short names its missing bracket; v172: a bound open-type's values; v173: an item pushed onto a data list: a picture
# v174: data a <web-view src> reads and a named route's web-view: web-view hosts; no URLs in source comments; v175:
#   demo-build and later-phase wording; a computed Taro page list counts pages it may list; v176: mpx attributes read
#   as the WeChat build has them (open-type@wx); v177: a URL field only printed is displayed; v178: hosts with an _;
#   v179: a wx factory's or a plugin's object a module exports: its capability methods are exports
# v180: a JSON5 config's error names its line, column and reason; v181: text:secondhand and text:errand
# v182: URLs in a query string or another URL's query carried, no host; lists built and stored in data
# v183: a thin function's sibling calls reach what their arguments choose; a flag it hands on is its own
# v57: base64 a script's own helpers give back (return, a resolved Promise, a .then chain) and names it is assigned
#      or pushed to; project file conversions (fileToBase64); uploads whose photo only a project helper picks;
# v55: share-reward wording naming a counted item (分享可获得道具卡 * 3, 可得 3 张抽奖券); request hosts of built npm
#      packages (miniprogram_npm), minified SDKs (sdkhosts.py), fallback recorders (this.rec || uni.getRecorderManager)
# v53: a one-colour mark must be the picture's subject (span most of the ink), not a detail of a cover's lettering;
# v52: an imported base class's methods (this.uploadFile() of a class extending one) as imported calls (inherited.py);
# v51: a WeChat mark drawn in one colour recognised by its shape (cached image verdicts change);
# v50: objects that hand their members on to wx (Export.forwards), router objects' redirects at launch;
# v49: share inducement: 加速 / 收益 as gains, a cut of what invited people buy (粉丝下单…获得收益).
# v48: a dev server's proxy targets (vite server.proxy, devServer.proxy) are development hosts; a URL inside a
#      sentence of a literal is text, no host; numbered login labels (1.微信授权登录) read without their number; a
#      tabBar text raises no red-packet lure; mpvue 1.x's app.json in src/main.js (export default { config }); SDK
#      clients a factory hands back (createClient), calls through a client's path (storage.from.upload), wrappers
#      that only relay to sibling wrappers (Export.relays).
# v47: JSX components and route URLs read with the facts (no analyzer parses a script again); a page hook's login
#      dialog another page asked for (a flag it clears) left out; a router called with the login page
#      (navigateToPage({ pageName: PAGE_ID.LOGIN })) as a redirect; storage hosts folded from constants (bucket +
#      region); an API only printed by console.* is no use; 微信授权申请 headings and WeChat-login gates;
#      hosts of links only copied to the clipboard (role clipboard), run-together image names (BGIMAGE);
# v46: a share button's gain-only label (继续砍, 助力) as text:share-button-gain;
# v45: share-reward wording (分享立享109元, 邀好友…得现金, 获取…能量, share buttons labelled +2000);
# v44: payment SDK calls (checks/payment_sdks.yml) as wx.requestPayment; agreement clauses, a bare 赞赏: no service;
# v43: 微信绑定的手机号 as a WeChat login label, 夺宝 as a lottery, 配对聊天 as dating, hosts after a run-time label,
# hosts written without a scheme under a host's name, share-reward wording (现金奖励, 为TA拉票), the lines of calls
# that only read data a wx.getSetting check found granted (readers/grantedread.py), cloud database writes;
# v42: merge of the v41s: entry-page walls and the branch that decides a redirect, App-only code a WeChat
# build never runs, mpvue.* as wx.*; v41: the fall-through path of a string dispatch on an option key (Export.flags);
# v41: WeChat avatar and article image CDNs are images, numbered image names, wx.request({ url }) roles;
# v39: imported bindings exported again (module.exports = { upload }), class fields and store actions as exports;
# v39: uni-id's uniIdRouter needLogin over the entry page, a picked photo's base64 sent from component state;
# v39: capability values trimmed ('getPhoneNumber '), literals of JSX expression children and of bound
# text / placeholder attributes as the element's text; v39: call shapes (a deleted page's call carried on);
# v39: App members and Vue global properties that hold an upload SDK module (Vue.prototype.$x = Sdk);
# v38: 绑定微信 / 授权微信账号 as WeChat account labels (the other word order);
# v39: an uncancellable modal that does nothing when confirmed is no forced login; v184: API in canIUse flags;
# v37: 微信注册 as a WeChat login label, kit fields of type="nickname" (van-field, t-input);
# v36: wx.cloud bound to a name (import { cloud } from '@tarojs/taro'), @/ aliases resolved src-first;
# v35: friend head counts and reward-ledger reasons as reward wording (merged with v34);
# v34: image references whose folder is bound ({{theme.images}}/wx.png), .svg images;
# v33: login popups opened by setData; v32: literals of a bound text node, 请授权微信登录, 升级 as a reward;
# v31: images named in style sheets (.wxss/.css/.scss/.less/.styl files, <style> blocks of components) and the
# first route of an mpvue-entry routes module (entry-login); v29/v30: the seventh round's readers;
# v28: helpers calling the API a parameter names (wx[method]), string-literal argument tokens, TS parameters;
# v23: <script src> module specs, uni-app pages.json entry page, logo on button strips,
# static-file host constants, option-flag dispatch (v22: base64 media); v190: 打赏 words; v191: <input password>
# v21: switched-off kit pickers; v20: map SDK locations, call-site novelty; v19: a page's own upload helper;
# v18: logo eyes are round; v17: api.weixin.qq.com is a server API, no domain; v16: white cut-out logos; v15: logo
# verdicts need flat-coloured bubbles; v14: upload call targets and dispatched actions; v13: merge of v11 and v12; v12:
# account-link hosts, uncalled component methods, hook libraries; v11: forced-login conditions (role if:<n>@<lines>);
# v10: WeChat login labels as brand text; v9: ID card fields, dispatch choices and call literals, review-text signals,
# authorizeForMiniProgram scopes; v5: wrappers and App members; v4: bound attribute choices, feature tests
# v185: an invited friend's act that pays the user, and a gain growing with the inviting, as reward wording
# v186: methods named like their helper idle; literals handed on; v187: a store dispatch calls the action it names
# v188: WeChat Pay merchant keys, api.mch server-only; v189: callback URLs, <a href>, bundled manifests: no hosts
# v192: a script's URL words name no method; v193: dev sockets through imports, conflicted configs per side
# v194: App-held test hosts via getApp() are servers; v196-idlesetup: uncalled own functions idle; v201: 问诊 words
# v200/v202: a hook's getUserProfile, a granted user's page opened: no forced login; idcard box named 学号: no ID
FORMAT = f"facts-v202-granted-{__version__}"


class FactCache:
    """Facts by (blob id, reader kind) in the SQLite file at ``path`` (created when missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        import sqlite3  # here and below: loaded only by runs that keep a cache (~7 ms of imports)

        self._db: sqlite3.Connection | None = None
        self._readings: dict[str, str] = {}  # new readings, written in one transaction when the cache closes
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, verdict INTEGER NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS readings (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        self.problem = f"fact cache {self.path} not used: {exc}"
        if self._db is not None:
            self._db.close()
        self._db = None

    @staticmethod
    def key(blob: str, kind: str) -> str:
        return f"{FORMAT}:{kind}:{blob}"

    def get_many(self, keys: Iterable[str]) -> dict[str, FileFacts]:
        """Cached facts for the keys that are present."""
        import sqlite3

        wanted = list(keys)
        if self._db is None or not wanted:
            return {}
        out: dict[str, FileFacts] = {}
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, data in self._db.execute(f"SELECT key, data FROM facts WHERE key IN ({marks})", chunk):
                    out[key] = _load(json.loads(data))
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            self._disable(exc)
            return {}
        return out

    @staticmethod
    def verdict_key(kind: str, blob: str, name: str) -> str:
        """The key of a ``kind`` verdict (``logo``) about blob ``blob`` in a file called ``name``."""
        return f"{FORMAT}:{kind}:{blob}:{name}"

    def get_verdicts(self, keys: Iterable[str]) -> dict[str, bool]:
        """Stored verdicts for the keys that are present (see :meth:`verdict_key`)."""
        import sqlite3

        wanted = list(keys)
        if self._db is None or not wanted:
            return {}
        out: dict[str, bool] = {}
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, verdict in self._db.execute(f"SELECT key, verdict FROM verdicts WHERE key IN ({marks})",
                                                     chunk):
                    out[key] = bool(verdict)
        except sqlite3.Error as exc:
            self._disable(exc)
            return {}
        return out

    def put_verdicts(self, items: dict[str, bool]) -> None:
        import sqlite3

        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO verdicts (key, verdict) VALUES (?, ?)",
                                     [(k, int(v)) for k, v in items.items()])
        except sqlite3.Error as exc:
            self._disable(exc)

    def put_many(self, items: dict[str, FileFacts]) -> None:
        import sqlite3

        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO facts (key, data) VALUES (?, ?)",
                                     [(k, json.dumps(_dump(v), ensure_ascii=False)) for k, v in items.items()])
        except sqlite3.Error as exc:
            self._disable(exc)

    def get_reading(self, key: str) -> str | None:
        """The JSON text kept under ``key`` by :meth:`put_reading` (this run's or an earlier one's), or None."""
        import sqlite3

        if key in self._readings or self._db is None:
            return self._readings.get(key)
        try:
            row = self._db.execute("SELECT data FROM readings WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._disable(exc)
            return None
        return None if row is None else str(row[0])

    def put_reading(self, key: str, data: str) -> None:
        """Keep the JSON text ``data`` (a reader's answer about one text) under ``key``, written at :meth:`close`."""
        if self._db is not None:
            self._readings[key] = data

    def close(self) -> None:
        import sqlite3

        if self._db is not None and self._readings:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO readings (key, data) VALUES (?, ?)",
                                         list(self._readings.items()))
            except sqlite3.Error as exc:
                self._disable(exc)
        self._readings = {}
        if self._db is not None:
            self._db.close()
            self._db = None


def verdict_access(disk: FactCache | None, tree: Mapping[str, TreeEntry]) -> tuple[CachedVerdicts, KeepVerdicts]:
    """``cached(kind, paths)`` → {path: verdict} and ``keep(kind, {path: verdict})`` for the files of ``tree``
    (path → entry), over ``disk``; without one, nothing is found and nothing kept. A verdict is about a
    file's bytes and name, so it is keyed by blob id and file name."""
    if disk is None:
        return (lambda kind, paths: {}), (lambda kind, verdicts: None)
    cache = disk

    def keys(kind: str, paths: Iterable[str]) -> dict[str, str]:
        return {path: FactCache.verdict_key(kind, entry.blob, posixpath.basename(path))
                for path in paths if (entry := tree.get(path)) is not None}

    def cached(kind: str, paths: Sequence[str]) -> dict[str, bool]:
        wanted = keys(kind, paths)
        found = cache.get_verdicts(wanted.values())
        return {path: found[key] for path, key in wanted.items() if key in found}

    def keep(kind: str, verdicts: Mapping[str, bool]) -> None:
        cache.put_verdicts({key: verdicts[path] for path, key in keys(kind, verdicts).items()})

    return cached, keep


def _dump(facts: FileFacts) -> dict[str, Any]:
    return {"facts": [asdict(f) for f in facts.facts], "error": facts.error,
            "imported_calls": [list(c) for c in facts.imported_calls],
            "scoped_calls": [list(c) for c in facts.scoped_calls],
            "exports": {k: asdict(v) | {"tests": to_builtins(v.tests)} for k, v in facts.exports.items()},
            "app_members": facts.app_members,
            "call_literals": {str(k): list(v) for k, v in facts.call_literals.items()},
            "call_shapes": {str(k): v for k, v in facts.call_shapes.items()},
            "module_specs": list(facts.module_specs), "imported_names": list(facts.imported_names),
            "reexports": [list(r) for r in facts.reexports], "socket_imports": list(map(list, facts.socket_imports)),
            "granted": list(facts.granted), "idle": [list(r) for r in facts.idle],
            "helpers": [[name, first, last, list(lines)] for name, first, last, lines in facts.helpers],
            "jsx": to_builtins(facts.jsx) if facts.jsx is not None else None,
            "routes": [list(r) for r in facts.routes] if facts.routes is not None else None,
            "handed_urls": [list(h) for h in facts.handed_urls],
            "store_calls": [list(c) for c in facts.store_calls] if facts.store_calls is not None else None}


def _load(data: dict[str, Any]) -> FileFacts:
    return FileFacts(
        facts=tuple(Fact(**f) for f in data["facts"]), error=data["error"],
        imported_calls=tuple((c[0], c[1], int(c[2])) for c in data["imported_calls"]),
        scoped_calls=tuple((c[0], c[1], int(c[2])) for c in data.get("scoped_calls", ())),
        exports={k: Export(tuple(v["subjects"]), v["first_line"], v["last_line"],
                           tuple((c[0], tuple(c[1])) for c in v.get("choices", ())), v.get("dispatched", False),
                           tuple((int(f[0]), f[1], tuple(f[2]), tuple(f[3])) for f in v.get("flags", ())),
                           tuple((int(n[0]), n[1]) for n in v.get("named", ())), v.get("relays", False),
                           v.get("forwards", ""), tuple((int(a), int(b)) for a, b in v.get("spans", ())),
                           tuple(v.get("handed", ())), tuple((int(a), int(b)) for a, b in v.get("reaches", ())),
                           convert(v.get("tests", {}), StringTests))
                 for k, v in data["exports"].items()}, app_members=dict(data.get("app_members", {})),
        call_literals={int(k): tuple(v) for k, v in data.get("call_literals", {}).items()},
        call_shapes={int(k): v for k, v in data.get("call_shapes", {}).items()},
        module_specs=tuple(data.get("module_specs", ())), imported_names=tuple(data.get("imported_names", ())),
        reexports=tuple((r[0], r[1], r[2]) for r in data.get("reexports", ())),
        granted=tuple(int(line) for line in data.get("granted", ())),
        idle=tuple((int(a), int(b)) for a, b in data.get("idle", ())),
        helpers=tuple((h[0], int(h[1]), int(h[2]), tuple(int(n) for n in h[3])) for h in data.get("helpers", ())),
        jsx=_load_jsx(data["jsx"]) if data.get("jsx") is not None else None,
        routes=tuple((r[0], int(r[1])) for r in data["routes"]) if data.get("routes") is not None else None,
        handed_urls=tuple((int(a), int(b)) for a, b in data.get("handed_urls", ())),
        socket_imports=tuple((int(s[0]), s[1], s[2]) for s in data.get("socket_imports", ())),
        store_calls=tuple((c[0], c[1], int(c[2])) for c in data["store_calls"])
        if data.get("store_calls") is not None else None)


def _load_jsx(data: dict[str, Any]) -> JsxReading:
    bindings = data["bindings"]
    return JsxReading(ScriptBindings(*(tuple((a, b) for a, b in bindings[k])
                                       for k in ("imports", "components", "registrations"))),
                      tuple((tag, int(line)) for tag, line in data["tags"]))
