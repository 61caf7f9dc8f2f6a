const { request, showError } = require('../../utils/request');

const DEFAULT_AVATAR = 'https://img.linli-shop.example.com/avatar/default.png';
const MAX_SCREENSHOTS = 3;

Page({
  data: {
    avatar: DEFAULT_AVATAR,
    nickname: '',
    orderTabs: [
      { status: 'unpaid', name: '待付款' },
      { status: 'pickup', name: '待取货' },
      { status: 'done', name: '已完成' }
    ],
    feedback: '',
    screenshots: []
  },

  onShow() {
    const profile = wx.getStorageSync('profile') || {};
    this.setData({
      avatar: profile.avatar || DEFAULT_AVATAR,
      nickname: profile.nickname || '邻居'
    });
  },

  onOrderTap(e) {
    wx.navigateTo({ url: `/pages/order-list/order-list?status=${e.currentTarget.dataset.status}` });
  },

  onFeedbackInput(e) {
    this.setData({ feedback: e.detail.value });
  },

  // 反馈截图：只在本机预览，方便到店时给店长查看，不上传
  chooseFeedbackImage() {
    const remain = MAX_SCREENSHOTS - this.data.screenshots.length;
    if (remain <= 0) return;
    wx.chooseImage({
      count: remain,
      sizeType: ['compressed'],
      sourceType: ['album'],
      success: (res) => {
        this.setData({ screenshots: this.data.screenshots.concat(res.tempFilePaths) });
      }
    });
  },

  previewScreenshot(e) {
    wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.screenshots });
  },

  submitFeedback() {
    const content = this.data.feedback.trim();
    if (!content) {
      wx.showToast({ title: '请填写反馈内容', icon: 'none' });
      return;
    }
    request({ url: '/feedback', method: 'POST', data: { content } })
      .then(() => {
        wx.showToast({ title: '感谢你的反馈', icon: 'success' });
        this.setData({ feedback: '', screenshots: [] });
      })
      .catch(showError);
  }
});
