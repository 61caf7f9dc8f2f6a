"""Uploads through object-storage and backend-as-a-service clients (``checks/upload_sdks.yml``): a client a
factory of the SDK hands back (Supabase's ``createClient``), an upload reached through the client's members
(``supabase.storage.from(bucket).upload(…)``), the client made in one module and used in another, and the
project's own wrapper of it called from a page; each with the look-alike call that must stay silent."""

from __future__ import annotations

from helpers import run

CLIENT = ("import { createClient } from '@supabase/supabase-js'\n"
          "export const supabase = createClient('https://db.example.com', 'anon-key')\n")
HELPERS = ("import { supabase } from './supabase'\n"
           "function shrink(path) {\n"
           "  return new Promise((resolve) => wx.compressImage({ src: path, success: (r) => resolve(r.tempFilePath) }))\n"
           "}\n"
           "export async function uploadPhoto(path) {\n"
           "  const file = await shrink(path)\n"
           "  return supabase.storage.from('photos').upload('photo.jpg', { tempFilePath: file })\n"
           "}\n"
           "export function photoUrl(name) {\n"
           "  return supabase.storage.from('photos').getPublicUrl(name)\n"
           "}\n")


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def test_page_calling_a_wrapper_of_a_supabase_storage_upload_is_an_upload(app_repo):
    app_repo.write("utils/supabase.js", CLIENT)
    app_repo.write("utils/upload.js", HELPERS)
    base = app_repo.commit("storage helpers nobody calls yet")
    app_repo.write("pages/me/me.js", "import { uploadPhoto } from '../../utils/upload'\nPage({\n"
                                     "  async send(path) {\n    await uploadPhoto(path)\n  },\n})\n")
    app_repo.commit("feedback photos")
    assert _hits(run(app_repo.path, base), "upload.third_party_upload") == {("pages/me/me.js", 4)}


def test_supabase_public_url_and_table_queries_are_no_upload(app_repo):
    app_repo.write("utils/supabase.js", CLIENT)
    app_repo.write("utils/upload.js", HELPERS)
    base = app_repo.commit("storage helpers nobody calls yet")
    app_repo.write("pages/me/me.js", "import { photoUrl } from '../../utils/upload'\n"
                                     "import { supabase } from '../../utils/supabase'\nPage({\n"
                                     "  async load() {\n    const rows = await supabase.from('photos').select('*')\n"
                                     "    this.setData({ url: photoUrl(rows[0].name) })\n  },\n})\n")
    app_repo.commit("photo list")
    report = run(app_repo.path, base)
    assert not {f.rule for f in report.findings if f.family == "upload"}


def test_supabase_client_made_in_the_same_file_uploads(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "import { createClient } from '@supabase/supabase-js'\n"
                                     "const db = createClient('https://db.example.com', 'anon-key')\nPage({\n"
                                     "  list() { return db.storage.from('photos').list() },\n"
                                     "  send(file) { return db.storage.from('photos').upload('a.jpg', file) },\n})\n")
    app_repo.commit("photos")
    assert _hits(run(app_repo.path, base), "upload.third_party_upload") == {("pages/me/me.js", 5)}


def test_cos_js_sdk_upload_in_a_new_wrapper_but_not_its_bucket_listing(app_repo):
    lister = ("import COS from 'cos-js-sdk-v5'\n"
              "const cos = new COS({ SecretId: 'id', SecretKey: 'key' })\n"
              "export const getList = ({ type }) => cos.getBucket({ Bucket: 'b', Prefix: type })\n")
    app_repo.write("api/images.js", lister)
    app_repo.write("pages/me/me.js", "import { getList } from '../../api/images'\nPage({\n"
                                     "  load() { getList({ type: 'plants' }) },\n})\n")
    base = app_repo.commit("image library on COS")
    app_repo.write("api/images.js", lister + "export const uploadImages = ({ fileName, file }) => {\n"
                                             "  return cos.uploadFile({ Bucket: 'b', Region: 'r', Key: fileName, Body: file })\n"
                                             "}\nexport const getObject = (key) => cos.getObject({ Bucket: 'b', Key: key })\n")
    app_repo.commit("upload to the image library")
    assert _hits(run(app_repo.path, base), "upload.third_party_upload") == {("api/images.js", 5)}
