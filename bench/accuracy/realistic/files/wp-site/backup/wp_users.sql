-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)
--
-- Host: localhost    Database: nw_wordpress
-- ------------------------------------------------------

DROP TABLE IF EXISTS `nw_users`;
CREATE TABLE `nw_users` (
  `ID` bigint unsigned NOT NULL AUTO_INCREMENT,
  `user_login` varchar(60) NOT NULL DEFAULT '',
  `user_pass` varchar(255) NOT NULL DEFAULT '',
  `user_nicename` varchar(50) NOT NULL DEFAULT '',
  `user_email` varchar(100) NOT NULL DEFAULT '',
  `user_registered` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `user_activation_key` varchar(255) NOT NULL DEFAULT '',
  `user_status` int NOT NULL DEFAULT '0',
  `display_name` varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `nw_users` WRITE;
INSERT INTO `nw_users` VALUES (1,'nwadmin','$P$BqW3x8Lk2Vn9Rt5Yc1Hm7Pf0Jd4Gs6.','nwadmin','webmaster@northwind-goods.de','2019-03-11 08:22:10','',0,'Northwind'),
(2,'jwagner','$wp$2y$10$Tz3Bc8Df2Gh7JkHc3Jb8Fd1Gs6Ye0Ua5Io2uQm7Xv4Lk9Rp1Wn6','jwagner','j.wagner@northwind-goods.de','2021-07-02 14:05:51','',0,'Julia Wagner'),
(3,'shopbot','$P$B5kR9wT2yU7iO3pA6sD1fG8hJ4kL0z.','shopbot','bot@northwind-goods.de','2022-01-20 09:00:00','1673001234:$P$BtZ3yX8wV2uT7sR1qP6oN4mL9kJ5iH.',0,'Shop Bot');
UNLOCK TABLES;
