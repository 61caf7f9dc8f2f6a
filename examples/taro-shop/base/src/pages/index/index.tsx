import { useState } from 'react';
import Taro, { useLoad, useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Swiper, SwiperItem, Navigator } from '@tarojs/components';
import GoodsCard from '../../components/GoodsCard';
import { request, showError } from '../../utils/request';
import { addToCart, getCart, updateBadge, Goods } from '../../utils/cart';
import './index.scss';

interface Banner { id: number; image: string }
interface GoodsPage { list: Goods[]; hasMore: boolean }

export default function Index() {
  const [banners, setBanners] = useState<Banner[]>([]);
  const [goods, setGoods] = useState<Goods[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(false);

  const loadGoods = (nextPage = page, reset = false) => {
    if (loading || (!hasMore && !reset)) return Promise.resolve();
    setLoading(true);
    return request<GoodsPage>({ url: '/goods', data: { page: nextPage, size: 10 }, auth: false })
      .then(({ list, hasMore: more }) => {
        setGoods((prev) => (reset ? list : prev.concat(list)));
        setPage(nextPage + 1);
        setHasMore(more);
      })
      .catch(showError)
      .then(() => setLoading(false));
  };

  const loadHome = () => request<Banner[]>({ url: '/home/banners', auth: false })
    .then((list) => {
      setBanners(list);
      return loadGoods(1, true);
    })
    .catch(showError);

  useLoad(() => {
    loadHome();
  });
  useDidShow(() => updateBadge(getCart()));
  usePullDownRefresh(() => {
    loadHome().then(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    loadGoods();
  });
  useShareAppMessage(() => ({ title: '邻里小店：今日团购上新啦', path: '/pages/index/index' }));

  const onAddCart = (item: Goods) => {
    addToCart(item);
    Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };

  return (
    <View className='page'>
      <Navigator className='search-bar' url='/packageGoods/search/index'>
        <Image className='search-bar__icon' src='https://img.linli-shop.example.com/icons/search.png' />
        <Text>搜索商品，如：鸡蛋、草莓</Text>
      </Navigator>

      <Swiper className='banner' indicatorDots autoplay circular>
        {banners.map((banner) => (
          <SwiperItem key={banner.id}>
            <Image className='banner__image' src={banner.image} mode='aspectFill' />
          </SwiperItem>
        ))}
      </Swiper>

      <View className='notice'>
        <Image className='notice__icon' src='https://img.linli-shop.example.com/icons/notice.png' />
        <Text>每日 20:00 截单，次日 16:00 后到自提点取货</Text>
      </View>

      <View className='section-title'>今日团购</View>
      {goods.map((item) => <GoodsCard key={item.id} goods={item} onAdd={onAddCart} />)}
      <View className='load-more'>{loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</View>
    </View>
  );
}
