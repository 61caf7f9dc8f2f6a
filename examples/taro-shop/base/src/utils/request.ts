import Taro from '@tarojs/taro';

export const BASE_URL = 'https://api.linli-shop.example.com';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions {
  url: string;
  method?: Method;
  data?: Record<string, unknown>;
  auth?: boolean;
}

interface ApiBody<T> {
  code: number;
  data: T;
  message?: string;
}

// 统一的接口请求封装：拼接域名、携带登录态、解析 { code, data, message }
export function request<T = any>({ url, method = 'GET', data = {}, auth = true }: RequestOptions): Promise<T> {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) {
    const token = Taro.getStorageSync('token');
    if (token) header.Authorization = `Bearer ${token}`;
  }
  return Taro.request<ApiBody<T>>({
    url: `${BASE_URL}${url}`,
    method,
    data,
    header,
    timeout: 10000
  }).then(
    (res) => {
      const body = res.data || ({} as ApiBody<T>);
      if (res.statusCode === 200 && body.code === 0) return body.data;
      throw new Error(body.message || `请求失败（${res.statusCode}）`);
    },
    (err) => {
      throw new Error((err && err.errMsg) || '网络异常，请稍后再试');
    }
  );
}

export function showError(err: unknown) {
  const message = err instanceof Error ? err.message : '';
  Taro.showToast({ title: message || '出错了，请稍后再试', icon: 'none' });
}
