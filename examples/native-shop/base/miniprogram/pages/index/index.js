const { request, showError } = require('../../utils/request');
const cart = require('../../utils/cart');

Page({
  data: {
    banners: [],
    shortcuts: [],
    goods: [],
    page: 1,
    hasMore: true,
    loading: false
  },

  onLoad() {
    this.loadHome();
  },

  onShow() {
    cart.updateBadge(cart.getCart());
  },

  onPullDownRefresh() {
    this.setData({ page: 1, hasMore: true, goods: [] });
    this.loadHome().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    this.loadGoods();
  },

  loadHome() {
    return request({ url: '/home/banners', auth: false })
      .then((banners) => {
        this.setData({ banners });
        return request({ url: '/home/shortcuts', auth: false });
      })
      .then((shortcuts) => {
        this.setData({ shortcuts });
        return this.loadGoods();
      })
      .catch(showError);
  },

  loadGoods() {
    if (this.data.loading || !this.data.hasMore) return Promise.resolve();
    this.setData({ loading: true });
    return request({ url: '/goods', data: { page: this.data.page, size: 10 }, auth: false })
      .then(({ list, hasMore }) => {
        this.setData({
          goods: this.data.goods.concat(list),
          page: this.data.page + 1,
          hasMore
        });
      })
      .catch(showError)
      .then(() => this.setData({ loading: false }));
  },

  onAddCart(e) {
    cart.addToCart(e.detail.goods);
    wx.showToast({ title: '已加入购物车', icon: 'success' });
  },

  onShareAppMessage() {
    return {
      title: '邻里小店：今日团购上新啦',
      path: '/pages/index/index'
    };
  }
});
