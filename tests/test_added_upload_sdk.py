"""An upload SDK the change copies into the app and calls (``checks/upload_sdks.yml``) sends files to its vendor's
storage: its own ``wx.uploadFile`` is a new upload even where the change drops an old upload of a page, so the
app-wide count stays flat. A copy nothing loads stays silent, and an upload moved into a project helper of the
app is still no new one."""

from __future__ import annotations

from helpers import places, run

OLD_PAGE = ("Page({\n  pick() {\n    wx.chooseImage({ success: (r) => {\n"
            "      wx.uploadFile({ url: 'https://own.example.com/up', filePath: r.tempFilePaths[0], name: 'f' })\n"
            "    } })\n  },\n})\n")
SDK = ("var CosLike = function (opts) { this.opts = opts }\n"
       "CosLike.prototype.postObject = function (params, done) {\n"
       "  var endpoint = 'https://' + this.opts.Bucket + '.storage.example.net'\n"
       "  wx.uploadFile({ url: endpoint, filePath: params.FilePath, name: 'file', success: done })\n"
       "}\nmodule.exports = CosLike\n")
NEW_PAGE = ("const COS = require('../../utils/cos-wx-sdk-v5')\nconst cos = new COS({ Bucket: 'pics' })\n"
            "Page({\n  pick() {\n    wx.chooseImage({ success: (r) => {\n"
            "      cos.postObject({ FilePath: r.tempFilePaths[0] }, () => {})\n    } })\n  },\n})\n")
HELPER = ("module.exports = function send(path) {\n"
          "  wx.uploadFile({ url: 'https://own.example.com/up', filePath: path, name: 'f' })\n}\n")
HELPED_PAGE = ("const send = require('../../utils/send')\nPage({\n  pick() {\n"
               "    wx.chooseImage({ success: (r) => send(r.tempFilePaths[0]) })\n  },\n})\n")


def test_the_sdk_that_takes_over_a_pages_upload_reports_its_own_upload(app_repo):
    app_repo.write("pages/me/me.js", OLD_PAGE)
    base = app_repo.commit()
    app_repo.write("utils/cos-wx-sdk-v5.js", SDK)
    app_repo.write("pages/me/me.js", NEW_PAGE)
    app_repo.commit()
    found = places(run(app_repo.path, base), "upload")
    assert ("upload.upload_file", "utils/cos-wx-sdk-v5.js", 4) in found
    assert ("upload.third_party_upload", "pages/me/me.js", 6) in found


def test_an_sdk_copy_nothing_loads_stays_silent(app_repo):
    app_repo.write("pages/me/me.js", OLD_PAGE)
    base = app_repo.commit()
    app_repo.write("utils/cos-wx-sdk-v5.js", SDK)
    app_repo.write("pages/me/me.js", OLD_PAGE.replace("'f'", "'file'"))
    app_repo.commit()
    assert not {p for p in places(run(app_repo.path, base), "upload") if p[1] == "utils/cos-wx-sdk-v5.js"}


def test_a_pages_upload_moved_into_a_helper_of_the_app_is_no_new_upload(app_repo):
    app_repo.write("pages/me/me.js", OLD_PAGE)
    base = app_repo.commit()
    app_repo.write("utils/send.js", HELPER)
    app_repo.write("pages/me/me.js", HELPED_PAGE)
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()
