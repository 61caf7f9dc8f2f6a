"""A template whose attribute quote is left open hides the tags after it from the tokenizer: the run says which
file and lines it could not read (readers/quotes.py, core/unread.py) and still reports what it read."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.markup import markup_unread

SWALLOWED = ('<view class="card>\n'
             '  <text>会员</text>\n'
             '</view>\n'
             '<button open-type="getPhoneNumber" bindgetphonenumber="bind">绑定手机</button>\n'
             '<web-view src="https://h5.quote-test.example.com/a"></web-view>\n')


def test_a_quote_closed_by_a_later_tag_is_told_with_its_lines(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/index/index.wxml", SWALLOWED)
    repo.commit()
    report = run(repo.path, base)
    told = [e for e in report.errors if e.path == "pages/index/index.wxml"]
    assert len(told) == 1
    assert told[0].message.startswith("read in part: an attribute quote of <view> on line 1 is not closed")
    assert "lines 1–4 were read as one tag" in told[0].message
    # what comes after the broken tag is still read
    assert ("external_link.web_view", "pages/index/index.wxml", 5) in {(f.rule, f.path, f.line) for f in report.findings}
    assert report.analysed_families == frozenset()  # nothing is ruled out while a file is unread


def test_a_quote_never_closed_leaves_its_tag_as_text_and_is_told():
    text = '<view>\n  <button open-type="share>分享</button>\n  <view>ok</view>\n</view>\n'
    note = markup_unread(text)
    assert note is not None and "a tag on line 2 (<button…) could not be read" in note


def test_a_quote_swallowing_a_tag_on_its_own_line_is_told():
    note = markup_unread('<view>\n<view class="a><button open-type="share">分享</button></view>\n</view>\n')
    assert note is not None and "<view> on line 2" in note and "line 2 were read as one tag" in note


def test_a_vue_template_is_told_at_the_file_line():
    vue = ("<template>\n  <view>\n    <view class=\"a>\n    <button open-type=\"getPhoneNumber\">x</button>\n"
           "  </view>\n</template>\n<script>\nexport default {}\n</script>\n")
    facts = extract("pages/me/me.vue", vue.encode())
    assert facts.error is not None and "<view> on line 3" in facts.error and "lines 3–4" in facts.error


def test_templates_that_hide_no_tag_are_read_in_full(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/index/index.wxml",
               '<view wx:if="{{count < max && max > 0}}" style="color: red;\n  width: 10px">{{a<b ? 1 : 2}}</view>\n'
               '<rich-text nodes="<p>一</p><p>二</p>"></rich-text>\n'
               "<button open-type='share' data-x=\"it's\">分享</button>\n")
    repo.write("pages/index/extra.wxml", "<view class=\"a\n b\">x &lt; y</view>\n"
               # a stray quote that hides no tag: the tags after it are read
               '<view style="color: red\\"">\n  <button open-type="share">分享</button>\n</view>\n')
    repo.commit()
    report = run(repo.path, base)
    assert [e for e in report.errors if e.path.endswith(".wxml")] == []
    vue = ('<template>\n  <view :class="{\n    on: index > 0 }" v-if="list.length<max">\n    <text>a</text>\n'
           '  </view>\n</template>\n')
    assert extract("pages/a/a.vue", vue.encode()).error is None
    # markup shown escaped (code samples, a rich-text string) is text, not a tag given up on
    escaped = ('<view>\n<code>&lt;count-to :start=&#x27;0&#x27;&gt;&lt;/count-to&gt;</code>\n'
               '<rich-text nodes="&lt;p&gt;一&lt;/p&gt;\n&lt;p&gt;二&lt;/p&gt;"></rich-text>\n</view>\n')
    assert markup_unread(escaped) is None
