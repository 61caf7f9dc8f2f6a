import { useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { request, showError } from '../../utils/request';
import { formatPrice, formatTime } from '../../utils/format';
import './index.scss';

const STATUS_TEXT = { unpaid: '待付款', pickup: '待取货', done: '已完成', cancelled: '已取消' };
const TABS = [
  { status: 'all', name: '全部' },
  { status: 'unpaid', name: '待付款' },
  { status: 'pickup', name: '待取货' },
  { status: 'done', name: '已完成' }
];

interface Order {
  id: number;
  status: string;
  amount: number;
  createdAt: number;
  pickupCode?: string;
  goods: { id: number; image: string }[];
}

export default function OrderList() {
  const router = useRouter();
  const [status, setStatus] = useState(router.params.status || 'all');
  const [orders, setOrders] = useState<Order[]>([]);
  const [loading, setLoading] = useState(false);

  const loadOrders = (current = status) => {
    setLoading(true);
    return request<{ list: Order[] }>({ url: '/orders', data: { status: current } })
      .then(({ list }) => setOrders(list))
      .catch(showError)
      .then(() => setLoading(false));
  };

  useLoad(() => {
    loadOrders();
  });
  usePullDownRefresh(() => {
    loadOrders().then(() => Taro.stopPullDownRefresh());
  });

  const switchTab = (next: string) => {
    if (next === status) return;
    setStatus(next);
    setOrders([]);
    loadOrders(next);
  };

  const cancel = (id: number) => {
    Taro.showModal({ title: '取消订单', content: '确定要取消这个订单吗？' }).then(({ confirm }) => {
      if (!confirm) return;
      request({ url: `/orders/${id}/cancel`, method: 'POST' }).then(() => loadOrders()).catch(showError);
    });
  };

  return (
    <View>
      <View className='tabs'>
        {TABS.map((tab) => (
          <View key={tab.status} className={`tab ${tab.status === status ? 'tab--active' : ''}`} onClick={() => switchTab(tab.status)}>{tab.name}</View>
        ))}
      </View>
      {orders.map((order) => (
        <View className='order' key={order.id}>
          <View className='order__head'>
            <Text>{formatTime(order.createdAt)}</Text>
            <Text className='order__status'>{STATUS_TEXT[order.status] || ''}</Text>
          </View>
          <View className='order__goods'>
            {order.goods.map((goods) => <Image className='order__image' key={goods.id} src={goods.image} mode='aspectFill' />)}
          </View>
          <View className='order__foot'>
            <Text>共 {order.goods.length} 件，合计 <Text className='price'>¥{formatPrice(order.amount)}</Text></Text>
            {order.status === 'unpaid' && <Button className='order__btn' size='mini' onClick={() => cancel(order.id)}>取消订单</Button>}
          </View>
          {order.pickupCode && <View className='order__pickup'>取货码：{order.pickupCode}</View>}
        </View>
      ))}
      {loading && <View className='load-more'>加载中…</View>}
      {!loading && !orders.length && <View className='empty'>暂无订单</View>}
    </View>
  );
}
