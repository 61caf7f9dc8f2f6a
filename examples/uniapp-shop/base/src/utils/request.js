export const BASE_URL = 'https://api.linli-shop.example.com';

// 统一的接口请求封装：拼接域名、携带登录态、解析 { code, data, message }
export function request({ url, method = 'GET', data = {}, auth = true }) {
  const header = { 'content-type': 'application/json' };
  if (auth) {
    const token = uni.getStorageSync('token');
    if (token) header.Authorization = `Bearer ${token}`;
  }
  return new Promise((resolve, reject) => {
    uni.request({
      url: `${BASE_URL}${url}`,
      method,
      data,
      header,
      timeout: 10000,
      success: (res) => {
        const body = res.data || {};
        if (res.statusCode === 200 && body.code === 0) {
          resolve(body.data);
        } else {
          reject(new Error(body.message || `请求失败（${res.statusCode}）`));
        }
      },
      fail: (err) => reject(new Error(err.errMsg || '网络异常，请稍后再试'))
    });
  });
}

export function showError(err) {
  uni.showToast({ title: (err && err.message) || '出错了，请稍后再试', icon: 'none' });
}
