from __future__ import annotations

import pytest

from mp_precheck.readers.textcodec import UndecodableFile, decode


def test_utf8_bom_is_removed():
    assert decode(b'\xef\xbb\xbf{"pages": []}').text == '{"pages": []}'


def test_crlf_becomes_lf_and_keeps_line_count():
    assert decode(b"a\r\nb\r\nc").text == "a\nb\nc"


def test_gbk_chinese_strings_decode():
    data = "wx.showToast({ title: '上传成功' })".encode("gbk")
    decoded = decode(data)
    assert decoded.encoding == "gb18030"
    assert "上传成功" in decoded.text


def test_utf16_with_bom():
    assert decode("wx.getLocation()".encode("utf-16")).text == "wx.getLocation()"


def test_binary_is_refused():
    with pytest.raises(UndecodableFile):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
