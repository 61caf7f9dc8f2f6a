"""The shape of a call (readers/callshape.py): the same call written again has the same shape, another
function or other options another one."""

from __future__ import annotations

from mp_precheck.facts.extract import extract
from mp_precheck.readers.jsfacts import js_facts

CALL = "Page({\n  pick() {\n    wx.chooseImage({ count: 1, sourceType: ['album'], success(res) { a(res) } })\n  }\n})\n"


def _shape(source: str, line: int = 3) -> str:
    return js_facts(source).call_shapes[line]


def test_layout_comments_quotes_and_callback_bodies_do_not_change_the_shape():
    again = ("Page({\n  pick() {\n    wx.chooseImage({\n      count: 1, // one photo\n"
             "      sourceType: [\"album\",],\n      success(res) { b(res); c() },\n    })\n  }\n})\n")
    assert _shape(again) == _shape(CALL)


def test_other_options_or_another_function_change_the_shape():
    assert _shape(CALL.replace("count: 1", "count: 9")) != _shape(CALL)
    assert _shape(CALL.replace("pick()", "choose()")) != _shape(CALL)


def test_a_single_file_component_keeps_the_shapes_of_its_script():
    vue = "<template><div/></template>\n<script>\nexport default {\n  methods: {\n" \
          "    pick() { wx.chooseImage({ count: 1 }) },\n  },\n}\n</script>\n"
    shapes = extract("pages/a/index.vue", vue.encode()).call_shapes
    assert list(shapes) == [5] and shapes[5].startswith("pick:")
