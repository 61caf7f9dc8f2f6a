function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

// 价格统一以“分”为单位保存
export function formatPrice(cents) {
  return ((Number(cents) || 0) / 100).toFixed(2);
}

export function formatTime(timestamp) {
  const d = new Date(timestamp);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
