-- Development users (local docker only)
INSERT INTO users (email, password_hash) VALUES ('dev@northwind-goods.de', crypt('dev-password-123', gen_salt('bf')));
INSERT INTO users (email, password_hash) VALUES ('qa@northwind-goods.de', crypt(:'qa_password', gen_salt('bf')));
INSERT INTO users (email, password_hash) VALUES ('legacy@northwind-goods.de', '5f4dcc3b5aa765d61d8327deb882cf99');
INSERT INTO users (email, password_hash) VALUES ('old-import@northwind-goods.de', 'e10adc3949ba59abbe56e057f20f883e');
