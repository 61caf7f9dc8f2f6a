"""A name given a picked photo's base64 itself (``const content = res.data`` in a ``readFile`` callback) and sent as a
request's whole body is an upload reported where it is sent; a name given an object built from it keeps the line the
photo went in; a picture the page draws itself (a poster on a canvas) and sends is no user photo."""

from __future__ import annotations

from mp_precheck.facts.extract import extract
from mp_precheck.readers.statemedia import confirm_picked


def _media_lines(path: str, source: str) -> list[int]:
    return [f.line for f in confirm_picked(extract(path, source.encode()).facts) if f.subject == "wx.request:media"]


def _page(fill: str, pick: str) -> str:
    return f"""Page({{
  recognize(path) {{
    wx.getFileSystemManager().readFile({{
      filePath: path,
      encoding: 'base64',
      success: (res) => {{
        const content = res.data
        const wrapped = {{ kind: 'invoice', content }}
        wx.request({{
          url: 'https://ocr.example.org/read',
          method: 'POST',
          data: {fill},
        }})
      }}
    }})
  }},
  shoot() {{
{pick}
  }}
}})
"""


PICK = """    wx.chooseImage({ count: 1, success: (r) => this.recognize(r.tempFilePaths[0]) })"""
DRAW = """    wx.canvasToTempFilePath({ canvasId: 'poster', success: (r) => this.recognize(r.tempFilePath) })"""


def test_a_name_holding_the_photo_itself_is_reported_at_the_send():
    assert _media_lines("pages/scan/scan.js", _page("content", PICK)) == [12]


def test_a_name_holding_an_object_built_from_the_photo_keeps_the_line_the_photo_went_in():
    assert _media_lines("pages/scan/scan.js", _page("wrapped", PICK)) == [8]


def test_a_poster_the_page_draws_and_sends_as_base64_is_silent():
    assert _media_lines("pages/scan/scan.js", _page("content", DRAW)) == []
