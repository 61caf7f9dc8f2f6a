export default definePageConfig({
  navigationBarTitleText: '邻里小店',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100
});
