"""A post saved through a backend-as-a-service SDK (checks/baas_sdks.yml, readers/baaswrites.py): a record saved
through LeanCloud, Bmob or MinCloud carrying what a user typed is the page's post, as a cloud database write is;
queries and saves of the app's own values (a view counter) publish nothing."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.baaswrites import baas_writes

BAR = '<view class="reply">\n<input value="{{draft}}" bindinput="onDraft" placeholder="说点什么"/>\n' \
      '<button bindtap="reply">回复</button>\n</view>\n'
BMOB = """const Bmob = require('../../vendor/Bmob-2.5.30.min.js')
Page({
  data: { draft: '', id: '' },
  onDraft(e) { this.setData({ draft: e.detail.value }) },
  reply() {
    const row = Bmob.Query('replies')
    row.set('topic', this.data.id)
    row.set('body', this.data.draft)
    row.save()
  },
})
"""
LISTED = BMOB.replace("""    row.set('topic', this.data.id)
    row.set('body', this.data.draft)
    row.save()""", """    row.equalTo('topic', '==', this.data.id)
    row.find().then(list => this.setData({ list }))""")
VIEWS = BMOB.replace("""    row.set('topic', this.data.id)
    row.set('body', this.data.draft)
    row.save()""", """    row.set('topic', this.data.id)
    row.set('views', 1)
    row.save()""")
NOTE = '<view>\n<textarea value="{{body}}" bindinput="onBody" placeholder="分享新鲜事"/>\n' \
       '<button bindtap="publish">发布</button>\n</view>\n'
MINCLOUD = """Page({
  data: { body: '' },
  onBody(e) { this.setData({ body: e.detail.value }) },
  publish() {
    const Moments = new wx.BaaS.TableObject('moments')
    Moments.create().set({ body: this.data.body }).save().then(() => wx.navigateBack())
  },
})
"""


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def _page(app_repo, markup: str, script: str) -> object:
    app_repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me", "pages/topic/topic"]}\n')
    base = app_repo.commit("the topic page listed")
    app_repo.write("pages/topic/topic.wxml", markup)
    app_repo.write("pages/topic/topic.js", script)
    app_repo.commit("a topic page")
    return run(app_repo.path, base)


def test_a_bmob_record_given_the_typed_text_and_saved_is_a_post(app_repo):
    report = _page(app_repo, BAR, BMOB)
    assert _hits(report, "upload.user_text") == {("pages/topic/topic.js", 8)}
    assert _hits(report, "category.ugc") == {("pages/topic/topic.js", 8)}


def test_a_bmob_query_of_the_list_publishes_nothing(app_repo):
    report = _page(app_repo, BAR, LISTED)
    assert not _hits(report, "upload.user_text") | _hits(report, "category.ugc")


def test_a_bmob_save_of_a_counter_carries_no_typed_text(app_repo):
    report = _page(app_repo, BAR, VIEWS)
    assert not _hits(report, "upload.user_text") | _hits(report, "category.ugc")


def test_a_mincloud_record_created_with_the_text_is_a_post(app_repo):
    report = _page(app_repo, NOTE, MINCLOUD)
    assert _hits(report, "upload.user_text") == {("pages/topic/topic.js", 6)}
    assert _hits(report, "category.ugc") == {("pages/topic/topic.js", 6)}


def test_a_mincloud_page_that_only_reads_sends_no_text_and_its_composer_is_told_as_not_sent_yet(app_repo):
    reads = MINCLOUD.replace("Moments.create().set({ body: this.data.body }).save()",
                             "Moments.setQuery(new wx.BaaS.Query()).find()")
    report = _page(app_repo, NOTE, reads)
    assert not _hits(report, "upload.user_text")
    # a 发布 composer bound to a handler is a posting surface the reviewer sees, even before it sends (the
    # corpus expects these); it is told at the box, with nothing claimed about where the text goes
    [composer] = [f for f in report.findings if f.rule == "category.ugc"]
    assert (composer.path, composer.line, composer.value) == (
        "pages/topic/topic.wxml", 2, "<textarea> pages/topic/topic.wxml:2 → (not sent yet)")


LEAN = """import AV from 'leancloud-storage'
import { tables } from './names'

export function send(kind = 'Review', text, stars) {
  const Kind = AV.Object.extend(kind)
  const review = new Kind()
  return review.save({ text, stars })
}
export const batch = rows => AV.Object.saveAll(rows)
export const list = () => new AV.Query(tables.review).descending('createdAt').find()
export const count = () => new AV.Query('Review').count()
"""


def test_the_reader_finds_leancloud_saves_named_by_a_default_and_leaves_queries_out():
    assert baas_writes(LEAN, "api/review.ts") == [(7, "Review", "save"), (9, "", "saveAll")]


def test_the_reader_tells_a_bare_save_at_the_set_calls_that_give_the_record_its_data():
    assert baas_writes(BMOB, "pages/topic/topic.js") == [(7, "replies", "save"), (8, "replies", "save"),
                                                         (9, "replies", "save")]


def test_a_script_that_loads_no_baas_sdk_writes_nothing_through_one():
    own = LEAN.replace("import AV from 'leancloud-storage'", "import AV from './av'")
    assert baas_writes(own, "api/review.ts") == []
    assert baas_writes(MINCLOUD.replace("wx.BaaS", "wx.Cache"), "a.js") == []
