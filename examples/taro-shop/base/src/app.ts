import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { request } from './utils/request';
import './app.scss';

interface Session {
  token: string;
}

// 静默登录：只换取会话，不弹窗、不拦截页面，未登录也能正常逛店
function silentLogin() {
  Taro.login()
    .then(({ code }) => {
      if (!code) return;
      return request<Session>({ url: '/auth/session', method: 'POST', data: { code }, auth: false })
        .then((session) => Taro.setStorageSync('token', session.token));
    })
    .catch(() => {
      // 登录失败不影响浏览，下单时由接口提示重试
    });
}

function App({ children }: PropsWithChildren<any>) {
  useLaunch(() => {
    silentLogin();
  });

  return children;
}

export default App;
