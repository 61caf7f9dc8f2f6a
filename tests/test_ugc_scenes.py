"""A text box is user-published content when its page posts to other users; a page whose path, posting
wrapper and strings name only a private record (an expense note, a homework answer) is not UGC."""

from __future__ import annotations

import shutil

import pytest

from helpers import places, register_pages, run
from mp_precheck.core.resources import data_dir
from mp_precheck.core.scenes import SceneDataError, check_scenes, scenes, words_of

API = """const http = require('./http.js')
function submitHomework(data) { return http.post('/homework/submit', data) }
function createTimeline(data) { return http.post('/timelines', data) }
module.exports = { submitHomework, createTimeline }
"""
HTTP = "function post(url, data) { return new Promise((ok) => wx.request({ url, data, method: 'POST', success: ok })) }\n" \
       "module.exports = { post }\n"
FORM = '<view>\n<textarea bindinput="onText" placeholder="写点什么"/>\n<button bindtap="save">提交</button>\n</view>\n'


def _ugc(report):
    return places(report, "category") | places(report, "upload")


@pytest.mark.parametrize(("page", "call"), [
    ("pages/expense/add", "wx.cloud.callFunction({ name: 'addExpense', data: this.data })"),
    # a transfer screenshot and its note go to the operator who checks the payment, not to other users
    ("pages/pay/proof", "wx.request({ url: 'https://api.example.com/x', data: this.data })"),
    # a reason an administrator types on the operator's console is no user's post
    ("pages/admin-review/index", "wx.request({ url: 'https://api.example.com/review/reject', data: this.data })"),
    # a worker's self-introduction sent with an application to join the platform: the operator vets it
    ("pages/partner-apply/index", "wx.request({ url: 'https://api.example.com/partner/apply', data: this.data })"),
])
def test_a_private_record_sent_to_the_server_is_not_ugc(app_repo, page, call):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(f"{page}.wxml", FORM)
    app_repo.write(f"{page}.js", f"Page({{\n  save() {{\n    {call}\n  }}\n}})\n")
    app_repo.commit()
    assert _ugc(run(app_repo.path, base)) == set()


def _course_page_calling(app_repo, call: str):
    """UGC findings of a course page whose form sends through ``api.<call>`` (a wrapper of the app's http)."""
    app_repo.write_files({"utils/http.js": HTTP, "utils/api.js": API})
    base = app_repo.commit()
    app_repo.write("pages/course/detail.wxml", FORM)
    app_repo.write("pages/course/detail.js", "const api = require('../../utils/api.js')\n"
                                             f"Page({{\n  save() {{\n    api.{call}(this.data)\n  }}\n}})\n")
    register_pages(app_repo)
    app_repo.commit()
    return _ugc(run(app_repo.path, base))


def test_a_homework_answer_through_a_named_wrapper_is_not_ugc(app_repo):
    assert _course_page_calling(app_repo, "submitHomework") == set()


def test_a_timeline_post_through_a_named_wrapper_is_ugc(app_repo):
    assert _course_page_calling(app_repo, "createTimeline") == {("category.ugc", "pages/course/detail.js", 4),
                                                                ("upload.user_text", "pages/course/detail.js", 4)}


def test_a_review_page_of_a_user_stays_a_post_when_its_module_is_an_admin_api(app_repo):
    app_repo.write("api/admin.js", "export function createReview(data) {\n"
                                   "  return wx.request({ url: 'https://api.example.com/reviews', method: 'POST', data })\n}\n")
    register_pages(app_repo)
    base = app_repo.commit()
    app_repo.write("pages/review/index.wxml", FORM)
    app_repo.write("pages/review/index.js", "import { createReview } from '../../api/admin'\nPage({\n  save() {\n"
                                            "    createReview(this.data)\n  }\n})\n")
    register_pages(app_repo)
    app_repo.commit()
    assert ("category.ugc", "pages/review/index.js", 4) in _ugc(run(app_repo.path, base))


def test_a_comment_on_an_order_is_public_whatever_the_private_words(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/order/comment.wxml", FORM)
    app_repo.write("pages/order/comment.js", "Page({\n  save() {\n"
                                             "    wx.request({ url: 'https://api.example.com/x', data: this.data })\n"
                                             "  }\n})\n")
    register_pages(app_repo)
    app_repo.commit()
    assert ("category.ugc", "pages/order/comment.js", 3) in _ugc(run(app_repo.path, base))


def test_a_reimbursement_form_posted_through_a_project_fetch_helper_is_not_ugc(app_repo):
    # an internal workflow record (报销, 请假, 审批…) goes to the organisation, not to other users
    app_repo.write("utils/util.js", "function fetch(options, done) {\n"
                                    "  wx.request({ url: 'https://api.example.com' + options.url, method: 'POST',\n"
                                    "    data: options.data, success: done })\n}\nmodule.exports = { fetch }\n")
    base = app_repo.commit()
    app_repo.write("pages/reimb/reimb.wxml", '<view>\n报销事由 <textarea bindinput="onText"/>\n'
                                             '<button bindtap="save">提交</button>\n</view>\n')
    app_repo.write("pages/reimb/reimb.js", "const utils = require('../../utils/util.js')\n"
                                           "Page({\n  save() {\n    const options = { url: '/reimb/add', data: this.data }\n"
                                           "    utils.fetch(options, () => wx.navigateBack())\n  }\n})\n")
    app_repo.commit()
    assert _ugc(run(app_repo.path, base)) == set()


@pytest.mark.parametrize(("path", "wrapper", "strings", "scene"), [
    ("pages/expense/add.js", None, (), "private"),
    ("pages/timelines/create/index.js", "httpPost", ("timelines",), "public"),
    ("pages/x/index.js", "httpPost", (), None),  # a transport wrapper's name is no evidence
    ("pages/x/index.js", "submitHomework", (), "private"),
    ("pages/x/index.js", None, ("/api/发布动态",), "public"),
    ("pages/feedback/index.js", "createPost", (), "public"),
    ("pages/reimb/reimb.js", "fetch", (), "private"),
    ("pages/x/index.js", None, ("/api/请假申请",), "private"),
    ("pages/x/index.js", "submitApproval", (), "private"),
    ("pages/workorder/create.js", None, (), "private"),
    ("pages/x/index.js", "leaveMessage", ("留言",), "public"),  # a guestbook stays public
    ("pages/releaseModule/releaseMarry/releaseMarry.js", None, (), "public"),  # release: 发布, a post
    ("pages/x/index.js", None, ("/dynamic/dynamic_release_img",), "public"),
    ("pages/x/index.js", "relay", (), None),
    ("pages/user/orders.js", "submitReview", (), "public"),  # a product review other buyers read
    ("pages/order/detail.js", None, ("/api/评价",), "public"),
    ("pages/admin-repair-review/index.js", "rejectRepair", (), "private"),  # the operator's console: no post
    ("pages/admin/notice.js", None, ("/api/comments",), "private"),
    ("pages/administrator/post.js", "createPost", (), "private"),
    # what one tells the business about one's own booking: a cancellation's reason, a remark left with it
    ("pages/x/index.js", None, ("请填写退订理由",), "private"),
    ("pages/hotel/reservation.js", "submit", (), "private"),
    ("pages/x/index.js", "addRemark", (), "private"),
    ("pages/wall/index.js", None, ("写下你的投诉",), "public"),  # a complaint wall others read stays public
    ("pages/x/index.js", None, ("取消预约后写下评价",), "public"),
    # an application to work on the platform goes to the operator who vets it; one to join a public circle is a post
    ("pages/partner-apply/index.js", None, ("/api/partner/apply",), "private"),
    ("pages/x/index.js", None, ("商家入驻",), "private"),
    ("pages/circle/apply.js", None, (), "public"),
])
def test_scene_words(path, wrapper, strings, scene):
    assert scenes().scene(path, wrapper, strings) == scene


def test_a_log_the_user_keeps_of_their_own_day_is_private_and_a_diary_others_read_is_not():
    kept = [("pages/workout/add.js", "saveSets", ()), ("pages/x/index.js", None, ("今日饮食记录",)),
            ("pages/plan/itinerary-stop.js", None, ("/stop/modify",)), ("pages/x/index.js", None, ("今天的运动记录",))]
    assert [scenes().scene(*words) for words in kept] == ["private"] * len(kept)
    # a travel diary, a photo journal: no word of either list, a post all the same; a workout feed: a public word
    # a fitness question, a recipe, 饮食心得: what one eats or trains is shared as often as it is kept
    read = [("pages/trip/diary.js", "saveDiary", ()), ("pages/journal/create.js", None, ("/journal/add",)),
            ("pages/exercise/moments.js", None, ()), ("pages/x/index.js", None, ("/fitness/question/create",)),
            ("pages/meal/recipe/add.js", "addRecipe", ()), ("pages/x/index.js", None, ("分享你的饮食心得",))]
    assert [scenes().scene(*words) for words in read] == [None, None, "public", None, None, None]


def test_a_workout_log_posted_to_the_server_is_private_and_a_workout_feed_stays_a_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    script = "Page({\n  save() {\n    wx.request({ url: 'https://api.example.com/sets/save', data: this.data })\n  }\n})\n"
    app_repo.write_files({"pages/workout/log.wxml": FORM, "pages/workout/log.js": script,
                          "pages/workout/moments.wxml": FORM, "pages/workout/moments.js": script})
    register_pages(app_repo)
    app_repo.commit()
    assert _ugc(run(app_repo.path, base)) == {("upload.user_text", "pages/workout/moments.js", 3),
                                              ("category.ugc", "pages/workout/moments.js", 3)}


@pytest.mark.parametrize(("name", "post"), [
    ("dynamicAdd", True), ("createPost", True), ("publishMoment", True), ("addComment", True),
    ("likePost", False),  # post is the only public word, and it is the write word: a like, no post
    ("httpPost", False), ("post", False), ("postUploadFile", False), ("postComment", True), ("addCart", False), ("uploadImage", False), ("dynamicList", False),
])
def test_a_name_says_it_writes_a_post(name, post):
    assert scenes().names_post(name) is post


def test_words_of_split_identifiers_paths_and_chinese():
    assert words_of("pages/topicCommentPost/HTTPPost 发帖") == ["pages", "topic", "comment", "post", "http", "post", "发帖"]


def test_the_shipped_table_matches_its_schema_and_a_broken_one_is_named(monkeypatch, tmp_path):
    check_scenes()
    shutil.copytree(data_dir("checks"), tmp_path / "checks")
    (tmp_path / "checks" / "ugc_scenes.yml").write_text("public: 1\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.core.scenes.data_dir", lambda name: tmp_path / name)
    with pytest.raises(SceneDataError, match=r"^ugc_scenes\.yml: "):
        check_scenes()


# -- which call of a posting page is its post ----------------------------------------------------
REQUEST = "export const http = { post: (url: string, data: object) => new Promise((ok) => " \
          "wx.request({ url, data, method: 'POST', success: ok })) }\nexport default http\n"
NOTE_API = "import http from '../request'\nexport const createNote = async (data: object) => http.post('/notes', data)\n" \
           "export const deleteDraft = async (id: string) => http.post('/drafts/delete', { id })\n" \
           "export default { createNote, deleteDraft }\n"
SLICE = """import { createAsyncThunk } from '@reduxjs/toolkit'
import noteApi from '@/services/api/note'
export const createNote = createAsyncThunk('note/create', async (data: object) => {
  return await noteApi.createNote(data)
})
"""
NOTE_PAGE = """import { Textarea } from '@tarojs/components'
import { useDispatch } from 'react-redux'
import { createNote } from '@/store/noteSlice'
import { deleteDraft } from '@/services/api/note'
export default function Publish() {
  const dispatch = useDispatch()
  const clean = async () => { await deleteDraft('1') }
  const draft = async (body: object) => { await dispatch(createNote(body)) }
  const publish = async () => {
    await dispatch(createNote({ content: 'x', status: 'published' }))
  }
  return <Textarea onInput={publish} />
}
"""


def test_a_post_through_a_redux_thunk_three_files_away_is_found_at_the_publishing_call(app_repo):
    app_repo.write_files({"src/services/request.ts": REQUEST, "src/services/api/note.ts": NOTE_API,
                          "src/store/noteSlice.ts": SLICE, "src/app.config.ts": "export default { pages: ['pages/p/index'] }\n",
                          "package.json": '{"dependencies": {"@tarojs/taro": "3"}}\n'})
    base = app_repo.commit()
    app_repo.write("src/pages/p/index.tsx", NOTE_PAGE)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert _ugc(report) == {("category.ugc", "src/pages/p/index.tsx", 10),
                            ("upload.user_text", "src/pages/p/index.tsx", 10)}


TIMELINE_JS = """const HTTP = require('../../utils/http2.js')
Page({
  pick(p) { HTTP.uploadFile('timeline-images', p) },
  send() { HTTP.httpPost('timelines', this.data) },
})
"""
HTTP2 = """function uploadFile(kind, p) { return wx.uploadFile({ url: '/up/' + kind, filePath: p, name: 'f' }) }
function httpPost(path, data) { return wx.request({ url: '/' + path, data, method: 'POST' }) }
module.exports = { uploadFile, httpPost }
"""


def test_category_goes_to_the_post_that_names_its_public_scene_before_a_picture_upload(app_repo):
    app_repo.write("utils/http2.js", HTTP2)
    register_pages(app_repo)
    base = app_repo.commit()
    app_repo.write_files({"pages/t/t.wxml": FORM, "pages/t/t.js": TIMELINE_JS})
    register_pages(app_repo)
    app_repo.commit()
    assert ("category.ugc", "pages/t/t.js", 4) in places(run(app_repo.path, base), "category")


def test_an_http_method_string_does_not_make_a_call_the_post(app_repo):
    app_repo.write("utils/http2.js", HTTP2)
    register_pages(app_repo)
    base = app_repo.commit()
    app_repo.write_files({"pages/t/t.wxml": FORM,
                          "pages/t/t.js": TIMELINE_JS.replace("'timeline-images'", "'a'").replace("'timelines'", "'POST'")})
    register_pages(app_repo)
    app_repo.commit()
    assert places(run(app_repo.path, base), "category") == {("category.ugc", "pages/t/t.js", 3)}


UPLOAD_ONLY = "Page({\n  save() {\n    wx.uploadFile({ url: '/files', filePath: this.data.path, name: 'f', formData: this.data })\n  }\n})\n"


def test_a_release_page_whose_form_goes_up_with_its_photo_is_a_post(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/releaseProfile/releaseProfile.wxml", FORM)
    app_repo.write("pages/releaseProfile/releaseProfile.js", UPLOAD_ONLY)
    register_pages(app_repo)
    app_repo.commit()
    assert ("category.ugc", "pages/releaseProfile/releaseProfile.js", 3) in _ugc(run(app_repo.path, base))


def test_a_page_that_only_uploads_without_a_public_word_keeps_its_text_private(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/scan/scan.wxml", FORM)
    app_repo.write("pages/scan/scan.js", UPLOAD_ONLY)
    app_repo.commit()
    assert not any(rule == "category.ugc" for rule, *_ in _ugc(run(app_repo.path, base)))


@pytest.mark.parametrize(("title", "expected"), [
    ("申请退货退款", set()),
    ("发布动态", {("category.ugc", "pages/apply/apply.js", 3), ("upload.user_text", "pages/apply/apply.js", 3)}),
])
def test_the_pages_title_names_its_scene_when_its_folder_does_not(app_repo, title, expected):
    # 申请退货退款 in the navigation bar: a refund request to the shop, whatever the folder is called
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({
        "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/apply/apply"]\n}\n',
        "pages/apply/apply.json": f'{{ "navigationBarTitleText": "{title}" }}\n',
        "pages/apply/apply.wxml": FORM,
        "pages/apply/apply.js": "Page({\n  save() {\n"
                                "    wx.request({ url: 'https://api.example.com/x', data: this.data })\n  }\n})\n",
    })
    app_repo.commit()
    assert _ugc(run(app_repo.path, base)) == expected



USER_API = """const http = require('./http.js')
function editUserInfo(data) { return http.post('/account/save', data) }
function addInfoForUser(data) { return http.post('/account/save', data) }
module.exports = { editUserInfo, addInfoForUser }
"""


def _settings_page_calling(app_repo, call: str):
    """UGC findings of a settings page whose form sends through ``api.<call>`` (a wrapper of the app's http)."""
    app_repo.write_files({"utils/http.js": HTTP, "utils/api.js": USER_API})
    base = app_repo.commit()
    app_repo.write("pages/settings/edit.wxml", FORM)
    app_repo.write("pages/settings/edit.js", "const api = require('../../utils/api.js')\n"
                                             f"Page({{\n  save() {{\n    api.{call}(this.data)\n  }}\n}})\n")
    register_pages(app_repo)
    app_repo.commit()
    return _ugc(run(app_repo.path, base))


def test_the_users_own_info_through_a_wrapper_named_for_it_is_not_ugc(app_repo):
    # ``userinfo`` is one private word of the table; the wrapper spells it as two adjacent words
    assert _settings_page_calling(app_repo, "editUserInfo") == set()


def test_the_same_two_words_apart_in_a_wrapper_name_stay_ugc(app_repo):
    assert _settings_page_calling(app_repo, "addInfoForUser") == {("category.ugc", "pages/settings/edit.js", 4),
                                                                  ("upload.user_text", "pages/settings/edit.js", 4)}


@pytest.mark.parametrize(("path", "wrapper", "scene"), [
    ("pages/afterSale/apply.js", None, "private"),  # ``aftersale``: two words of a path segment
    ("pages/goods/apply.js", "saveUserInfo", "private"),
    ("pages/user/info.js", "createPost", "public"),  # a public word wins, as for one-word private words
    ("pages/goods/detail.js", "sendInfoForUser", None),  # not adjacent: no compound
])
def test_a_compound_private_word_matches_adjacent_words_of_one_name(path, wrapper, scene):
    assert scenes().scene(path, wrapper, ()) == scene


TRIP = """Page({
  data: { why: '', tripId: 7 },
  onWhy(e) { this.setData({ why: e.detail.value }) },
  confirm() {
    wx.request({ url: 'https://api.example.com/trip/update', method: 'POST',
      data: { reason: this.data.why, tripId: this.data.tripId } })
  },
})
"""


@pytest.mark.parametrize(("hint", "told"), [
    ("请填写取消原因", False),  # a reason given to the business with one's own booking: nobody else reads it
    ("说说这次行程的感受", True),
])
def test_a_dialog_box_whose_hint_names_a_cancellation_reason_is_no_post(app_repo, hint, told):
    app_repo.write("pages/trip/detail.wxml", '<view>\n<view bindtap="confirm">确定</view>\n</view>\n')
    app_repo.write("pages/trip/detail.js", TRIP.replace("wx.request", "console.log"))
    base = app_repo.commit()
    app_repo.write("pages/trip/detail.wxml", f'<view>\n<textarea placeholder="{hint}" bindblur="onWhy"/>\n'
                                             '<view bindtap="confirm">确定</view>\n</view>\n')
    app_repo.write("pages/trip/detail.js", TRIP)
    app_repo.commit()
    expected = {("upload.user_text", "pages/trip/detail.js", 5), ("category.ugc", "pages/trip/detail.js", 5)}
    assert _ugc(run(app_repo.path, base)) == (expected if told else set())
