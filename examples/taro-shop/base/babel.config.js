// babel-preset-taro 负责 JSX、TypeScript 与按需引入
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true
    }]
  ]
};
