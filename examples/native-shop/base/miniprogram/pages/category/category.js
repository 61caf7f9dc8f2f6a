const { request, showError } = require('../../utils/request');
const cart = require('../../utils/cart');

Page({
  data: {
    categories: [],
    activeId: null,
    goods: [],
    loading: false
  },

  onLoad() {
    this.loadCategories();
  },

  loadCategories() {
    request({ url: '/categories', auth: false })
      .then((categories) => {
        this.setData({ categories });
        if (categories.length) this.selectCategory(categories[0].id);
      })
      .catch(showError);
  },

  onSelect(e) {
    this.selectCategory(e.currentTarget.dataset.id);
  },

  selectCategory(id) {
    if (id === this.data.activeId) return;
    this.setData({ activeId: id, goods: [], loading: true });
    request({ url: '/goods', data: { categoryId: id, size: 30 }, auth: false })
      .then(({ list }) => this.setData({ goods: list }))
      .catch(showError)
      .then(() => this.setData({ loading: false }));
  },

  onAddCart(e) {
    cart.addToCart(e.detail.goods);
    wx.showToast({ title: '已加入购物车', icon: 'success' });
  }
});
