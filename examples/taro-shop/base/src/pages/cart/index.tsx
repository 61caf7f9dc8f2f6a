import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Image, Checkbox, Button, Navigator } from '@tarojs/components';
import CartRow from '../../components/CartRow';
import { request, showError } from '../../utils/request';
import { getCart, saveCart, CartItem } from '../../utils/cart';
import { formatPrice } from '../../utils/format';
import './index.scss';

export default function Cart() {
  const [items, setItems] = useState<CartItem[]>([]);
  const [submitting, setSubmitting] = useState(false);

  useDidShow(() => setItems(getCart()));

  const checked = items.filter((item) => item.checked);
  const allChecked = items.length > 0 && checked.length === items.length;
  const totalPrice = checked.reduce((sum, item) => sum + item.price * item.count, 0);

  const update = (next: CartItem[]) => {
    saveCart(next);
    setItems(next);
  };

  const toggle = (id: number) => update(items.map((item) => (item.id === id ? { ...item, checked: !item.checked } : item)));
  const toggleAll = () => update(items.map((item) => ({ ...item, checked: !allChecked })));
  const changeCount = (id: number, step: number) => update(items.map((item) => (
    item.id === id ? { ...item, count: Math.max(0, item.count + step) } : item
  )));

  // 提交订单，到自提点取货时付款
  const checkout = () => {
    if (checked.length === 0 || submitting) return;
    const pickupPoint = Taro.getStorageSync('pickupPoint');
    const data = { items: checked.map(({ id, count }) => ({ id, count })), pickupPointId: pickupPoint ? pickupPoint.id : null };
    setSubmitting(true);
    request({ url: '/orders', method: 'POST', data })
      .then(() => {
        update(items.filter((item) => !item.checked));
        Taro.showToast({ title: '下单成功', icon: 'success' });
        Taro.navigateTo({ url: '/pages/order-list/index?status=pickup' });
      })
      .catch(showError)
      .then(() => setSubmitting(false));
  };

  if (!items.length) {
    return (
      <View className='empty'>
        <Image className='empty__image' src='https://img.linli-shop.example.com/illustrations/empty-cart.png' mode='widthFix' />
        <View>购物车空空如也</View>
        <Navigator className='empty__link' url='/pages/index/index' openType='switchTab'>去逛逛</Navigator>
      </View>
    );
  }

  return (
    <View className='cart'>
      {items.map((item) => <CartRow key={item.id} item={item} onToggle={toggle} onStep={changeCount} />)}
      <View className='cart__clean' onClick={() => update(items.filter((item) => item.count > 0))}>清除数量为 0 的商品</View>

      <View className='checkout-bar'>
        <View className='checkout-bar__all' onClick={toggleAll}>
          <Checkbox value='all' checked={allChecked} color='#ff6a00' />全选
        </View>
        <View className='checkout-bar__total'>合计：<Text className='price'>¥{formatPrice(totalPrice)}</Text></View>
        <Button className='checkout-bar__btn btn-primary' size='mini' disabled={checked.length === 0} loading={submitting} onClick={checkout}>
          结算({checked.length})
        </Button>
      </View>
    </View>
  );
}
