import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import type { Goods } from '../../utils/cart';
import { formatPrice } from '../../utils/format';
import './index.scss';

interface Props {
  goods: Goods;
  showAdd?: boolean;
  onAdd?: (goods: Goods) => void;
}

export default function GoodsCard({ goods, showAdd = true, onAdd }: Props) {
  const soldOut = goods.stock === 0;

  const goDetail = () => {
    Taro.navigateTo({ url: `/packageGoods/goods-detail/index?id=${goods.id}` });
  };

  const handleAdd = (e) => {
    e.stopPropagation();
    if (soldOut) {
      Taro.showToast({ title: '已抢光', icon: 'none' });
      return;
    }
    onAdd && onAdd(goods);
  };

  return (
    <View className='goods-card' onClick={goDetail}>
      <Image className='goods-card__image' src={goods.image || ''} mode='aspectFill' lazyLoad />
      <View className='goods-card__body'>
        <Text className='goods-card__title'>{goods.title}</Text>
        <Text className='goods-card__desc'>{goods.desc}</Text>
        {goods.groupSize && (
          <View className='goods-card__tags'>
            <Text className='goods-card__tag'>{goods.groupSize}人成团</Text>
            <Text className='goods-card__tag'>已团 {goods.sold} 件</Text>
          </View>
        )}
        <View className='goods-card__footer'>
          <Text className='price'>¥{formatPrice(goods.price)}</Text>
          {goods.originPrice && <Text className='goods-card__origin'>¥{formatPrice(goods.originPrice)}</Text>}
          {showAdd && (
            <View className={`goods-card__add ${soldOut ? 'goods-card__add--disabled' : ''}`} onClick={handleAdd}>+</View>
          )}
        </View>
      </View>
    </View>
  );
}
