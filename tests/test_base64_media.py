"""A photo read as base64 and sent in a request body is an upload (readers/base64media.py)."""

from __future__ import annotations

import pytest

from mp_precheck.readers.jsfacts import js_facts

READ = "function pick(p) { uni.getFileSystemManager().readFile({ filePath: p, encoding: 'base64', success: send }) }\n"


def media_lines(source: str, path: str = "pages/photo/index.vue.js") -> list[int]:
    return [f.line for f in js_facts(source, path).facts if f.subject == "wx.request:media"]


@pytest.mark.parametrize("request_call", [
    "uni.request({ url: 'https://aip.example.com/seg', method: 'POST', data: { image: base64, type: 'fg' } })",
    "wx.request({ url: u, method: 'POST', data: { img_base64: res.data } })",
    "Taro.request({ url: u, method: 'POST', data: { base64 } })",
    "wx.request({ url: u, method: 'POST', data: { content: imageBase64 } })",
])
def test_a_request_carrying_a_picture_read_as_base64_is_an_upload(request_call):
    assert media_lines(READ + f"async function send(base64) {{\n  await {request_call}\n}}\n") == [3]


def test_the_base64_read_may_come_after_the_request():
    source = "function send(b64) { wx.request({ url: u, data: { photo: b64 } }) }\n" \
             "function toB64(buf) { return wx.arrayBufferToBase64(buf) }\n"
    assert media_lines(source, "pages/a/a.js") == [1]


@pytest.mark.parametrize("source", [
    # an image URL sent, no base64 read anywhere in the file
    "function send(url) { wx.request({ url: u, data: { image: url } }) }\n",
    # base64 read, but the request sends only literals and ids
    READ + "function send(d) { wx.request({ url: u, data: { image: 'banner', id: d.id } }) }\n",
    # base64 read, the request's data is a variable the reader cannot see into
    READ + "function send(d) { wx.request({ url: u, data: d }) }\n",
])
def test_requests_without_a_picture_in_their_body_are_not_uploads(source):
    assert media_lines(source) == []
