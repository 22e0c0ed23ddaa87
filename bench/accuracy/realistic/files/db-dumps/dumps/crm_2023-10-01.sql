-- MySQL dump 10.13  Distrib 8.0.34, for Linux (x86_64)
-- Host: 10.20.0.15    Database: crm
-- Server version	8.0.34

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `email` varchar(255) NOT NULL,
  `password` varchar(255) NOT NULL,
  `remember_token` varchar(100) DEFAULT NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'Administrator','admin@crm.northwind-goods.de','$2y$10$Vq8ZkL2xW9mN4bT7yH1cJ.0pF6dS3gK5mA8eU1iR4lW7zQ0xV3nBa','Xk2pQ9rT4vW7yZ1bN3mC5dF8gH0jK6lS2aE4iU7oY9tR1wQ3zX5cV8bN0mL6kJ','2022-03-14 09:11:02');
INSERT INTO `users` VALUES (2,'Petra Lang','p.lang@northwind-goods.de','$2y$10$Lp3Ws9XzKd2Qv7Nm4Bc8T.r1Yh6Jf0Gs5Ua3Io9Ep2Lk7Zx4Cv1Bn8',NULL,'2022-05-02 13:40:55');
INSERT INTO `users` VALUES (3,'Tom Becker','t.becker@northwind-goods.de','$argon2id$v=19$m=65536,t=4,p=1$c2FsdHlzYWx0eXNhbHQ$Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2llQm9vZ2k','',NULL);
UNLOCK TABLES;

DROP TABLE IF EXISTS `password_reset_tokens`;
CREATE TABLE `password_reset_tokens` (
  `email` varchar(255) NOT NULL,
  `token` varchar(255) NOT NULL,
  `created_at` timestamp NULL DEFAULT NULL
) ENGINE=InnoDB;

DROP TABLE IF EXISTS `integrations`;
CREATE TABLE `integrations` (
  `id` int NOT NULL AUTO_INCREMENT,
  `provider` varchar(50) NOT NULL,
  `api_key` varchar(255) DEFAULT NULL,
  `api_secret` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

LOCK TABLES `integrations` WRITE;
INSERT INTO `integrations` VALUES (1,'hubspot','pat-eu1-5d2c8f1a-7b3e-4c9d-a6f0-2e8b4d1c7a93',NULL),(2,'mailgun','{{gen:mailgun:crm-dump}}',NULL),(3,'twilio','AC3f9b1d7e5c2a8f0b4d6e1c9a7f3b5d2e','7c1e9a3f5b2d8e0c4a6f1b9d3e7c5a2f');
UNLOCK TABLES;

-- Dump completed on 2023-10-01  3:00:02
