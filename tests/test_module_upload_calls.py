"""A module's own call of an upload function it exports (``export function sendFile(p) { wx.uploadFile(…) }``
called once by ``pickAndSend()`` beside it) is an upload at that call: other files call the wrapper too, so its own
``wx.uploadFile`` is a definition, and the new function sends a file of its own. The wrapper keeps its call; a
file-private wrapper called once keeps it alone (``tests/test_local_upload_wrappers.py``)."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.jsfacts import js_facts

SEND = ("export function sendFile(path) {\n  return new Promise((resolve, reject) => {\n"
        "    wx.uploadFile({ url: 'https://files.example.org/put', filePath: path, name: 'f', success: resolve,\n"
        "      fail: reject })\n  })\n}\n")
PICK_AND_SEND = ("\nexport async function pickAndSend() {\n  const res = await wx.chooseMedia({ count: 3, mediaType: ['video'] })\n"
                 "  return Promise.all(res.tempFiles.map((file) => sendFile(file.tempFilePath)))\n}\n")
PAGE = "import { sendFile } from '../../utils/media'\nPage({ done(e) { sendFile(e.detail.path) } })\n"


def _uploads(source: str) -> list[tuple[int, str | None]]:
    return [(f.line, f.role) for f in js_facts(source, "utils/media.js").facts if f.subject == "wx.uploadFile"]


def test_an_exported_wrappers_call_beside_it_is_an_upload_and_the_wrapper_keeps_its_call():
    assert _uploads(SEND + PICK_AND_SEND) == [(3, None), (10, "via:utils/media.js#sendFile")]


def test_an_exported_wrapper_nothing_in_its_module_calls_keeps_its_call_alone():
    assert _uploads(SEND) == [(3, None)]


def test_a_new_pick_and_send_function_beside_an_exported_upload_wrapper_is_a_new_upload(app_repo):
    app_repo.write_files({"utils/media.js": SEND, "pages/index/index.js": PAGE})
    base = app_repo.commit()
    app_repo.write("utils/media.js", SEND + PICK_AND_SEND)
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == {("upload.upload_file", "utils/media.js", 10)}


def test_a_module_edited_around_its_old_call_of_the_wrapper_stays_silent(app_repo):
    app_repo.write_files({"utils/media.js": SEND + PICK_AND_SEND, "pages/index/index.js": PAGE})
    base = app_repo.commit()
    app_repo.write("utils/media.js", "// media helpers\n" + SEND + PICK_AND_SEND.replace("count: 3", "count: 9"))
    app_repo.commit()
    assert places(run(app_repo.path, base), "upload") == set()
