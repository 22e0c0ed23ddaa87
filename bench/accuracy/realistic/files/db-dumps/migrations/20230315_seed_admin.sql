-- Initial admin account; password must be rotated after first login.
INSERT INTO users (email, password_hash) VALUES
  ('admin@northwind-goods.de', '$argon2id$v=19$m=19456,t=2,p=1$Wk3pLz9qXv2Rt7Yc$Nb6Hm0Jd5Fg3Ks2Me9Ua7Io1Qw4Er8Ty5Ui2Op6As9');

INSERT INTO api_keys (user_id, key_hash, scopes) VALUES
  (1, decode('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hex'), '{admin}');
