import requests

proxies = {
    "http": "http://alice:s3cr3t@proxy.example.com:3128",
    "https": "http://alice:s3cr3t@proxy.example.com:3128",
}

session = requests.Session()
session.proxies.update(proxies)
session.auth = ("your-username", "your-password")
print(session.get("https://api.northwind-goods.de/v1/ping").status_code)
