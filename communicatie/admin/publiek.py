"""Admin for the public site: news, pages and the gemeenten\x27s own domain names."""
