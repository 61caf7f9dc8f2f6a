import Taro from '@tarojs/taro';

// 购物车保存在本地缓存中，结算时再提交到服务端
const CART_KEY = 'cart_items';
const CART_TAB_INDEX = 2;

export interface Goods {
  id: number;
  title: string;
  desc?: string;
  price: number;
  originPrice?: number;
  image?: string;
  images?: string[];
  stock?: number;
  sold?: number;
  groupSize?: number;
}

export interface CartItem {
  id: number;
  title: string;
  price: number;
  image: string;
  count: number;
  checked: boolean;
}

export function getCart(): CartItem[] {
  return Taro.getStorageSync(CART_KEY) || [];
}

export function updateBadge(items: CartItem[]) {
  const total = items.reduce((sum, item) => sum + item.count, 0);
  if (total > 0) {
    Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: String(total) }).catch(() => {});
  } else {
    Taro.removeTabBarBadge({ index: CART_TAB_INDEX }).catch(() => {});
  }
}

export function saveCart(items: CartItem[]) {
  Taro.setStorageSync(CART_KEY, items);
  updateBadge(items);
}

export function addToCart(goods: Goods, count = 1) {
  const items = getCart();
  const found = items.find((item) => item.id === goods.id);
  if (found) {
    found.count += count;
  } else {
    items.push({
      id: goods.id,
      title: goods.title,
      price: goods.price,
      image: goods.image || (goods.images && goods.images[0]) || '',
      count,
      checked: true
    });
  }
  saveCart(items);
  return items;
}
