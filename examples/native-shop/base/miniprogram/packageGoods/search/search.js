const { request, showError } = require('../../utils/request');
const cart = require('../../utils/cart');

const HISTORY_KEY = 'search_history';
const MAX_HISTORY = 10;

Page({
  data: {
    keyword: '',
    history: [],
    results: [],
    searched: false,
    loading: false
  },

  onLoad(options) {
    this.setData({ history: wx.getStorageSync(HISTORY_KEY) || [] });
    if (options.keyword) {
      this.search(decodeURIComponent(options.keyword));
    }
  },

  onInput(e) {
    this.setData({ keyword: e.detail.value });
  },

  onConfirm() {
    this.search(this.data.keyword);
  },

  onHistoryTap(e) {
    this.search(e.currentTarget.dataset.keyword);
  },

  onClearHistory() {
    wx.removeStorageSync(HISTORY_KEY);
    this.setData({ history: [] });
  },

  search(raw) {
    const keyword = (raw || '').trim();
    if (!keyword) return;
    const history = [keyword].concat(this.data.history.filter((k) => k !== keyword)).slice(0, MAX_HISTORY);
    wx.setStorageSync(HISTORY_KEY, history);
    this.setData({ keyword, history, loading: true, searched: true });
    request({ url: '/goods/search', data: { keyword }, auth: false })
      .then(({ list }) => this.setData({ results: list }))
      .catch(showError)
      .then(() => this.setData({ loading: false }));
  },

  onAddCart(e) {
    cart.addToCart(e.detail.goods);
    wx.showToast({ title: '已加入购物车', icon: 'success' });
  }
});
