"""A page that dispatches a Vuex action reaches what the action does: ``store.dispatch({ type: X, payload })`` on
the page's own store module, ``this.$store.dispatch('module/x', payload)`` on the store the Vue entry installs
(an action of one of its ``modules``), a method ``mapActions`` gives the page. The action's post, upload or
payment is the page's, told at the dispatch; an action that only commits state sends nothing, and an action the
page already dispatched before the change is no new use."""

from __future__ import annotations

from itertools import pairwise

import pytest

from helpers import places, run, uni_app_page_change
from mp_precheck.facts.extract import extract
from mp_precheck.readers.computedsetters import setter_writes

MPVUE = {
    "package.json": '{"dependencies": {"mpvue": "^2.0.0", "vuex": "^3.0.0"}}\n',
    "src/app.json": '{"pages": ["pages/index/main", "pages/board/main"]}\n',
    "src/main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue(App).$mount()\n",
    "src/App.vue": "<script>export default {}</script>\n",
    "src/pages/index/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
    "src/pages/index/index.vue": "<template><div>home</div></template>\n",
    "src/pages/board/main.js": "import Vue from 'vue'\nimport App from './index'\nnew Vue(App).$mount()\n",
    "src/utils/http.js": """export const send = ({ url = '', data = {}, success = () => {} } = {}) => wx.request({
  url,
  method: 'POST',
  data,
  success,
})
export const pay = (params) => wx.requestPayment({ ...params })
""",
    "src/config/api.js": "const host = 'https://notes.example.com'\n"
                         "export default { board: { add: `${host}/board/add`, order: `${host}/order` } }\n",
    "src/store/types.js": "export const NOTE_SEND = 'NOTE_SEND'\nexport const NOTE_BUSY = 'NOTE_BUSY'\n",
}
PAGE = """<template>
  <div class="board">
    <textarea v-model="draft" placeholder="写点什么" />
    <button @click="submit">发布</button>
  </div>
</template>
<script>
IMPORTS
export default {
  data () {
    return { text: '' }
  },
  computed: {
    draft: {
      get () { return this.text },
      set (value) { this.text = value },
    },
  },
  methods: {
    submit () {
      BODY
    },
  },
}
</script>
"""
# the page's own store: an action keyed by an imported constant that toasts and posts through the request helper
OWN_STORE = """import Vue from 'vue'
import Vuex from 'vuex'
import API from '../../config/api'
import { send } from '../../utils/http'
import { NOTE_SEND, NOTE_BUSY } from '../../store/types'

Vue.use(Vuex)

const store = new Vuex.Store({
  state: { busy: false },
  mutations: {
    [NOTE_BUSY] (state, busy) {
      state.busy = busy
    },
  },
  actions: {
    [NOTE_SEND] ({ commit }, { payload }) {
      commit(NOTE_BUSY, true)
      send({
        url: API.board.add,
        data: { text: payload.text },
        success: () => {
          wx.showToast({ title: '已发布' })
          commit(NOTE_BUSY, false)
        },
      })
    },
  },
})

export default store
"""
OWN_IMPORTS = "import store from './store'\nimport { NOTE_SEND } from '../../store/types'"
OWN_DISPATCH = "store.dispatch({\n        type: NOTE_SEND,\n        payload: { text: this.text },\n      })"
DISPATCH_LINE = 22  # the line of store.dispatch in PAGE


def _page(imports: str, body: str) -> str:
    return PAGE.replace("IMPORTS", imports).replace("BODY", body)


def _change(repo, before: dict[str, str], after: dict[str, str]):
    repo.write_files({**MPVUE, **before})
    base = repo.commit()
    repo.write_files(after)
    repo.commit()
    return run(repo.path, base)


def _history(repo, *versions: dict[str, str]) -> list:
    """The reports of each step of a history whose first commit is ``MPVUE`` and ``versions[0]``."""
    repo.write_files({**MPVUE, **versions[0]})
    commits = [repo.commit()]
    for files in versions[1:]:
        repo.write_files(files)
        commits.append(repo.commit())
    return [run(repo.path, base, head) for base, head in pairwise(commits)]


def test_a_dispatch_of_an_action_that_posts_the_text_is_the_post(repo):
    report = _change(repo, {"src/pages/board/index.vue": _page("", "console.log(this.text)")},
                     {"src/pages/board/store.js": OWN_STORE,
                      "src/pages/board/index.vue": _page(OWN_IMPORTS, OWN_DISPATCH)})
    assert places(report, "category") == {("category.ugc", "src/pages/board/index.vue", DISPATCH_LINE)}


def test_a_dispatch_the_page_made_before_is_no_new_post(repo):
    page = _page(OWN_IMPORTS, OWN_DISPATCH)
    wired, edited = _history(repo, {"src/pages/board/index.vue": _page("", "console.log(this.text)")},
                             {"src/pages/board/store.js": OWN_STORE, "src/pages/board/index.vue": page},
                             {"src/pages/board/index.vue": page.replace("写点什么", "说点什么吧")})
    assert places(wired, "category") == {("category.ugc", "src/pages/board/index.vue", DISPATCH_LINE)}
    assert not places(edited, "category") and not places(edited, "upload")


def test_a_dispatch_of_an_action_that_only_commits_sends_nothing(repo):
    kept = OWN_STORE.replace("""      send({
        url: API.board.add,
        data: { text: payload.text },
        success: () => {
          wx.showToast({ title: '已发布' })
          commit(NOTE_BUSY, false)
        },
      })
""", "      commit(NOTE_BUSY, payload.text)\n")
    page = _page(OWN_IMPORTS, OWN_DISPATCH)
    report = _change(repo, {"src/pages/board/index.vue": _page("", "console.log(this.text)")},
                     {"src/pages/board/store.js": kept, "src/pages/board/index.vue": page})
    assert not places(report, "category") and not places(report, "upload")
    # the dispatch is read as the action's call; an action that only commits is no function that sends
    assert ("./store", "actions.NOTE_SEND", DISPATCH_LINE) in extract("src/pages/board/index.vue",
                                                                     page.encode()).imported_calls
    assert "actions.NOTE_SEND" not in extract("src/pages/board/store.js", kept.encode()).exports


# the app's store, installed by the Vue entry, whose namespaced module pays through the project's helper
APP_MAIN = """import Vue from 'vue'
import App from './App'
import store from './store'
Vue.prototype.$store = store
new Vue(App).$mount()
"""
ROOT_STORE = """import Vue from 'vue'
import Vuex from 'vuex'
import orders from './modules/orders'
Vue.use(Vuex)
export default new Vuex.Store({ modules: { orders } })
"""
ORDERS = """import { pay } from '../../utils/http'
const actions = {
  settle ({ commit }, order) {
    return pay({ timeStamp: order.ts, package: order.pkg, paySign: order.sign })
  },
  remember ({ commit }, order) {
    commit('keep', order)
  },
}
export default { namespaced: true, state: { list: [] }, actions }
"""
CART = """<template><div @click="checkout">结算</div></template>
<script>
export default {
  methods: {
    checkout () {
      BODY
    },
  },
}
</script>
"""


def _app_store(repo, body: str, base_body: str = "console.log('checkout')"):
    stores = {"src/main.js": APP_MAIN, "src/store/index.js": ROOT_STORE, "src/store/modules/orders.js": ORDERS,
              "src/pages/board/main.js": MPVUE["src/pages/board/main.js"]}
    return _change(repo, {**stores, "src/pages/board/index.vue": CART.replace("BODY", base_body)},
                   {"src/pages/board/index.vue": CART.replace("BODY", body)})


def test_a_dispatch_on_the_installed_store_pays_through_a_module_action(repo):
    report = _app_store(repo, "this.$store.dispatch('orders/settle', { ts: '1', pkg: 'p', sign: 's' })")
    assert ("payment.request_payment", "src/pages/board/index.vue", 6) in places(report, "payment")


MAPPED = """<template><div @click="checkout">结算</div></template>
<script>
import { mapActions } from 'vuex'
export default {
  methods: {
    ...mapActions('orders', { settleOrder: 'settle' }),
    checkout () {
      this.settleOrder({ ts: '1', pkg: 'p', sign: 's' })
    },
  },
}
</script>
"""


def test_a_mapped_action_called_as_the_pages_method_pays(repo):
    stores = {"src/main.js": APP_MAIN, "src/store/index.js": ROOT_STORE, "src/store/modules/orders.js": ORDERS}
    report = _change(repo, {**stores, "src/pages/board/index.vue": CART.replace("BODY", "console.log(1)")},
                     {"src/pages/board/index.vue": MAPPED})
    assert places(report, "payment") == {("payment.request_payment", "src/pages/board/index.vue", 8)}


def test_a_dispatch_moved_within_the_page_pays_nothing_new(repo):
    dispatch = "this.$store.dispatch('orders/settle', { ts: '1', pkg: 'p', sign: 's' })"
    stores = {"src/main.js": APP_MAIN, "src/store/index.js": ROOT_STORE, "src/store/modules/orders.js": ORDERS}
    added, moved = _history(repo, {**stores, "src/pages/board/index.vue": CART.replace("BODY", "console.log(1)")},
                            {"src/pages/board/index.vue": CART.replace("BODY", dispatch)},
                            {"src/pages/board/index.vue": CART.replace(
                                "BODY", "this.pay()\n    },\n    pay () {\n      " + dispatch)})
    assert places(added, "payment") == {("payment.request_payment", "src/pages/board/index.vue", 6)}
    assert not places(moved, "payment")


def test_a_dispatch_of_a_module_action_that_only_commits_pays_nothing(repo):
    stores = {"src/main.js": APP_MAIN, "src/store/index.js": ROOT_STORE, "src/store/modules/orders.js": ORDERS}
    kept, paid = _history(repo, {**stores, "src/pages/board/index.vue": CART.replace("BODY", "console.log(1)")},
                          {"src/pages/board/index.vue": CART.replace(
                              "BODY", "this.$store.dispatch('orders/remember', { id: 1 })")},
                          {"src/pages/board/index.vue": CART.replace(
                              "BODY", "this.$store.dispatch('orders/settle', { id: 1 })")})
    assert not places(kept, "payment")
    assert places(paid, "payment") == {("payment.request_payment", "src/pages/board/index.vue", 6)}


def test_a_dispatch_names_the_action_a_store_module_offers():
    page = extract("src/pages/board/index.vue", _page(OWN_IMPORTS, OWN_DISPATCH).encode())
    store = extract("src/pages/board/store.js", OWN_STORE.encode())
    assert ("./store", "actions.NOTE_SEND", DISPATCH_LINE) in page.imported_calls
    assert not any(name == "dispatch" for _spec, name, _line in page.imported_calls)
    assert "actions.NOTE_SEND" in store.exports
    root = extract("src/store/index.js", ROOT_STORE.encode())
    assert ("./modules/orders", "*", "*") in root.reexports
    vuex4 = ROOT_STORE.replace("import Vuex from 'vuex'", "import { createStore } from 'vuex'").replace(
        "new Vuex.Store(", "createStore(")
    assert ("./modules/orders", "*", "*") in extract("src/store/index.js", vuex4.encode()).reexports
    assert extract("src/main.js", APP_MAIN.encode()).app_members == {"$store": "./store"}
    vue3 = ("import { createSSRApp } from 'vue'\nimport App from './App.vue'\nimport kit from './kit'\n"
            "import store from './store'\nexport function createApp () {\n  const app = createSSRApp(App)\n"
            "  app.use(kit)\n  app.use(store)\n  return { app }\n}\n")
    assert extract("src/main.js", vue3.encode()).app_members == {"$store": "./store"}
    assert extract("src/main.js", vue3.replace("  app.use(store)\n", "").encode()).app_members == {}


def test_a_computed_setter_writes_the_state_a_box_bound_to_it_fills():
    assert setter_writes(_page("", ""), frozenset({"draft"})) == {"text"}
    assert setter_writes(_page("", ""), frozenset({"text"})) == frozenset()


PINIA_STORE = """import { defineStore } from 'pinia'
import { pay } from '@/utils/http'
export const useOrderStore = defineStore('order', {
  state: () => ({ paid: false }),
  actions: {
    settle (order) {
      return pay({ timeStamp: order.ts, package: order.pkg, paySign: order.sign })
    },
  },
})
"""
PINIA_PAGE = """<template><view @tap="checkout">结算</view></template>
<script setup>
import { useOrderStore } from '@/stores/order'
const order = useOrderStore()
function checkout () {
  CALL
}
</script>
"""


@pytest.mark.parametrize("call", ["order.settle({ ts: '1', pkg: 'p', sign: 's' })",
                                  "useOrderStore().settle({ ts: '1' })"])
def test_a_pinia_stores_action_called_on_its_instance_pays(repo, call):
    repo.write_files({"src/stores/order.js": PINIA_STORE,
                      "src/utils/http.js": "export const pay = (params) => uni.requestPayment({ ...params })\n"})
    base = uni_app_page_change(repo, PINIA_PAGE.replace("CALL", call))
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "src/pages/me/me.vue", 6)}
