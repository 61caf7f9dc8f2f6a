import { View, Text, Image, Checkbox } from '@tarojs/components';
import type { CartItem } from '../../utils/cart';
import { formatPrice } from '../../utils/format';

interface Props {
  item: CartItem;
  onToggle: (id: number) => void;
  onStep: (id: number, step: number) => void;
}

// 购物车中的一行：勾选、图片、标题价格、数量步进器
export default function CartRow({ item, onToggle, onStep }: Props) {
  return (
    <View className='cart-item'>
      <Checkbox value={String(item.id)} checked={item.checked} color='#ff6a00' onClick={() => onToggle(item.id)} />
      <Image className='cart-item__image' src={item.image} mode='aspectFill' />
      <View className='cart-item__info'>
        <Text className='cart-item__title'>{item.title}</Text>
        <Text className='price'>¥{formatPrice(item.price)}</Text>
      </View>
      <View className='stepper'>
        <Text className='stepper__btn' onClick={() => onStep(item.id, -1)}>-</Text>
        <Text className='stepper__num'>{item.count}</Text>
        <Text className='stepper__btn' onClick={() => onStep(item.id, 1)}>+</Text>
      </View>
    </View>
  );
}
