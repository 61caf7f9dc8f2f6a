"""A post saved through a backend-as-a-service instead of an HTTP request: cloud database writes are a page's
sending calls (readers/cloudwrites.py, analyzers/ugc.py ``sending`` and ``_wired``), reads are not."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.cloudwrites import cloud_writes

BOX = '<view>\n<textarea value="{{content}}" bindinput="onText" placeholder="写点什么"/>\n<button bindtap="send">发布</button>\n</view>\n'
PAGE = """const db = wx.cloud.database()
Page({
  data: { content: '' },
  onText(e) { this.setData({ content: e.detail.value }) },
  send() {
    const notes = db.collection('notes')
    notes.add({ data: { content: this.data.content } })
  },
})
"""
READ_ONLY = PAGE.replace("notes.add({ data: { content: this.data.content } })", "notes.where({ open: true }).get()")


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def _page_with_box_then(app_repo, script: str, box: str = BOX) -> str:
    """Commits the text box with a script that sends nothing, then ``script``; returns the first commit."""
    app_repo.write("pages/me/me.wxml", box)
    app_repo.write("pages/me/me.js", "Page({ data: { content: '' } })\n")
    app_repo.commit("a composer, not wired yet")
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", script)
    app_repo.commit("wire it")
    return base


def test_a_cloud_database_write_of_the_text_is_the_post_at_the_write(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", BOX)
    app_repo.write("pages/me/me.js", PAGE)
    app_repo.commit("a posting page on cloud development")
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 7)}
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 7)}


def test_a_page_that_only_reads_the_database_publishes_nothing(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", BOX)
    app_repo.write("pages/me/me.js", READ_ONLY)
    app_repo.commit("a page that lists notes")
    report = run(app_repo.path, base)
    assert not _hits(report, "upload.user_text") | _hits(report, "category.ugc")


def test_an_existing_composer_that_starts_writing_to_the_database_is_a_new_post(app_repo):
    base = _page_with_box_then(app_repo, PAGE)
    report = run(app_repo.path, base)
    assert _hits(report, "upload.user_text") == {("pages/me/me.js", 7)}
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 7)}


def test_an_existing_composer_whose_new_write_holds_none_of_its_text_is_silent(app_repo):
    like = PAGE.replace("notes.add({ data: { content: this.data.content } })",
                        "db.collection('likes').doc(this.data.id).update({ data: { count: 1 } })")
    base = _page_with_box_then(app_repo, like)
    assert not _hits(run(app_repo.path, base), "category.ugc")


def test_an_existing_composer_that_starts_reading_the_database_is_silent(app_repo):
    base = _page_with_box_then(app_repo, READ_ONLY)
    report = run(app_repo.path, base)
    assert not _hits(report, "upload.user_text") | _hits(report, "category.ugc")


def test_an_existing_box_saved_to_a_private_collection_is_silent(app_repo):
    memos = PAGE.replace("collection('notes')", "collection('memos')")
    base = _page_with_box_then(app_repo, memos)
    assert not _hits(run(app_repo.path, base), "category.ugc")


def test_cloud_writes_follow_held_handles_and_leave_reads_out():
    source = """const db = wx.cloud.database()
const posts = db.collection('posts')
db.collection('a').where({}).get()
db.collection('b').doc(id).update({ data: { x } })
posts.add({ data: 1 }); posts.get(); cache.set('k', 1)
const one = posts.doc('z')
one.set({ data: {} })
"""
    assert cloud_writes(source, "a.js") == [(4, "b", "update"), (5, "posts", "add"), (7, "posts", "set")]


SUPABASE = """import { supabase } from '../../lib/supabase'
Page({
  data: { content: '' },
  onText(e) { this.setData({ content: e.detail.value }) },
  async send() {
    await supabase.from('posts').insert({ content: this.data.content }).select()
  },
})
"""


def test_a_supabase_table_insert_of_the_text_is_the_post(app_repo):
    base = _page_with_box_then(app_repo, SUPABASE)
    report = run(app_repo.path, base)
    assert _hits(report, "category.ugc") == {("pages/me/me.js", 6)}


def test_supabase_writes_name_a_table_and_array_from_is_none():
    source = """supabase.from('posts').insert({ text })
supabase.from('posts').select('*').eq('id', 1)
client.from('likes').upsert({ id, n: 1 })
const list = Array.from('abc').map((c) => c)
Array.from(items).update
"""
    assert cloud_writes(source, "a.js") == [(1, "posts", "insert"), (3, "likes", "upsert")]
