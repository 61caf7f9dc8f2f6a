import { useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { View, Text, Image, Swiper, SwiperItem, Button } from '@tarojs/components';
import { request, showError } from '../../utils/request';
import { addToCart, Goods } from '../../utils/cart';
import { formatPrice } from '../../utils/format';
import './index.scss';

interface GoodsDetail extends Goods {
  images: string[];
  detailImages: string[];
}

export default function GoodsDetailPage() {
  const { params } = useRouter();
  const [goods, setGoods] = useState<GoodsDetail | null>(null);
  const [current, setCurrent] = useState(0);

  useLoad(() => {
    Taro.showLoading({ title: '加载中' });
    request<GoodsDetail>({ url: `/goods/${params.id}`, auth: false })
      .then((detail) => {
        setGoods(detail);
        Taro.setNavigationBarTitle({ title: detail.title });
      })
      .catch(showError)
      .then(() => Taro.hideLoading());
  });

  const onAddCart = () => {
    if (!goods) return;
    addToCart(goods);
    Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };

  return (
    <View className='detail'>
      {goods && (
        <View>
          <Swiper className='gallery' circular onChange={(e) => setCurrent(e.detail.current)}>
            {goods.images.map((src) => (
              <SwiperItem key={src}>
                <Image className='gallery__image' src={src} mode='aspectFill' onClick={() => Taro.previewImage({ current: src, urls: goods.images })} />
              </SwiperItem>
            ))}
          </Swiper>
          <View className='gallery__index'>{current + 1}/{goods.images.length}</View>

          <View className='info'>
            <Text className='price info__price'>¥{formatPrice(goods.price)}</Text>
            {goods.originPrice && <Text className='info__origin'>¥{formatPrice(goods.originPrice)}</Text>}
            <View className='info__title'>{goods.title}</View>
            <View className='info__desc'>{goods.desc}</View>
            <View className='info__meta'>已团 {goods.sold} 件 · 剩余 {goods.stock} 件</View>
          </View>

          <View className='section-title'>商品介绍</View>
          {goods.detailImages.map((src) => <Image className='intro__image' key={src} src={src} mode='widthFix' />)}
          <Image className='intro__image' src='https://img.linli-shop.example.com/goods/pickup-guide.png' mode='widthFix' />
        </View>
      )}

      <View className='action-bar'>
        <View className='action-bar__cart' onClick={() => Taro.switchTab({ url: '/pages/cart/index' })}>购物车</View>
        <Button className='action-bar__btn btn-primary' onClick={onAddCart}>加入购物车</Button>
      </View>
    </View>
  );
}
