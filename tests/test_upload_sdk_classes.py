"""An upload SDK whose uploads are one class's instances (LeanCloud's ``new AV.File(…).save()``): that class's
``save`` sends the user's file, while another class's ``save`` (``AV.Object``: a record) or a ``save`` on the
SDK object is no upload — also through a project helper that wraps the file upload."""

from __future__ import annotations

from helpers import found, run

FILES = """import AV from './av-weapp-min'
export default class Images {
  static async upload(path) {
    let file = new AV.File('img', { blob: { uri: path } })
    let saved = await file.save()
    return saved.url()
  }
}
"""
VOTE = "const AV = require('../../utils/av-weapp-min.js')\nPage({\n  vote(id) {\n" \
       "    const Vote = AV.Object.extend('Vote')\n    new AV.Object('Vote').save()\n" \
       "    const v = new Vote()\n    v.save()\n    AV.save(id)\n  },\n})\n"


def _uploads(app_repo, base: str) -> set[tuple[str, str, int]]:
    return {(rule, path, line) for rule, path, line, _n in found(run(app_repo.path, base)) if rule.startswith("upload.")}


def test_a_file_instance_saved_is_an_upload_and_a_page_calling_its_helper_is_a_new_upload(app_repo):
    app_repo.write_files({"utils/images.js": FILES, "pages/me/me.js": "import Images from '../../utils/images'\n"
                          "Page({ async avatar(p) { this.url = await Images.upload(p) } })\n"})
    base = app_repo.commit("avatar")
    app_repo.write("pages/apply/apply.js", "import Images from '../../utils/images'\n"
                                           "Page({\n  async photos(paths) {\n"
                                           "    this.album = await Images.upload(paths[0])\n  },\n})\n")
    app_repo.commit("apply photos")
    assert _uploads(app_repo, base) == {("upload.third_party_upload", "pages/apply/apply.js", 4)}


def test_a_record_saved_through_the_same_sdk_is_no_upload(app_repo):
    app_repo.write("utils/av-weapp-min.js", "module.exports = {}\n")
    base = app_repo.commit("sdk")
    app_repo.write("pages/vote/vote.js", VOTE)
    app_repo.commit("votes")
    assert _uploads(app_repo, base) == set()
