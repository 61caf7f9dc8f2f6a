"""readers/textflow.py: the state a text box writes and the names a call's data carries."""

from __future__ import annotations

import pytest

from mp_precheck.readers.textflow import carried_names, written_state


@pytest.mark.parametrize(("markup", "names"), [
    ('<Textarea\n  value={body}\n  onInput={(e) => setBody(e.detail.value)}\n/>', {"body"}),
    ('<textarea value="{{form.content}}" bindinput="onText"/>', {"form", "content"}),
    ('<u-textarea v-model="content" :maxlength="200"></u-textarea>', {"content"}),
    ('<textarea @input="form.body = $event.detail.value"></textarea>', {"form", "body"}),
    ('<input\n  wx:model="{{ message }}"\n  bindconfirm="send"\n/>', {"message"}),  # mpx's two-way binding
    ('<textarea bindinput="onText" placeholder="a > b"/>', set()),
    ('<textarea class="d" name="description"></textarea>', {"description"}),  # a form's field: e.detail.value.description
    ('<textarea bindblur="onBlur"value="{{details}}"></textarea>', {"details"}),  # no space before value
])
def test_the_state_a_text_box_writes(markup, names):
    assert written_state("<view>\n" + markup + "\n</view>\n", 2) == names


def test_the_names_a_call_carries_through_local_values():
    script = ("function submit(code) {\n  const url = 'https://x.example.com/?c=' + code\n"
              "  wx.request({ url, method: 'GET' })\n  const data = { body: body.trim() }\n  post(data)\n}\n")
    carried = carried_names(script, "page.js", [3, 5, 9])
    assert "body" not in carried[3] and "code" in carried[3]
    assert "body" in carried[5]
    assert 9 not in carried


def test_a_component_script_keeps_its_file_lines():
    sfc = "<template>\n  <view/>\n</template>\n<script>\nexport default { methods: { go() {\n  send(this.text)\n} } }\n</script>\n"
    assert carried_names(sfc, "pages/a.vue", [6]) == {6: frozenset({"text"})}


def test_a_calls_callbacks_carry_nothing_it_sends():
    source = "function f() {\n  wx.request({ url: u, data: { type: 't' }, success(res) { this.form.content = res } })\n}\n"
    assert carried_names(source, "a.js", [2])[2] == frozenset({"u"})


def test_a_parameter_carries_what_the_scripts_callers_hand_it():
    script = ("const page = {\n  send: function (token, rows) {\n    wx.request({ url: '/x', data: { rows } })\n  },\n"
              "  tap() {\n    const list = this.lines\n    this.send('t', list)\n  },\n}\n")
    carried = carried_names(script, "page.js", [3])
    assert {"rows", "list", "lines"} <= carried[3]


def test_a_callback_without_a_name_and_an_unused_parameter_carry_nothing_more():
    script = ("function keep(rows, other) {\n  wx.request({ url: '/x', data: { other } })\n}\n"
              "keep(this.lines, 1)\n[1].forEach((row) => wx.request({ url: '/y', data: row }))\n")
    carried = carried_names(script, "page.js", [2, 5])
    assert "lines" not in carried[2] and carried[5] == frozenset({"row"})
