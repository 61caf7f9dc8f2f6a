const { request, showError } = require('../../utils/request');
const { formatTime } = require('../../utils/format');

const STATUS_TEXT = {
  unpaid: '待付款',
  pickup: '待取货',
  done: '已完成',
  cancelled: '已取消'
};

Page({
  data: {
    tabs: [
      { status: 'all', name: '全部' },
      { status: 'unpaid', name: '待付款' },
      { status: 'pickup', name: '待取货' },
      { status: 'done', name: '已完成' }
    ],
    status: 'all',
    orders: [],
    loading: false
  },

  onLoad(options) {
    this.setData({ status: options.status || 'all' });
    this.loadOrders();
  },

  onPullDownRefresh() {
    this.loadOrders().then(() => wx.stopPullDownRefresh());
  },

  onTabTap(e) {
    const { status } = e.currentTarget.dataset;
    if (status === this.data.status) return;
    this.setData({ status, orders: [] });
    this.loadOrders();
  },

  loadOrders() {
    this.setData({ loading: true });
    return request({ url: '/orders', data: { status: this.data.status } })
      .then(({ list }) => {
        const orders = list.map((order) => ({
          ...order,
          statusText: STATUS_TEXT[order.status] || '',
          createdText: formatTime(order.createdAt)
        }));
        this.setData({ orders });
      })
      .catch(showError)
      .then(() => this.setData({ loading: false }));
  },

  onCancel(e) {
    const { id } = e.currentTarget.dataset;
    wx.showModal({
      title: '取消订单',
      content: '确定要取消这个订单吗？',
      success: ({ confirm }) => {
        if (!confirm) return;
        request({ url: `/orders/${id}/cancel`, method: 'POST' })
          .then(() => this.loadOrders())
          .catch(showError);
      }
    });
  }
});
