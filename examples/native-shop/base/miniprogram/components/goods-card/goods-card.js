Component({
  options: {
    addGlobalClass: true
  },

  properties: {
    goods: {
      type: Object,
      value: {}
    },
    showAdd: {
      type: Boolean,
      value: true
    }
  },

  methods: {
    onTap() {
      const { id } = this.data.goods;
      if (!id) return;
      wx.navigateTo({ url: `/packageGoods/goods-detail/goods-detail?id=${id}` });
    },

    onAdd() {
      if (this.data.goods.stock === 0) {
        wx.showToast({ title: '已抢光', icon: 'none' });
        return;
      }
      this.triggerEvent('add', { goods: this.data.goods });
    }
  }
});
