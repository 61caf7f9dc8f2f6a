import { defineConfig } from 'vite';
import uni from '@dcloudio/vite-plugin-uni';

// 小程序产物输出到 dist/build/mp-weixin，用开发者工具导入该目录预览
export default defineConfig({
  plugins: [uni()]
});
