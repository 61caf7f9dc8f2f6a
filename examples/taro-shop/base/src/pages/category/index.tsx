import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { View, Image, ScrollView } from '@tarojs/components';
import GoodsCard from '../../components/GoodsCard';
import { request, showError } from '../../utils/request';
import { addToCart, Goods } from '../../utils/cart';
import './index.scss';

interface Category { id: number; name: string }

export default function CategoryPage() {
  const [categories, setCategories] = useState<Category[]>([]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [goods, setGoods] = useState<Goods[]>([]);
  const [loading, setLoading] = useState(false);

  const selectCategory = (id: number) => {
    if (id === activeId) return;
    setActiveId(id);
    setGoods([]);
    setLoading(true);
    request<{ list: Goods[] }>({ url: '/goods', data: { categoryId: id, size: 30 }, auth: false })
      .then(({ list }) => setGoods(list))
      .catch(showError)
      .then(() => setLoading(false));
  };

  useLoad(() => {
    request<Category[]>({ url: '/categories', auth: false })
      .then((list) => {
        setCategories(list);
        if (list.length) selectCategory(list[0].id);
      })
      .catch(showError);
  });

  const onAddCart = (item: Goods) => {
    addToCart(item);
    Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };

  return (
    <View className='category'>
      <ScrollView className='category__side' scrollY>
        {categories.map((item) => (
          <View
            key={item.id}
            className={`category__item ${item.id === activeId ? 'category__item--active' : ''}`}
            onClick={() => selectCategory(item.id)}
          >
            {item.name}
          </View>
        ))}
      </ScrollView>

      <ScrollView className='category__main' scrollY>
        {goods.map((item) => <GoodsCard key={item.id} goods={item} onAdd={onAddCart} />)}
        {loading && <View className='load-more'>加载中…</View>}
        {!loading && !goods.length && (
          <View className='empty'>
            <Image className='empty__image' src='https://img.linli-shop.example.com/illustrations/empty-goods.png' mode='widthFix' />
            <View>该分类暂无商品</View>
          </View>
        )}
      </ScrollView>
    </View>
  );
}
