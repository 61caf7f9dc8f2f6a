"""Typed text that reaches its post through a component event bus or a Redux-style ``connect`` binding.

* a box in one component, the post in another that renders neither: the text goes over a shared bus
  (``hub.$emit('replyTyped', this.draft)`` heard by ``hub.$on``), or the posting component sends a function over the
  bus that the box's component calls with its text (``uni.$emit('askReply', (content) => …)``): told at the post;
  a picked item or a search word sent over the bus is no post;
* ``this.props.addReview(form)`` where ``connect(mapState, { ...reviewActions })`` binds the prop to the imported
  action creator that posts: a call of that action, told at the page's call; an action that only reads is none.
"""

from __future__ import annotations

from analyzer_context import project_context
from helpers import run
from mp_precheck.analyzers import relayed_posts
from mp_precheck.readers.jsfacts import js_facts
from test_frameworks import TARO_BASE

PAGES = '{"pages": [{"path": "pages/topic/topic"}]}\n'
MANIFEST = '{"name": "demo", "mp-weixin": {"appid": ""}}\n'
HUB = "import Vue from 'vue'\nexport default new Vue()\n"
API = """export default {
  listReplies(id) { return uni.request({ url: 'https://api.example.org/topic/replies', data: { id } }) },
  addReply(data) { return uni.request({ url: 'https://api.example.org/topic/reply', method: 'POST', data }) },
  searchTopics(data) { return uni.request({ url: 'https://api.example.org/topic/search', data }) },
}
"""
# the box's component hands its text to whoever listens on the hub
REPLY_BAR = """<template>
  <view class="bar">
    <textarea v-model="draft" placeholder="写回复" />
    <button @click="done">发送</button>
  </view>
</template>
<script>
import hub from '../../common/hub.js'
export default {
  data() { return { draft: '' } },
  methods: {
    done() {
      hub.$emit('replyTyped', this.draft)
      this.draft = ''
    }
  }
}
</script>
"""
# the topic page listens and passes the text on to its own method, which posts it
TOPIC = """<template>
  <view>
    <text>{{ topic.title }}</text>
  </view>
</template>
<script>
import hub from '../../common/hub.js'
import api from '../../common/api.js'
export default {
  data() { return { topic: {} } },
  mounted() {
    hub.$on('replyTyped', this.onReply)
  },
  methods: {
    onReply(text) {
      this.saveReply(text)
    },
    saveReply(body) {
      api.addReply({ topicId: this.topic.id, body })
    }
  }
}
</script>
"""
BASE_TOPIC = TOPIC.replace("      api.addReply({ topicId: this.topic.id, body })\n", "")
# the other direction: the page sends a function over the bus, the box's component calls it with its text
ASKING = TOPIC.replace("    hub.$on('replyTyped', this.onReply)\n", "").replace(
    "    onReply(text) {\n      this.saveReply(text)\n    },\n",
    "    openBox() {\n      uni.$emit('askReply', { then: (content) => api.addReply({ id: this.topic.id, content }) })\n"
    "    },\n")
BASE_ASKING = ASKING.replace(" api.addReply({ id: this.topic.id, content })", " console.log(content)")
ANSWERING = """<template>
  <view v-if="open">
    <input v-model="words" confirm-type="send" @confirm="onConfirm" />
  </view>
</template>
<script>
export default {
  data() { return { open: false, words: '', reply: null } },
  created() {
    uni.$on('askReply', ({ then }) => {
      this.reply = then
      this.open = true
    })
  },
  methods: {
    onConfirm(e) {
      const typed = e.detail.value
      this.reply(typed)
      this.open = false
    }
  }
}
</script>
"""


def _findings(head: dict[str, str], base: dict[str, str]) -> set[tuple[str, str, int]]:
    common = {"pages.json": PAGES, "manifest.json": MANIFEST, "main.js": "import App from './App'\n",
              "common/hub.js": HUB, "common/api.js": API}
    context = project_context({**common, **head}, base={**common, **base}, changed=list(head))
    return {(f.rule, f.path, f.line) for f in relayed_posts.analyze(context, [])}


def test_a_box_text_sent_over_a_bus_to_a_listener_that_posts_it_is_a_post():
    head = {"pages/topic/topic.vue": TOPIC, "components/reply-bar/reply-bar.vue": REPLY_BAR}
    assert _findings(head, {"pages/topic/topic.vue": BASE_TOPIC}) == {
        ("upload.user_text", "pages/topic/topic.vue", 19), ("category.ugc", "pages/topic/topic.vue", 19)}


def test_a_function_sent_over_a_bus_and_called_with_the_box_text_is_a_post():
    head = {"pages/topic/topic.vue": ASKING, "components/reply-box/reply-box.vue": ANSWERING}
    assert _findings(head, {"pages/topic/topic.vue": BASE_ASKING}) == {
        ("upload.user_text", "pages/topic/topic.vue", 15), ("category.ugc", "pages/topic/topic.vue", 15)}


def test_a_picked_item_or_a_search_word_sent_over_a_bus_is_no_post():
    picker = REPLY_BAR.replace('<textarea v-model="draft" placeholder="写回复" />',
                               '<view v-for="c in cities" @click="draft = c">{{ c }}</view>')
    head = {"pages/topic/topic.vue": TOPIC, "components/reply-bar/reply-bar.vue": picker}
    assert _findings(head, {"pages/topic/topic.vue": BASE_TOPIC}) == set()
    search = REPLY_BAR.replace("<textarea v-model", '<input confirm-type="search" v-model')
    head = {"pages/topic/topic.vue": TOPIC.replace("api.addReply", "api.searchTopics"),
            "components/reply-bar/reply-bar.vue": search}
    assert _findings(head, {"pages/topic/topic.vue": BASE_TOPIC}) == set()
    # a function sent over the bus that the box's component never calls with its text
    head = {"pages/topic/topic.vue": ASKING,
            "components/reply-box/reply-box.vue": ANSWERING.replace("this.reply(typed)", "this.reply()")}
    assert _findings(head, {"pages/topic/topic.vue": BASE_ASKING}) == set()


REVIEW_ACTIONS = """import Taro from '@tarojs/taro'
export const addReview = (payload) => (dispatch) =>
  Taro.request({ url: 'https://api.example.net/reviews/add', method: 'POST', data: payload })
    .then((res) => dispatch({ type: 'REVIEW_ADDED', payload: res.data }))
export const fetchReviews = (query) => (dispatch) =>
  Taro.request({ url: 'https://api.example.net/reviews/list', data: query })
    .then((res) => dispatch({ type: 'REVIEWS', payload: res.data }))
"""
REVIEW_PAGE = """import Taro, { Component } from '@tarojs/taro'
import { View, Textarea, Button } from '@tarojs/components'
import { connect } from 'react-redux'
import * as reviewActions from '../../store/reviewActions'

class Review extends Component {
  state = { text: '' }

  onText = (e) => {
    this.setState({ text: e.detail.value })
  }

  submit = () => {
    this.props.addReview({ body: this.state.text, stars: 5 })
  }

  render() {
    return (
      <View>
        <Textarea value={this.state.text} onInput={this.onText} placeholder='说说你的体验' />
        <Button onClick={this.submit}>提交</Button>
      </View>
    )
  }
}

export default connect(({ review }) => review, { ...reviewActions })(Review)
"""


def _ugc(repo, page: str) -> set[tuple[str, str, int]]:
    repo.write_files({**TARO_BASE, "src/store/reviewActions.js": REVIEW_ACTIONS})
    base = repo.commit()
    repo.write("src/pages/me/index.jsx", page)
    repo.remove("src/pages/me/index.tsx")
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "category.ugc"}


def test_a_connected_action_creator_that_posts_the_box_text_is_a_post(repo):
    assert _ugc(repo, REVIEW_PAGE) == {("category.ugc", "src/pages/me/index.jsx", 14)}


def test_a_connected_action_creator_that_only_reads_is_no_post(repo):
    assert _ugc(repo, REVIEW_PAGE.replace("this.props.addReview", "this.props.fetchReviews")) == set()


def test_what_props_connect_binds_are_calls_of_their_action_creators():
    page = """import { connect } from 'react-redux'
import { bindActionCreators } from 'redux'
import { saveNote, loadNotes } from './notes'
import * as more from './more'
function Box(props) {
  const { keep } = props
  keep(1)
  props.onClose()
  props.anything(2)
}
const mapDispatch = (dispatch) => ({ keep: (n) => dispatch(saveNote(n)), ...bindActionCreators(more, dispatch) })
export default connect(null, mapDispatch)(Box)
"""
    calls = {c for c in js_facts(page, "box.js").imported_calls if c[0].startswith("./")}
    assert ("./notes", "saveNote", 7) in calls
    assert not any(c[2] == 8 for c in calls)  # a parent's callback is no action creator
    assert not any(c[2] == 9 for c in calls)  # the spread of a call binds nothing this reader names
    bound = js_facts(page.replace("const mapDispatch = (dispatch) => ({ keep: (n) => dispatch(saveNote(n)), "
                                  "...bindActionCreators(more, dispatch) })",
                                  "const mapDispatch = (dispatch) => bindActionCreators(more, dispatch)"), "box.js")
    assert ("./more", "anything", 9) in bound.imported_calls
    assert not any(c[2] == 8 and c[0] == "./more" for c in bound.imported_calls)
    assert not any(c[0] == "./more" for c in js_facts(page.replace("connect(", "wrap("), "box.js").imported_calls)
