const { request, showError } = require('../../utils/request');
const cart = require('../../utils/cart');

Page({
  data: {
    items: [],
    allChecked: false,
    checkedCount: 0,
    totalPrice: 0,
    submitting: false
  },

  onShow() {
    this.refresh(cart.getCart());
  },

  refresh(items) {
    const checked = items.filter((item) => item.checked);
    this.setData({
      items,
      allChecked: items.length > 0 && checked.length === items.length,
      checkedCount: checked.length,
      totalPrice: checked.reduce((sum, item) => sum + item.price * item.count, 0)
    });
  },

  update(items) {
    cart.saveCart(items);
    this.refresh(items);
  },

  onToggle(e) {
    const { id } = e.currentTarget.dataset;
    this.update(this.data.items.map((item) => (item.id === id ? { ...item, checked: !item.checked } : item)));
  },

  onToggleAll() {
    const next = !this.data.allChecked;
    this.update(this.data.items.map((item) => ({ ...item, checked: next })));
  },

  onCountChange(e) {
    const { id, step } = e.currentTarget.dataset;
    this.update(this.data.items.map((item) => (
      item.id === id ? { ...item, count: Math.max(0, item.count + Number(step)) } : item
    )));
  },

  onRemoveEmpty() {
    this.update(this.data.items.filter((item) => item.count > 0));
  },

  // 提交订单，到自提点取货时付款
  onCheckout() {
    if (this.data.checkedCount === 0 || this.data.submitting) return;
    const items = this.data.items
      .filter((item) => item.checked)
      .map(({ id, count }) => ({ id, count }));
    const pickupPoint = wx.getStorageSync('pickupPoint');
    this.setData({ submitting: true });
    request({ url: '/orders', method: 'POST', data: { items, pickupPointId: pickupPoint ? pickupPoint.id : null } })
      .then(() => {
        this.update(this.data.items.filter((item) => !item.checked));
        wx.showToast({ title: '下单成功', icon: 'success' });
        wx.navigateTo({ url: '/pages/order-list/order-list?status=pickup' });
      })
      .catch(showError)
      .then(() => this.setData({ submitting: false }));
  }
});
