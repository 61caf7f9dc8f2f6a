"""One read per text shared by the readers that need it: a template's markup is tokenized once and its callbacks
made again for each reader (in the same order, at the same positions), a very large script's tree is kept though
it is over the budget of ordinary trees, and readers asked again for the same text answer from their first reading.
Each: the same answer for the same text, another for another, and what a caller gets is its own."""

from __future__ import annotations

from html.parser import HTMLParser

from mp_precheck.readers import htmlfeed, markup, syntax
from mp_precheck.readers.authoverlay import covering_classes
from mp_precheck.readers.authpage import authorization_page
from mp_precheck.readers.componentuses import script_bindings
from mp_precheck.readers.htmlfeed import feed_safely, feed_shared
from mp_precheck.readers.markup import markup_facts, markup_unread
from mp_precheck.readers.ownhelpers import words
from mp_precheck.readers.syntax import language_for, parse
from mp_precheck.readers.tapasks import tap_asks

TEMPLATE = """<view class="shelf">
  <!-- the list -->
  <block wx:for="{{books}}" wx:key="id">
    <image src="/img/{{item.cover}}" mode="aspectFill"/>
    <text class="name">{{item.name}} &amp; more &#169;</text>
    <button open-type="share" data-id="{{item.id}}"
            bindtap="onLend">借给朋友</button>
  </block>
  <input type="nickname" placeholder="昵称" />
</view>
"""


class _Log(HTMLParser):
    """Every callback with what the tokenizer says during it."""

    def __init__(self, convert_charrefs: bool = True) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.log: list[tuple[object, ...]] = []

    def _note(self, *what: object) -> None:
        self.log.append((*what, self.getpos(), self.get_starttag_text()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note("start", tag, list(attrs))
        attrs.clear()  # a reader may change what it is handed: the next reader still gets all of them

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note("startend", tag, list(attrs))

    def handle_endtag(self, tag: str) -> None:
        self._note("end", tag)

    def handle_data(self, data: str) -> None:
        self._note("data", data)

    def handle_comment(self, data: str) -> None:
        self._note("comment", data)

    def handle_charref(self, name: str) -> None:
        self._note("charref", name)

    def handle_entityref(self, name: str) -> None:
        self._note("entityref", name)


def _fed(feed: object, text: str, convert_charrefs: bool = True) -> tuple[bool, list[tuple[object, ...]], tuple[int, int]]:
    parser = _Log(convert_charrefs)
    whole = feed(parser, text)  # type: ignore[operator]
    return whole, parser.log, parser.getpos()


def test_a_shared_feed_shows_a_reader_what_its_own_feed_shows() -> None:
    for convert in (True, False):  # the two tokenizings differ (entities as data or as callbacks): kept apart
        own = _fed(feed_safely, TEMPLATE, convert)
        assert _fed(feed_shared, TEMPLATE, convert) == own
        assert _fed(feed_shared, TEMPLATE, convert) == own  # the second time from the kept callbacks
        assert any(entry[0] == "startend" for entry in own[1]) and any(entry[0] == "comment" for entry in own[1])
    assert _fed(feed_shared, TEMPLATE, False) != _fed(feed_shared, TEMPLATE, True)


def test_a_different_text_is_tokenized_afresh() -> None:
    before = htmlfeed.READS.misses
    first = _fed(feed_shared, TEMPLATE + "<view>one</view>\n")
    other = _fed(feed_shared, TEMPLATE + "<view>two</view>\n")
    assert htmlfeed.READS.misses - before == 2
    assert first != other
    assert other == _fed(feed_safely, TEMPLATE + "<view>two</view>\n")


def test_a_malformed_declaration_stops_a_shared_feed_where_it_stops_an_own_one() -> None:
    broken = "<view>kept</view>\n<![\x01 rest <view>lost</view>"
    own = _fed(feed_safely, broken)
    assert own[0] is False
    assert _fed(feed_shared, broken) == own
    assert _fed(feed_shared, broken) == own


def test_a_parser_that_has_read_something_is_fed_the_text_itself() -> None:
    parser = _Log()
    feed_safely(parser, "<view>\n</view>\n")
    feed_shared(parser, TEMPLATE)
    again = _Log()
    feed_safely(again, "<view>\n</view>\n")
    feed_safely(again, TEMPLATE)
    assert parser.log == again.log  # positions go on from the first text


def test_the_newest_text_is_kept_whatever_its_size_and_older_ones_within_the_budget() -> None:
    huge = "<view>row</view>\n" * (htmlfeed.MARKUP_BYTES // 10)
    feed_shared(_Log(), huge)
    before = htmlfeed.READS.misses
    feed_shared(_Log(), huge)
    assert htmlfeed.READS.misses == before  # one tokenizing for every reader of that text
    assert len(htmlfeed.READS.kept) == 1
    for n in range(htmlfeed.MARKUP_TEXTS + 3):
        feed_shared(_Log(), f"<view>{n}</view>")
    assert len(htmlfeed.READS.kept) == htmlfeed.MARKUP_TEXTS
    assert htmlfeed.READS.size == sum(len(text) for text, _convert in htmlfeed.READS.kept)


def test_markup_facts_answer_the_same_text_alike_and_hand_each_caller_its_own_list() -> None:
    first = markup_facts(TEMPLATE, 3)
    assert first and markup_facts(TEMPLATE, 3) == first
    first.clear()
    assert markup_facts(TEMPLATE, 3)
    assert markup_facts(TEMPLATE, 4) != markup_facts(TEMPLATE, 3)  # the lines are the offset's
    assert markup_facts(TEMPLATE.replace('open-type="share"', ""), 3) != markup_facts(TEMPLATE, 3)


def test_a_templates_unread_note_comes_from_the_reading_of_its_facts() -> None:
    # extract.py asks markup_facts(text) and then markup_unread(text) of every WXML: one reading for both.
    text = TEMPLATE.replace("shelf", "unread-once")  # a text no other test reads
    before = markup._markup_facts.cache_info()
    facts = markup_facts(text)
    assert markup_unread(text) is None and facts
    after = markup._markup_facts.cache_info()
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 1)


def test_a_large_script_is_parsed_once_though_it_is_over_the_ordinary_budget() -> None:
    large = b"var row = 1;\n" * (syntax.PARSED_BYTES // 10)
    assert syntax.PARSED_BYTES < len(large) <= syntax.LARGE_BYTES
    language = language_for("pages/big/big.js")
    tree = parse(language, large)
    assert parse(language, bytes(large)) is tree
    assert parse(language, large + b"//\n") is not tree
    assert len(syntax.TREES.large) <= syntax.LARGE_TREES and syntax.TREES.large_size <= syntax.LARGE_BYTES
    beyond = b"var row = 2;\n" * (syntax.LARGE_BYTES // 12)
    assert parse(language, beyond) is not parse(language, beyond)  # over the large budget too: not kept


SFC = """<template>
  <view>
    <uploader ref="up" />
    <button bindtap="getProfile">获取头像昵称</button>
  </view>
</template>

<script>
import Uploader from '@/components/uploader.vue'
export default {
  components: { Uploader },
  methods: {
    getProfile() { wx.getUserProfile({ desc: 'x' }) }
  }
}
</script>
"""


def test_script_bindings_answer_the_same_text_alike_and_another_afresh() -> None:
    script = SFC.split("<script>")[1].split("</script>")[0]
    first = script_bindings(script, "pages/a/a.vue.js")
    assert script_bindings(script, "pages/a/a.vue.js") == first
    assert ("@/components/uploader.vue", "Uploader") in first.imports
    other = script_bindings(script.replace("Uploader", "Picker"), "pages/a/a.vue.js")
    assert other != first and ("@/components/uploader.vue", "Picker") in other.imports


def test_tap_asks_answer_the_same_page_alike_and_hand_each_caller_its_own_map() -> None:
    first = tap_asks(SFC, "pages/a/a.vue")
    assert first == {4: "wx.getUserProfile"}
    first.clear()
    assert tap_asks(SFC, "pages/a/a.vue") == {4: "wx.getUserProfile"}
    assert tap_asks(SFC.replace("wx.getUserProfile", "wx.showToast"), "pages/a/a.vue") == {}


def test_authorization_page_answers_the_same_arguments_alike_and_others_afresh() -> None:
    page = '<view>\n  <button bindtap="getProfile">获取头像昵称</button>\n</view>\n'
    assert authorization_page(page, "a.wxml") is None  # a plain button asks nothing by itself
    asked = authorization_page(page, "a.wxml", tapped={2: "wx.getUserProfile"})
    assert asked is not None and asked.line == 2
    assert authorization_page(page, "a.wxml", tapped={2: "wx.getUserProfile"}) == asked
    assert authorization_page(page, "a.wxml") is None  # the answer follows every argument, not the text alone


def test_covering_classes_read_the_same_sheet_alike_for_each_set_of_positions() -> None:
    sheet = ".mask { position: fixed; top: 0; bottom: 0 }\n.card { position: absolute; height: 100% }\n"
    assert covering_classes(sheet) == {"mask"}
    assert covering_classes(sheet, ("fixed", "absolute")) == {"mask", "card"}
    found = covering_classes(sheet)
    found.add("changed")
    assert covering_classes(sheet) == {"mask"}
    assert covering_classes(sheet.replace("fixed", "relative")) == set()


def test_words_are_the_runs_of_alphanumerics_underscores_and_dollars() -> None:
    text = '@tap="get_Profile2" {{ $t(\'名字\') }} a-b.c ٣x ²'

    def by_character(text: str) -> set[str]:
        out, current = set(), ""
        for char in text:
            if char.isalnum() or char in "_$":
                current += char
            elif current:
                out.add(current)
                current = ""
        return out | ({current} if current else set())

    assert words(text) == by_character(text) == {"tap", "get_Profile2", "$t", "名字", "a", "b", "c", "٣x", "²"}
    assert words("") == set()
