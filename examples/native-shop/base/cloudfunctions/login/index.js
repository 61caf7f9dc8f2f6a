// 云函数：返回调用者的 OPENID，供服务端绑定会员账号使用
const cloud = require('wx-server-sdk');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

exports.main = async () => {
  const { OPENID, APPID, UNIONID } = cloud.getWXContext();
  return {
    openid: OPENID,
    appid: APPID,
    unionid: UNIONID || null
  };
};
