"""A page whose form object feeds several old text boxes is judged box by box, each by its own bound field: a form
that already posted one field (its introduction) did not post the other box's text (its slogan) — the change that
starts sending that field publishes it (analyzers/old_boxes.py, ``field_state`` in readers/textflow.py). A form
that already went up whole carried every box's text: nothing new."""

from __future__ import annotations

from helpers import places, run

MARKUP = ('<view>\n<input value="{{form.name}}" bindinput="onName"/>\n'
          '<textarea value="{{form.intro}}" bindinput="onIntro"/>\n'
          '<textarea value="{{form.slogan}}" bindinput="onSlogan"/>\n'
          '<button bindtap="save">保存</button>\n</view>\n')
BASE = """Page({
  data: { form: { name: '', intro: '', slogan: '' } },
  onName(e) { this.setData({ 'form.name': e.detail.value }) },
  onIntro(e) { this.setData({ 'form.intro': e.detail.value }) },
  onSlogan(e) { this.setData({ 'form.slogan': e.detail.value }) },
  save() {
    const form = this.data.form
    wx.request({ url: 'https://api.example.com/shops', method: 'POST', data: { name: form.name, intro: form.intro } })
  },
})
"""
REMARK_SENT = BASE.replace("""data: { name: form.name, intro: form.intro } })
""", """data: { name: form.name, intro: form.intro } })
    wx.request({ url: 'https://api.example.com/notes', method: 'POST', data: { text: form.slogan } })
""")
WHOLE = BASE.replace("data: { name: form.name, intro: form.intro } })", "data: form })")


def _wire(app_repo, base_script: str, head_script: str) -> set[tuple[str, str, int]]:
    page = "pages/shop/shop"
    app_repo.write_files({f"{page}.wxml": MARKUP, f"{page}.js": base_script})
    base = app_repo.commit("a shop form that sends its name and introduction")
    app_repo.write(f"{page}.js", head_script)
    app_repo.commit("the form sends more")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_box_whose_own_field_the_form_never_sent_is_published_when_the_change_sends_it(app_repo):
    assert _wire(app_repo, BASE, REMARK_SENT) == {
        ("upload.user_text", "pages/shop/shop.js", 9), ("category.ugc", "pages/shop/shop.js", 9)}


def test_a_form_that_went_up_whole_already_carried_every_box(app_repo):
    head = WHOLE.replace("data: form })\n", "data: form })\n    wx.request({ url: 'https://api.example.com/notes', "
                         "method: 'POST', data: { text: form.slogan } })\n")
    assert _wire(app_repo, WHOLE, head) == set()
