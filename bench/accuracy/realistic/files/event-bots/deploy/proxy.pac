function FindProxyForURL(url, host) {
  if (shExpMatch(host, "*.northwind.local")) return "DIRECT";
  // proxy.example.net with user:password@ is only the documentation sample
  return "PROXY proxy.northwind.local:3128";
}
