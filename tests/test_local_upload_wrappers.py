"""An upload through a helper of the same page (``this.uploadImg(path)``, ``that.uploadImg``, a top-level
``upload(path)``) is reported where the page sends another file: a new call of a helper the page called from
several places is a new upload, the helper's own ``wx.uploadFile`` is its definition, and a method called once or
only from the template keeps its call — its calls after the change (moved, split, joined by another) are that
one upload while its own call keeps its shape."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

UPLOAD_IMG = ("  uploadImg(path) {\n    return new Promise((resolve) => {\n"
              "      wx.uploadFile({ url: 'https://up.example.com/img', filePath: path, name: 'file',\n"
              "        success: resolve })\n    })\n  }\n")


def _register(sides: list[str]) -> str:
    calls = ",\n".join(f"      this.uploadImg(this.data.{side})" for side in sides)
    return ("Page({\n  data: {},\n  submit() {\n    Promise.all([\n" + calls + "\n    ]).then(() => wx.navigateBack())\n"
            "  },\n" + UPLOAD_IMG + "})\n")


def test_a_third_photo_through_the_pages_upload_method_is_a_new_upload(app_repo):
    app_repo.write("pages/register/register.js", _register(["front", "back"]))
    base = app_repo.commit()
    app_repo.write("pages/register/register.js", _register(["front", "back", "handheld"]))
    app_repo.commit()
    found = places(run(app_repo.path, base), "upload")
    assert {(rule, path) for rule, path, _ in found} == {("upload.upload_file", "pages/register/register.js")}
    assert {line for *_, line in found} <= {6, 7}  # at the calls the diff touches, not at the wrapper


def test_the_method_reached_through_that_counts_at_the_call(app_repo):
    source = ("Page({\n  choose() {\n    const that = this\n    wx.chooseImage({ success(res) {\n"
              "      that.uploadImg(res.tempFilePaths[0])\n      that.uploadImg(res.tempFilePaths[1])\n"
              "    } })\n  },\n" + UPLOAD_IMG + "})\n")
    facts = js_facts(source, "pages/me/me.js")
    uploads = [(f.line, f.role) for f in facts.facts if f.subject == "wx.uploadFile"]
    assert uploads == [(5, "via:pages/me/me.js#uploadImg"), (6, "via:pages/me/me.js#uploadImg")]


def test_a_method_called_once_keeps_its_own_call():
    source = "Page({\n  choose(p) { this.uploadImg(p) },\n" + UPLOAD_IMG + "})\n"
    facts = js_facts(source, "pages/me/me.js")
    assert [(f.line, f.role) for f in facts.facts if f.subject == "wx.uploadFile"] == [(5, None)]


def test_an_upload_method_only_the_template_calls_keeps_its_own_call():
    facts = js_facts("Page({\n" + UPLOAD_IMG + "})\n", "pages/me/me.js")
    assert [(f.line, f.role) for f in facts.facts if f.subject == "wx.uploadFile"] == [(4, None)]


def test_a_vue_method_and_a_top_level_function_resolve_to_the_component_file():
    source = ("function upload(p) { return uni.uploadFile({ url: 'https://up.example.com', filePath: p }) }\n"
              "export default {\n  methods: {\n    send(p) { upload(p) },\n    again(p) { upload(p[0]); this.send(p) }\n"
              "  }\n}\n")
    facts = js_facts(source, "pages/post/post.vue.js")
    assert [(f.line, f.role) for f in facts.facts if f.subject == "wx.uploadFile"] == \
        [(4, "via:pages/post/post.vue#upload"), (5, "via:pages/post/post.vue#upload")]


def test_a_retry_inside_the_wrapper_and_an_ambiguous_name_are_not_new_uploads():
    retry = ("Page({\n  up(p, n) {\n    wx.uploadFile({ url: 'https://up.example.com', filePath: p,\n"
             "      fail: () => n && this.up(p, n - 1) })\n  }\n})\n")
    assert [(f.line, f.role) for f in js_facts(retry, "a.js").facts if f.subject == "wx.uploadFile"] == [(3, None)]
    twice = ("const a = { up(p) { wx.uploadFile({ filePath: p }) } }\nconst b = { up(p) { return p } }\n"
             "Page({ go() { this.up(1) } })\n")
    assert [(f.line, f.role) for f in js_facts(twice, "b.js").facts if f.subject == "wx.uploadFile"] == [(1, None)]


def test_a_new_page_with_its_upload_helper_is_one_finding_at_the_helpers_upload(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/register/register.js", _register(["front", "back"]))
    app_repo.commit()
    # the helper is new too: reported where it builds the request, not at the first of its calls
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/register/register.js", 11)}


def _album(pickers: str) -> str:
    return ("Page({\n  data: { files: [] },\n" + pickers +
            "  storeFiles(kind) {\n    this.data.files.forEach((item) => {\n"
            "      wx.cloud.uploadFile({ cloudPath: kind + '/' + item.size, filePath: item.tempFilePath })\n"
            "    })\n  },\n})\n")


def _picker(kind: str, indent: str) -> str:
    return (f"{indent}wx.chooseMedia({{ mediaType: [{kind}], success: (res) => {{\n"
            f"{indent}  this.setData({{ files: res.tempFiles }})\n{indent}  this.storeFiles({kind})\n{indent}}} }})\n")


def test_a_once_called_upload_method_whose_caller_is_inlined_twice_is_no_new_upload(app_repo):
    sheet = "  pickKind() {{\n    wx.showActionSheet({{ itemList: ['a', 'b'], success: (res) => {{\n{}    }} }})\n  }},\n"
    shared = "      if (res.tapIndex === 0) { this.pickFiles('image') } else { this.pickFiles('video') }\n"
    app_repo.write("pages/me/me.js", _album(sheet.format(shared) + "  pickFiles(kind) {\n"
                                            + _picker("kind", "    ") + "  },\n"))
    base = app_repo.commit()
    inlined = ("      if (res.tapIndex === 0) {\n" + _picker("'image'", "        ") + "      } else {\n"
               + _picker("'video'", "        ") + "      }\n")
    app_repo.write("pages/me/me.js", _album(sheet.format(inlined)))
    app_repo.commit()
    # the one upload the page made moved with its caller: both new calls of the method are that upload
    assert places(run(app_repo.path, base), "upload") == set()


def _chat(senders: str, url: str = "https://files.example.com/up") -> str:
    return ("Page({\n" + senders + "  postFile(path, kind) {\n    return new Promise((resolve) => {\n"
            f"      wx.uploadFile({{ url: '{url}', filePath: path, name: 'f', formData: {{ kind }},\n"
            "        success: resolve })\n    })\n  },\n})\n")


_PHOTO = ("  sendPhoto() {\n    const that = this\n    wx.chooseImage({ success(res) {\n"
          "      that.postFile(res.tempFilePaths[0], 1)\n    } })\n  },\n")
_CLIP = ("  sendClip() {\n    const that = this\n    wx.chooseVideo({ success(res) {\n"
         "      that.postFile(res.tempFilePath, 2)\n    } })\n  },\n")


_SEND = ("export function shipFile(path) {\n  return wx.uploadFile({ url: 'https://files.example.com/up', "
         "filePath: path, name: 'f' })\n}\n")
_PICK = ("export function pickAndSend() {\n  wx.chooseImage({ success: (res) => {\n"
         "    shipFile(res.tempFilePaths[0])\n  } })\n}\n")


def test_a_second_caller_of_a_once_called_upload_method_is_no_new_upload(app_repo):
    app_repo.write("pages/me/me.js", _chat(_PHOTO))
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", _chat(_PHOTO + _CLIP))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()
    # the method sending somewhere else as it gains the caller is another upload, told at its changed call
    app_repo.write("pages/me/me.js", _chat(_PHOTO + _CLIP, "https://clips.example.com/up"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "pages/me/me.js", 16)}
    # a module's sibling that picks and sends through the uploader it exports sends a file of its own
    app_repo.write("utils/files.js", _SEND)
    app_repo.write("pages/index/index.js", "import { shipFile } from '../../utils/files'\nPage({ go(p) { shipFile(p) } })\n")
    before = app_repo.commit()
    app_repo.write("utils/files.js", _SEND + _PICK)
    app_repo.commit()
    assert places(run(app_repo.path, before), "upload") == {("upload.upload_file", "utils/files.js", 6)}
