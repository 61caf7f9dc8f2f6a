"""A form whose control publishes (发布) and that submits the address of a file its user just uploaded together with
the one-line fields they typed posts user content, whatever its endpoint is called (analyzers/media_forms.py,
readers/uploadstate.py, through analyzers/comment_boxes.py). The same form on a page of a private record (an order)
or saved by a plain 保存 (a profile) stays silent."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.uploadstate import uploaded_state

MARKUP = ('<form bindsubmit="onSubmit">\n<image src="{{photo}}" bindtap="onPick"/>\n'
          '<input name="species" placeholder="鸟的名字"/>\n<input name="spot" placeholder="在哪里看到"/>\n'
          '<button form-type="submit">发布</button>\n</form>\n')
BASE = """const HOST = 'https://birds.example.com'
Page({
  data: { photo: '' },
  onPick() {
    wx.chooseMedia({ count: 1, mediaType: ['image'], success: (r) => {
      wx.uploadFile({ url: HOST + '/files', filePath: r.tempFiles[0].tempFilePath, name: 'file',
        success: (res) => { this.setData({ photo: JSON.parse(res.data).url }) } })
    } })
  },
  onSubmit(e) {
    wx.showToast({ title: '敬请期待' })
  },
})
"""
SUBMITS = BASE.replace("    wx.showToast({ title: '敬请期待' })\n", """    const v = e.detail.value
    wx.request({ url: HOST + '/sighting', method: 'POST', data: { species: v.species, spot: v.spot, pic: this.data.photo } })
""")


def _wire(app_repo, page: str, markup: str = MARKUP) -> set[tuple[str, str, int]]:
    app_repo.write_files({f"{page}.wxml": markup, f"{page}.js": BASE})
    base = app_repo.commit("a form that uploads its photo")
    app_repo.write(f"{page}.js", SUBMITS)
    app_repo.commit("the form submits")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload", without=frozenset({"upload.upload_file"}))


def test_a_publish_form_submitting_its_uploaded_photo_with_typed_fields_is_a_post(app_repo):
    assert _wire(app_repo, "pages/sighting/sighting") == {
        ("upload.user_text", "pages/sighting/sighting.js", 12), ("category.ugc", "pages/sighting/sighting.js", 12)}


def test_the_same_form_for_an_order_is_a_private_record(app_repo):
    assert _wire(app_repo, "pages/order/apply") == set()


def test_the_same_form_saved_without_publishing_is_no_post(app_repo):
    assert _wire(app_repo, "pages/sighting/sighting", MARKUP.replace("发布", "保存")) == set()


def test_what_an_upload_keeps_is_the_state_its_callback_sets():
    assert uploaded_state(BASE, "a.js", [6]) == {"photo"}
    assert uploaded_state("wx.uploadFile({ url: u, filePath: f, name: 'file' })", "a.js", [1]) == frozenset()
