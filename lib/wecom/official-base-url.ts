// WeCom's own API base (client-safe: the app form offers it, the allow-list starts with it).
export const OFFICIAL_WECOM_BASE_URL = "https://qyapi.weixin.qq.com/cgi-bin/";
