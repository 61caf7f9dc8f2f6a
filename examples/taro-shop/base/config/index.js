// Taro 编译配置：只编译 weapp 端，产物输出到 dist/（见 project.config.json 的 miniprogramRoot）
const config = {
  projectName: 'linli-shop-taro',
  date: '2026-11-1',
  designWidth: 750,
  deviceRatio: {
    640: 2.34 / 2,
    750: 1,
    828: 1.81 / 2
  },
  sourceRoot: 'src',
  outputRoot: 'dist',
  plugins: [],
  defineConstants: {},
  copy: {
    patterns: [],
    options: {}
  },
  framework: 'react',
  compiler: 'webpack5',
  cache: {
    enable: false
  },
  mini: {
    postcss: {
      pxtransform: {
        enable: true,
        config: {}
      },
      url: {
        enable: true,
        config: {
          limit: 1024
        }
      },
      cssModules: {
        enable: false
      }
    }
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static'
  }
};

module.exports = function (merge) {
  if (process.env.NODE_ENV === 'development') {
    return merge({}, config, {
      env: { NODE_ENV: '"development"' },
      mini: {}
    });
  }
  return merge({}, config, {
    env: { NODE_ENV: '"production"' },
    mini: {}
  });
};
