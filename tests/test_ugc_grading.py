"""A grade staff give one person's work (a tutor marking an essay: 批改, 评语) goes to that person's record, not to a
scene other users read: no upload.user_text, no category.ugc, even where the request names a review. A review others
read (a shop's 评价 page) stays a post."""

from __future__ import annotations

from helpers import places, register_pages, run

ESSAY_WXML = ('<view class="essay">\n  <text>{{essay.body}}</text>\n  <textarea model:value="{{note}}" placeholder="PLACEHOLDER"/>\n'
              '  <button bindtap="done">提交</button>\n</view>\n')
ESSAY_JS = """Page({
  data: { note: '', essay: {} },
  done() {
    wx.request({ url: 'https://edu.example.com/essays/' + this.data.essay.id + '/review', method: 'PUT',
      data: { score: 90, note: this.data.note } })
  }
})
"""


def _ugc(app_repo, page: str, placeholder: str) -> set[tuple[str, str, int]]:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(f"{page}.wxml", ESSAY_WXML.replace("PLACEHOLDER", placeholder))
    app_repo.write(f"{page}.js", ESSAY_JS)
    register_pages(app_repo)
    app_repo.commit()
    report = run(app_repo.path, base)
    return {p for p in places(report, "category") | places(report, "upload") if p[0] in ("category.ugc", "upload.user_text")}


def test_a_tutors_marking_note_on_one_essay_is_no_post(app_repo):
    assert _ugc(app_repo, "pages/essay-review/index", "写下对这篇作文的评语") == set()


def test_a_review_page_without_a_grade_stays_a_post(app_repo):
    assert ("category.ugc", "pages/essay-review/index.js", 4) in \
        _ugc(app_repo, "pages/essay-review/index", "写下你的评价，其他读者也能看到")
