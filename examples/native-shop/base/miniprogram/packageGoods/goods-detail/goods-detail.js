const { request, showError } = require('../../utils/request');
const cart = require('../../utils/cart');

Page({
  data: {
    goods: null,
    current: 0
  },

  onLoad(options) {
    this.goodsId = options.id;
    this.loadGoods();
  },

  loadGoods() {
    wx.showLoading({ title: '加载中' });
    request({ url: `/goods/${this.goodsId}`, auth: false })
      .then((goods) => {
        this.setData({ goods });
        wx.setNavigationBarTitle({ title: goods.title });
      })
      .catch(showError)
      .then(() => wx.hideLoading());
  },

  onSwiperChange(e) {
    this.setData({ current: e.detail.current });
  },

  onPreview(e) {
    wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.goods.images });
  },

  onAddCart() {
    if (!this.data.goods) return;
    cart.addToCart(this.data.goods);
    wx.showToast({ title: '已加入购物车', icon: 'success' });
  },

  goCart() {
    wx.switchTab({ url: '/pages/cart/cart' });
  }
});
