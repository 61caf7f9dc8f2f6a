import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Image, Textarea, Button } from '@tarojs/components';
import { request, showError } from '../../utils/request';
import './index.scss';

const DEFAULT_AVATAR = 'https://img.linli-shop.example.com/avatar/default.png';
const MAX_SCREENSHOTS = 3;
const ORDER_TABS = [
  { status: 'unpaid', name: '待付款' },
  { status: 'pickup', name: '待取货' },
  { status: 'done', name: '已完成' }
];

export default function Me() {
  const [profile, setProfile] = useState({ avatar: DEFAULT_AVATAR, nickname: '邻居' });
  const [feedback, setFeedback] = useState('');
  const [screenshots, setScreenshots] = useState<string[]>([]);

  useDidShow(() => {
    const saved = Taro.getStorageSync('profile') || {};
    setProfile({ avatar: saved.avatar || DEFAULT_AVATAR, nickname: saved.nickname || '邻居' });
  });

  // 反馈截图：只在本机预览，方便到店时给店长查看，不上传
  const chooseFeedbackImage = () => {
    const remain = MAX_SCREENSHOTS - screenshots.length;
    if (remain <= 0) return;
    Taro.chooseImage({ count: remain, sizeType: ['compressed'], sourceType: ['album'] })
      .then((res) => setScreenshots(screenshots.concat(res.tempFilePaths)))
      .catch(() => {});
  };

  const submitFeedback = () => {
    const content = feedback.trim();
    if (!content) {
      Taro.showToast({ title: '请填写反馈内容', icon: 'none' });
      return;
    }
    request({ url: '/feedback', method: 'POST', data: { content } })
      .then(() => {
        Taro.showToast({ title: '感谢你的反馈', icon: 'success' });
        setFeedback('');
        setScreenshots([]);
      })
      .catch(showError);
  };

  return (
    <View className='me'>
      <View className='profile'>
        <Image className='profile__avatar' src={profile.avatar} mode='aspectFill' />
        <Text className='profile__name'>{profile.nickname}</Text>
      </View>

      <View className='card'>
        <View className='card__title'>我的订单</View>
        <View className='order-tabs'>
          {ORDER_TABS.map((tab) => (
            <View className='order-tab' key={tab.status} onClick={() => Taro.navigateTo({ url: `/pages/order-list/index?status=${tab.status}` })}>
              <Image className='order-tab__icon' src={`https://img.linli-shop.example.com/icons/order-${tab.status}.png`} />
              <Text>{tab.name}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>意见反馈</View>
        <Textarea className='feedback__input' value={feedback} maxlength={200} placeholder='说说你遇到的问题或建议' onInput={(e) => setFeedback(e.detail.value)} />
        <View className='feedback__images'>
          {screenshots.map((src) => (
            <Image key={src} className='feedback__image' src={src} mode='aspectFill' onClick={() => Taro.previewImage({ current: src, urls: screenshots })} />
          ))}
          {screenshots.length < MAX_SCREENSHOTS && <View className='feedback__add' onClick={chooseFeedbackImage}>+ 反馈截图</View>}
        </View>
        <Button className='btn-primary' onClick={submitFeedback}>提交反馈</Button>
      </View>
    </View>
  );
}
