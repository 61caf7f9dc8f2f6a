"""Analyzers: rules that need more than "this fact is new". Each module has one job.

An analyzer is ``analyze(context, findings) -> findings`` (:class:`~.context.Analyzer`): it gets one
project's :class:`~.context.ProjectContext` and the findings so far (the semantic diff's, then each earlier
analyzer's output) and returns the findings after its job. :data:`REGISTRY` is the whole set, in the
order they run; :func:`mp_precheck.core.analysis.run_analyzers` runs it, and an analyzer that raises
becomes one error of the report while the others still run. Each entry is an :class:`~.loading.OnDemand`: its
module is imported when it first runs, and an analyzer that only acts on findings of its own rules (or on a
setting of ``.mp-precheck.yml``) has a gate that skips it, unimported, when there are none (``loading.py``);
the share, chat, IM and refusal-modal analyzers one that skips them when no changed page holds what they read
(``pagegates.py``).

=====================  ==========================================  =================================================
analyzer               reads (context · findings)                  adds · removes / rewrites
=====================  ==========================================  =================================================
stray_templates        exists_at_head, repo_grep · findings in a   removes them when the file has no script or JSON
                       ``.wxml`` file                              of its own and no other file names it
ui_kits                read_head (usingComponents), head_paths,    removes ``ui-kit:pick-media``/``upload-media``
                       repo_grep · ui-kit subjects                 findings whose tag is the project's own
                                                                   component; a uniCloud-only kit's upload in a
                                                                   project with no uniCloud service space
component_uploads      head_facts, base_facts, counterpart,        adds an upload finding (scope file) at a page's
                       added_lines, read_head, read_base,          first use of a project component whose upload
                       exists_at_head, facts_at_head, repo_grep ·  is old; removes that component's upload
                       upload findings                             findings of scope file
called_helpers         head_facts, base_facts, counterpart,        removes a finding of scope file at a call of a
                       read_base, catalog · findings of scope      project helper the base version of its file
                       file that are mere new call sites           already reached its API through (script) or
                                                                   called (template)
switched_asks          head_facts, base_facts, counterpart,        adds a privacy finding of scope file at a button
                       added_lines, read_head, read_base,          another page dropped while this page's own
                       catalog · privacy findings on               control starts asking, a new label tells another
                       ``button[open-type=*]``                     purpose, or the other page asks for something
                                                                   else in its place (not moved)
moved_asks             head_facts, counterpart, read_head,         removes a new button's privacy finding of scope
                       read_base, exists_at_head, project ·        file off the entry page when the change deleted
                       privacy findings of scope file on           the callback of a button of the same open-type
                       ``button[open-type=*]``                     on another page (the ask moved)
location_config        project.app_config, read_head,              adds ``privacy.required_private_infos_missing``,
                       present_at_head · ``wx.<location API>``,    ``_unused``, ``privacy.fuzzy_location_conflict``,
                       ``app.json:requiredPrivateInfos:*``,        ``privacy.permission_desc_missing``
                       ``app.json:permission:scope.*``
vendored_sdk           counterpart, read_head, exists_at_head ·    rewrites their value (``third-party SDK``); adds
                       privacy family with a privacy_key in a      ``privacy.third_party_sdk`` once per SDK file
                       minified script (``x.min.js``, a minified
                       ``.js`` no page renders)
consent_flow           present_at_head · privacy family with a     adds ``privacy.no_consent_flow``
                       privacy_key, app scope
privacy_declaration    config.declared_privacy, catalog ·          rewrites them: declared → info, undeclared →
                       privacy family with a privacy_key           ``privacy.undeclared_type`` (high)
ugc                    facts_at_head (the page's script, the       removes ``upload.user_text`` nothing sends, that a
                       store or service modules it calls),         page upload covers or that the page posted
                       read_head, exists_at_head, base_facts,      before; moves it to the post (a store's too);
                       counterpart, changed_paths ·                adds ``category.ugc``, and both at the new
                       ``upload.user_text``, upload family         post of an old text box
chat                   head_facts, facts_at_head, read_head,       adds ``upload.user_text`` and ``category.ugc`` at
                       base_facts, read_base, counterpart,         a new conversation's message send (a chat
                       changed_paths, exists_at_head ·             between users, by request, socket or an
                                                                   object no reader follows),
                       ``category.ugc``, upload family             ``upload.upload_file`` at its call of a
                                                                   project upload helper
im_chat                repo_grep, head_facts, changed_paths,       adds ``upload.user_text`` and ``category.ugc`` at
                       exists_at_head, read_head, facts_at_head,   a page's first message sent through an IM SDK
                       read_base, counterpart, base_facts ·        (Tencent Cloud Chat, LeanCloud…) in an app that
                       ``category.ugc``, ``upload.user_text``      sent none before
comment_boxes          changed_paths, exists_at_head,              adds ``upload.user_text`` and ``category.ugc`` at
                       facts_at_head, read_head, read_base,        a new post of a one-line comment ``<input>``'s
                       counterpart, added_lines, project ·         text (``addComment``, ``/feed/reply_comment``;
                       ``upload.user_text``, ``category.ugc``      ``addItem`` on a 发布 page) or an editable modal's
                                                                   answer (``wx.showModal({ editable: true })``)
relayed_posts          changed_paths, exists_at_head,              adds ``upload.user_text`` and ``category.ugc`` at
                       facts_at_head, read_head, read_base,        a new post (or room chat send) of text a
                       counterpart, added_lines, project,          component emits to the page's handler, a list
                       base_facts · ``upload.user_text``,          item's field holds or an editor page hands back
                       ``category.ugc``                            to the page that opened it
media_posts            facts_at_head, exists_at_head,              adds ``category.ugc`` at a page's new call of an
                       added_lines · upload family, category       API method named as a post (``dynamicAdd``) on a
                       family                                      page that uploads media, its text box not told
service_posts          head_facts, counterpart · category and      adds a ``once`` category rule's finding at a new
                       upload families                             page whose users post in a service the app had
service_entries        head_facts, base_facts, counterpart,        adds a ``once`` category rule's finding at a
                       changed_paths, read_head, read_base,        service's label the change binds (a dead tile
                       repo_grep, facts_at_head · category family  turned into an entry), the app offering it nowhere
model_pages            head_facts, added_lines, read_head,         adds ``category.generative_ai`` at a changed
                       read_base, present_at_head, project ·       page's new request when its words newly name a
                       ``category.generative_ai``                  model (ChatGPT, AI 助手) and it has a text box
model_prompts          findings only · ``category.generative_ai``, removes ``upload.user_text`` and
                       ``upload.user_text``, ``category.ugc``      ``category.ugc`` at a generative-AI send (a
                                                                   prompt), unless the page also publishes
content_security       repo_grep, read_head, read_base,            rewrites them to medium when a server checks
                       changed_paths,                              content; adds ``upload.content_check_v1`` on a
                       config.content_security_external ·          v1 call the change writes, else the v1 advice
                       upload family, app scope                    to the uploads' fix
domains                config.domains · ``external_link.domain``,  removes configured hosts; rewrites the title of
                       ``external_link.business_domain``           the others (which list is missing the host), the
                                                                   fix of a URL with a port (the entry to add)
order_payments         present_at_head, language ·                 removes the ``orderInfo`` payment's findings
                       ``wx.requestPayment:orderInfo``             where the app pays the WeChat way elsewhere;
                                                                   adds WeChat Pay's options to the others' fix
tipping                head_facts, base_facts, counterpart,        adds ``payment.tipping`` once per page taking tips
                       added_lines, read_head, exists_at_head,     the change offers (打赏, 赞赏, 捐赠 words on it or on
                       facts_at_head, repo_grep, changed_paths,    a changed page opening it): at its new
                       project · ``payment.request_payment``       requestPayment, else at the words, when it shows
                                                                   a payment code to scan
live_video             head_facts, base_facts, counterpart,        adds ``category.live_stream`` once, where a changed
                       read_head, exists_at_head, facts_at_head,   page opening a new ``<video>`` (or the player) says
                       present_at_head, project ·                  it broadcasts live or lists a live source
                       ``category.live``
ad_components          head_facts, base_facts, counterpart,        adds ``category.third_party_ad`` at a page's new
                       added_lines, read_head, exists_at_head,     use of an ad-named project component that
                       facts_at_head, project · none               opens other Mini Programs
game_pages             project, base_pages, read_head, read_base,  adds ``category.game`` at the registry line of
                       config.categories, catalog · none           the first page the change registers that is a
                                                                   game (扫雷, 2048, ``pages/tetris``), in an app
                                                                   that had none and no game category configured
categories             config.categories · category family,        rewrites a fitting category to info; adds
                       precise-location subjects                   ``category.precise_location``
brand_mounted          head_facts, counterpart, added_lines,       adds ``branding.brand_text`` at the brand text of
                       read_head, read_base, exists_at_head,       a component the change renders for the first
                       facts_at_head, repo_grep · brand text       time (``mounted.py``)
brand_phrases          head_facts, counterpart, added_lines ·      rewrites the value of ``branding.brand_text`` to
                       ``branding.brand_text``                     name every brand phrase its file adds
branding               config.branding_allow ·                     removes brand text inside an allowed phrase
                       ``branding.brand_text``
brand_image            head_facts, base_facts, counterpart,        adds ``branding.brand_image``
                       changed_paths, repo_grep, grep_files,
                       facts_at_head, read_head_bytes,
                       exists_at_head, head_paths · none
induced_sharing        head_facts, base_facts, counterpart,        rewrites ``sharing.induced_share`` (moves it to the
                       added_lines, facts_at_head, repo_grep,      wording by a new share button, or to
                       read_head, exists_at_head ·                 ``sharing.share_reward_text`` when the page can't
                       ``sharing.induced_share``                   share); adds one for a new button or share hook
                                                                   by old wording (the page's or a component's it
                                                                   renders), and one per dialog (<modal>, *-popup)
                                                                   with a promise of its own
share_means            head_facts, counterpart, added_lines,       adds ``sharing.induced_share`` at a new share
                       read_head, read_base, facts_at_head,        panel (微信好友/朋友圈) on a page with reward
                       repo_grep · sharing family                  wording, a new invite QR code or a poster to send
                                                                   on (reward wording, or referral pay in the app),
                                                                   a new share card carrying the invite code on a
                                                                   page showing referral pay; moves the page's
                                                                   ``sharing.share_reward_text`` to its new panel
share_callbacks        head_facts, added_lines, read_head,         adds ``sharing.induced_share`` at a share hook's
                       read_base, counterpart, facts_at_head,      new success callback or own call (one its base
                       exists_at_head, project · sharing family    hook did not make) on a page (a mixin: the app)
                                                                   with reward wording, and at a
                                                                   share button whose tap onShow newly acts on
share_targets          head_facts, added_lines, read_head,         adds ``sharing.induced_share`` at a share hook
                       read_base, counterpart, exists_at_head,     whose new card path opens a page with reward
                       facts_at_head, repo_grep, project ·         wording, and at the request a help button (帮他
                       sharing family                              免费拿) on a shared card's page newly sends;
                                                                   removes that page's sharing findings
forced_login           head_facts, base_facts, counterpart,        adds ``login.forced_login`` for a launch or
                       added_lines · ``login.forced_login``        entry-page redirect the app had, now under
                                                                   fewer conditions (made unconditional)
helper_redirect        counterpart, read_head, read_base ·         removes ``login.forced_login`` of a login
                       ``login.forced_login``                      helper by name called where the base file
                                                                   redirected to a login page
launch_helpers         project, read_head, read_base,              adds ``login.forced_login`` in a module whose
                       exists_at_head, counterpart, added_lines ·  function an app launch hook calls, for a
                       ``login.forced_login``                      forced action the change makes it reach
launch_auth_page       project, counterpart, added_lines,          adds ``login.forced_login`` in the app script or
                       read_head, read_base, exists_at_head,       the entry page's for a launch or load redirect
                       facts_at_head · ``login.forced_login``      (through another module's helper too) to a page
                                                                   that is an authorization page by content
entry_helpers          project, read_head, read_base,              adds ``login.forced_login`` in a module the
                       exists_at_head, head_paths, counterpart ·   entry page's load hooks reach (three modules
                       ``login.forced_login``                      deep), for a redirect to login new there;
                                                                   removes the page's own one moved in from there
entry_composables      project, read_head, read_base,              adds ``login.forced_login`` in a composable or
                       exists_at_head, head_paths, counterpart ·   custom hook the entry page calls as it sets up,
                       ``login.forced_login``                      for a redirect to login new in a hook it registers
wrapper_wall           project, read_head, read_base,              adds ``login.forced_login`` at a request
                       exists_at_head, counterpart, added_lines ·  wrapper the entry page imports that newly sends
                       ``login.forced_login``                      a business answer code to a login page
share_landing          project, changed_paths, counterpart,        adds ``login.forced_login`` in a page that shares
                       added_lines, read_head, read_base ·         itself (a shared card's landing page) whose load
                       ``login.forced_login``                      hooks newly force login or authorization
entry_overlay          project, changed_paths, counterpart,        adds ``login.forced_login`` in a component
                       read_head, read_base, exists_at_head,       the entry page renders (or at a mask in its
                       facts_at_head · ``login.forced_login``      own template) that covers it with a login
                                                                   wall as it opens
jsx_overlay            project, changed_paths, counterpart,        the same for a JSX entry page (Taro, Remax)
                       read_head, read_base, exists_at_head ·      and the JSX component it renders
                       ``login.forced_login``
auth_entry             project, changed_paths, counterpart,        adds ``login.login_first_page`` for an
                       read_head, read_base, facts_at_head ·       authorization page (by what it does) made
                       ``login.login_first_page``                  the entry page
entry_turned           project, changed_paths, counterpart,        adds ``login.login_first_page`` for an entry
                       read_head, read_base ·                      page named as a login page that asked nothing
                       ``login.login_first_page``                  at base and now asks (filled in place)
entry_wall             project, counterpart, read_head,            adds ``login.forced_login`` in the entry page's
                       read_base, exists_at_head, facts_at_head ·  template whose content hides behind an
                       login family                                authorization ask under one flag
entry_login_view       project, changed_paths, counterpart,        adds ``login.forced_login`` in the entry page's
                       read_head, read_base · login family         script where its load path now raises a flag
                                                                   under which the template shows a first-time
                                                                   user only a login control
moved_walls            project, base_facts, head_facts,            removes ``login.forced_login`` of a launch or
                       facts_at_head, read_head, read_base,        entry-page wall the base app already had in
                       counterpart, added_lines ·                  another file (same page, or a login page in both;
                       ``login.forced_login``                      an app that opened on the login page an old
                                                                   redirect of the new entry page leads to)
silent_entry           project, read_head, read_base,              removes ``login.login_first_page`` for an
                       counterpart, changed_paths ·                entry page that logs in silently and moves on,
                       ``login.login_first_page``                  that lists content and asks nothing, or whose
                                                                   controls only choose a way on, and for a new
                                                                   entry page of an app that opened on a login
                                                                   page at base
refusal_modal          project, read_head, facts_at_head,          adds ``login.forced_login`` at a new modal with
                       added_lines · ``login.forced_login``        no cancel button on a login page met at launch
                                                                   that answers a refusal and goes nowhere
dead_ui                head_facts, counterpart, added_lines,       adds ``completeness.dead_handler``,
                       read_head, read_base, exists_at_head,       ``completeness.empty_handler`` (a JSX tap prop
                       repo_grep · none                            whose handler does nothing)
missing_pages          project, head_facts, changed_paths,         adds ``completeness.missing_page``,
                       read_head, read_base, exists_at_head ·      ``completeness.unregistered_route``
                       none
config_syntax          project.app_config, changed_paths,          adds ``completeness.invalid_app_config``
                       read_head, read_base · none
unread_scripts         head_facts, exists_at_head, repo_grep,      adds ``completeness.unread_script``
                       facts_at_head, read_head_bytes · none
text_encoding          head_facts, read_head_bytes · none          adds ``completeness.not_utf8``
script_checks          head_facts, read_head, read_base ·          adds ``policy.blocking_modal``,
                       ``completeness.debug_enabled``              ``policy.subscribe_outside_tap``; removes
                                                                   ``completeness.debug_enabled`` turned off
accounts               project, changed_paths, read_head,          adds ``completeness.no_logout``
                       repo_grep · none
password_login         project, read_head, repo_grep,              removes ``policy.password_login`` off a password
                       facts_at_head, release ·                    field on no login form; adds one (scope file)
                       ``policy.password_login``                   for a login the app had, on a release's run
rotated_secrets        head_facts, added_lines, read_head,         adds the secret rule's finding where an added
                       read_base, repo_grep · secret findings      line swaps one AppSecret for a new one
taro_imports           project, read_head, exists_at_head ·        removes findings on lines only another Taro
                       findings in a Taro project's scripts        build runs, under a platform constant imported
                                                                   from a project module (readers/taroimports.py)
config_place           project (framework, app_config), language   rewrites the title and fix of a finding that
                       · findings whose advice names app.json      names app.json as where a key is declared to
                                                                   name the framework's file (uni-app manifest.json
                                                                   "mp-weixin", Taro app.config.ts…)
=====================  ==========================================  =================================================

The order matters where one analyzer reads what another writes (see the comments in :data:`REGISTRY`;
``tests/test_analyzer_contract.py`` pins it and shows the dependencies). The others touch disjoint rules.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import Analyzer, ProjectContext
from mp_precheck.analyzers.loading import (
    OnDemand,
    configured,
    declared,
    domain_entries,
    file_call_site,
    file_privacy,
    in_markup,
    location_or_config,
    of_family,
    of_rule,
    payment,
    privacy_type,
    release_or,
    ui_kit,
)
from mp_precheck.analyzers.pagegates import (
    conversation_page,
    im_send,
    modal_without_cancel,
    share_hook_or_button,
    share_hook_text,
)

REGISTRY: tuple[tuple[str, Analyzer], ...] = (
    # Before all: what a WXML file no page renders holds is no input for anything below.
    ("stray_templates", OnDemand("stray_templates", in_markup)),
    # First: a kit-named tag that is the project's own component is no upload or picker for anything below
    # (ugc's "the page already uploads", content_security's uploads, consent_flow's privacy types).
    ("ui_kits", OnDemand("ui_kits", ui_kit)),
    # After ui_kits (a kit-named tag of the project's own is no upload inside the component), before ugc and
    # content_security, which read where uploads are.
    ("component_uploads", OnDemand("component_uploads")),
    # called_helpers before consent_flow and privacy_declaration, which read and rewrite the privacy findings.
    ("called_helpers", OnDemand("called_helpers", file_call_site)),
    # switched_asks before moved_asks (a button whose callback left another page is still an ask that moved)
    # and before consent_flow and privacy_declaration, which read and rewrite the privacy findings it adds.
    ("switched_asks", OnDemand("switched_asks")),
    # moved_asks before consent_flow and privacy_declaration, which read and rewrite the privacy findings.
    ("moved_asks", OnDemand("moved_asks", file_privacy)),
    ("location_config", OnDemand("location_config", location_or_config)),
    # vendored_sdk before privacy_declaration, which rewrites the per-type findings it reads (it keeps their path
    # and privacy_key, so the order only spares it the rewritten ones' other rule).
    ("vendored_sdk", OnDemand("vendored_sdk", privacy_type())),
    # consent_flow and privacy_declaration read the privacy findings; privacy_declaration keeps their family
    # and privacy_key when it rewrites them, so neither depends on the other.
    ("consent_flow", OnDemand("consent_flow", privacy_type("app"))),
    ("privacy_declaration", OnDemand("privacy_declaration", declared)),
    # ugc after ui_kits (which uploads are real), before content_security (which lowers the upload.user_text
    # ugc keeps) and before categories (which weighs the category.ugc ugc adds).
    ("ugc", OnDemand("ugc")),
    # chat after ugc (a text box ugc reported is told once), before content_security (which lowers the
    # upload.user_text it adds where a server checks content) and categories (which weighs its category.ugc).
    ("chat", OnDemand("chat", conversation_page)),
    # im_chat after chat (a chat it told is told once), before content_security and categories, like chat.
    ("im_chat", OnDemand("im_chat", im_send)),
    # comment_boxes after ugc and chat (a page whose text box they told is not told again), before
    # content_security and categories (which weigh the upload.user_text and category.ugc it adds).
    ("comment_boxes", OnDemand("comment_boxes")),
    # after comment_boxes: a page it (or ugc, chat) reported is not reported again
    ("relayed_posts", OnDemand("relayed_posts")),
    # media_posts after ugc and chat (a page whose text box they told as category.ugc is not asked again),
    # before service_posts and categories (which read the category.ugc it adds).
    ("media_posts", OnDemand("media_posts", of_family("upload"))),
    # service_posts after ugc and chat (a page whose posts they told as category.ugc is told), before categories
    # (which weighs the category finding it adds against the configured categories).
    ("service_posts", OnDemand("service_posts", of_family("upload"))),
    # service_entries after service_posts (a service told there is not told again), before categories (which
    # weighs the category finding it adds against the configured categories).
    ("service_entries", OnDemand("service_entries")),
    # model_pages after every writer of upload.user_text / category.ugc: model_prompts, next, reads the send it
    # tells as generative AI; before categories, which weighs the category finding it adds.
    ("model_pages", OnDemand("model_pages")),
    # model_prompts after every writer of upload.user_text, category.ugc and category.generative_ai, before
    # content_security and categories (which weigh the findings it removes).
    ("model_prompts", OnDemand("model_prompts", of_rule("category.generative_ai"))),
    ("content_security", OnDemand("content_security", of_family("upload"))),
    ("domains", OnDemand("domains", domain_entries)),
    # Only payment findings, which no analyzer reads.
    ("order_payments", OnDemand("order_payments", payment)),
    # tipping after order_payments: it reads the payment.request_payment findings order_payments may remove.
    ("tipping", OnDemand("tipping")),
    # live_video before categories, which weighs the category finding it adds against the configured categories.
    ("live_video", OnDemand("live_video")),
    # ad_components before categories, which weighs the category findings against the configured categories.
    ("ad_components", OnDemand("ad_components")),
    # game_pages before categories: it stays silent itself where a configured category fits (its finding is no
    # question then), so categories has nothing of it to weigh.
    ("game_pages", OnDemand("game_pages")),
    ("categories", OnDemand("categories", configured("categories"))),
    # brand_mounted before branding: the team's allowed phrases drop its brand text as they drop the diff's.
    ("brand_mounted", OnDemand("brand_mounted")),
    # brand_phrases after brand_mounted (its per-line findings keep their own phrase), before branding (the team's
    # allowed phrases drop a finding only when every phrase it names is allowed).
    ("brand_phrases", OnDemand("brand_phrases", of_rule("branding.brand_text"))),
    ("branding", OnDemand("branding", configured("branding_allow", of_rule("branding.brand_text")))),
    ("brand_image", OnDemand("brand_image")),
    ("induced_sharing", OnDemand("induced_sharing")),
    # share_means after induced_sharing: it moves the wording a page that could not share was told for to the page's
    # new share panel, and leaves a page told at its share button or hook alone; before share_targets and
    # share_callbacks, which tell no page whose sharing is told.
    ("share_means", OnDemand("share_means")),
    # share_targets after induced_sharing (a page whose sharing it told is not told again; the landing page's wording
    # it told is folded into the hook), before share_callbacks (a hook told here is not told again at its callback).
    ("share_targets", OnDemand("share_targets")),
    # share_callbacks after induced_sharing: a page whose sharing it told is not told again at the callback.
    ("share_callbacks", OnDemand("share_callbacks", share_hook_or_button)),
    # forced_login reads only the semantic diff's login findings (one per redirect); no analyzer writes them.
    ("forced_login", OnDemand("forced_login")),
    # helper_redirect after forced_login (which adds a widened redirect under fewer conditions: it keeps those).
    ("helper_redirect", OnDemand("helper_redirect", of_rule("login.forced_login"))),
    # launch_helpers after forced_login: one forced action in a module is told once, by whichever finds it first.
    ("launch_helpers", OnDemand("launch_helpers")),
    # launch_auth_page after launch_helpers: a launch redirect to a page already told is not told again.
    ("launch_auth_page", OnDemand("launch_auth_page")),
    # entry_helpers after launch_helpers and forced_login: a login page already told (at launch, on the entry
    # page itself) is not told again from a module the entry page reaches.
    ("entry_helpers", OnDemand("entry_helpers")),
    # entry_composables after entry_helpers: a login page already told from the entry page's hooks is not told
    # again from a hook a composable the page calls registers.
    ("entry_composables", OnDemand("entry_composables")),
    # wrapper_wall after entry_helpers: a login page already told from the entry page's hooks is not told again.
    ("wrapper_wall", OnDemand("wrapper_wall")),
    # share_landing after the writers of the entry page's own walls: it reads only pages other than the entry page.
    ("share_landing", OnDemand("share_landing", share_hook_text)),
    # entry_overlay after launch_helpers: it adds login.forced_login of a subject of its own (the component).
    ("entry_overlay", OnDemand("entry_overlay")),
    # jsx_overlay after entry_overlay: the same wall in JSX, told once per component.
    ("jsx_overlay", OnDemand("jsx_overlay")),
    # auth_entry reads the semantic diff's login.login_first_page (an entry page named as a login page) so as not
    # to tell the same entry twice; no analyzer writes that rule before it.
    ("auth_entry", OnDemand("auth_entry")),
    # entry_turned after auth_entry and the name rule (an entry told by either is not told again), before
    # silent_entry (which weighs what it tells like any other login_first_page).
    ("entry_turned", OnDemand("entry_turned")),
    # silent_entry after both writers of login.login_first_page (the semantic diff's name rule, auth_entry).
    ("silent_entry", OnDemand("silent_entry", of_rule("login.login_first_page"))),
    # entry_wall after every other writer of an entry page's login wall (the hooks' redirects, entry_helpers,
    # entry_overlay, auth_entry and silent_entry): one wall is told once.
    ("entry_wall", OnDemand("entry_wall")),
    # entry_login_view after entry_wall and every other writer of an entry page's wall: one wall is told once.
    ("entry_login_view", OnDemand("entry_login_view")),
    # moved_walls after every writer of a launch or entry-page wall (the semantic diff, forced_login, launch_helpers,
    # launch_auth_page, entry_helpers, share_landing): each one's wall is weighed against the base app's walls.
    ("moved_walls", OnDemand("moved_walls", of_rule("login.forced_login"))),
    # refusal_modal after every writer of a launch or entry-page wall: the pages they send users to are the login
    # pages it reads, and moved_walls weighs only redirects, not the lock a login page puts on itself.
    ("refusal_modal", OnDemand("refusal_modal", modal_without_cancel)),
    ("dead_ui", OnDemand("dead_ui")),
    ("missing_pages", OnDemand("missing_pages")),
    ("config_syntax", OnDemand("config_syntax")),
    ("unread_scripts", OnDemand("unread_scripts")),
    ("text_encoding", OnDemand("text_encoding")),
    ("script_checks", OnDemand("script_checks")),
    ("accounts", OnDemand("accounts")),
    # Only its own findings (the semantic diff's password fields), which no other analyzer reads.
    ("password_login", OnDemand("password_login", release_or(of_rule("policy.password_login")))),
    # rotated_secrets after the semantic diff's secret findings: a line it told is not told again.
    ("rotated_secrets", OnDemand("rotated_secrets")),
    # taro_imports after every analyzer that adds findings in scripts: none it drops survives, whoever told it.
    ("taro_imports", OnDemand("taro_imports")),
    # Last: every finding above, whichever analyzer added or reworded it, names the framework's own config file.
    ("config_place", OnDemand("config_place")),
)

__all__ = ["REGISTRY", "Analyzer", "ProjectContext"]
