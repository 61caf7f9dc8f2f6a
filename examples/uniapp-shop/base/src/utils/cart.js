// 购物车保存在本地缓存中，结算时再提交到服务端
const CART_KEY = 'cart_items';
const CART_TAB_INDEX = 2;

export function getCart() {
  return uni.getStorageSync(CART_KEY) || [];
}

export function updateBadge(items) {
  const total = items.reduce((sum, item) => sum + item.count, 0);
  if (total > 0) {
    uni.setTabBarBadge({ index: CART_TAB_INDEX, text: String(total), fail() {} });
  } else {
    uni.removeTabBarBadge({ index: CART_TAB_INDEX, fail() {} });
  }
}

export function saveCart(items) {
  uni.setStorageSync(CART_KEY, items);
  updateBadge(items);
}

export function addToCart(goods, count = 1) {
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
