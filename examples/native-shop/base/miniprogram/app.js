const { request } = require('./utils/request');

App({
  globalData: {
    token: ''
  },

  onLaunch() {
    this.globalData.token = wx.getStorageSync('token') || '';
    this.silentLogin();
  },

  // 静默登录：只换取会话，不弹窗、不拦截页面，未登录也能正常逛店
  silentLogin() {
    wx.login({
      success: ({ code }) => {
        if (!code) return;
        request({ url: '/auth/session', method: 'POST', data: { code }, auth: false })
          .then((session) => {
            this.globalData.token = session.token;
            wx.setStorageSync('token', session.token);
          })
          .catch(() => {
            // 登录失败不影响浏览，下单时由接口提示重试
          });
      }
    });
  }
});
