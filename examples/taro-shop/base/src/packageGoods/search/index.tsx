import { useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { View, Text, Image, Input } from '@tarojs/components';
import GoodsCard from '../../components/GoodsCard';
import { request, showError } from '../../utils/request';
import { addToCart, Goods } from '../../utils/cart';
import './index.scss';

const HISTORY_KEY = 'search_history';
const MAX_HISTORY = 10;

export default function Search() {
  const { params } = useRouter();
  const [keyword, setKeyword] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [results, setResults] = useState<Goods[]>([]);
  const [searched, setSearched] = useState(false);
  const [loading, setLoading] = useState(false);

  const search = (raw: string, prevHistory = history) => {
    const word = (raw || '').trim();
    if (!word) return;
    const nextHistory = [word].concat(prevHistory.filter((k) => k !== word)).slice(0, MAX_HISTORY);
    Taro.setStorageSync(HISTORY_KEY, nextHistory);
    setKeyword(word);
    setHistory(nextHistory);
    setSearched(true);
    setLoading(true);
    request<{ list: Goods[] }>({ url: '/goods/search', data: { keyword: word }, auth: false })
      .then(({ list }) => setResults(list))
      .catch(showError)
      .then(() => setLoading(false));
  };

  useLoad(() => {
    const saved: string[] = Taro.getStorageSync(HISTORY_KEY) || [];
    setHistory(saved);
    if (params.keyword) search(decodeURIComponent(params.keyword), saved);
  });

  const clearHistory = () => {
    Taro.removeStorageSync(HISTORY_KEY);
    setHistory([]);
  };

  const onAddCart = (item: Goods) => {
    addToCart(item);
    Taro.showToast({ title: '已加入购物车', icon: 'success' });
  };

  return (
    <View>
      <View className='search'>
        <Input className='search__input' value={keyword} placeholder='搜索商品' confirmType='search' focus={!searched}
          onInput={(e) => setKeyword(e.detail.value)} onConfirm={() => search(keyword)} />
        <Text className='search__btn' onClick={() => search(keyword)}>搜索</Text>
      </View>

      {!searched && history.length > 0 && (
        <View className='history'>
          <View className='history__head'>
            <Text>搜索历史</Text>
            <Text className='history__clear' onClick={clearHistory}>清空</Text>
          </View>
          {history.map((word) => <Text className='history__item' key={word} onClick={() => search(word)}>{word}</Text>)}
        </View>
      )}

      {searched && (
        <View className='results'>
          {results.map((item) => <GoodsCard key={item.id} goods={item} onAdd={onAddCart} />)}
          {loading && <View className='load-more'>搜索中…</View>}
          {!loading && !results.length && (
            <View className='empty'>
              <Image className='empty__image' src='https://img.linli-shop.example.com/illustrations/empty-search.png' mode='widthFix' />
              <View>没有找到相关商品，换个词试试</View>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
