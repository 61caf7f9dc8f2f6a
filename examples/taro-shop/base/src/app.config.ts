export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/cart/index',
    'pages/me/index',
    'pages/order-list/index'
  ],
  subPackages: [
    {
      root: 'packageGoods',
      pages: [
        'goods-detail/index',
        'search/index'
      ]
    }
  ],
  window: {
    navigationBarTitleText: '邻里小店',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f6f6',
    backgroundTextStyle: 'dark'
  },
  tabBar: {
    color: '#8a8a8a',
    selectedColor: '#ff6a00',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/category/index', text: '分类' },
      { pagePath: 'pages/cart/index', text: '购物车' },
      { pagePath: 'pages/me/index', text: '我的' }
    ]
  },
  lazyCodeLoading: 'requiredComponents'
});
