-- Users and grants exported from db1 before the upgrade
CREATE USER 'crm'@'10.20.%' IDENTIFIED BY 'Crm#Db!2022';
CREATE USER 'backup'@'localhost' IDENTIFIED WITH mysql_native_password AS '*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4';
CREATE USER 'grafana'@'%' IDENTIFIED WITH caching_sha2_password BY 'Graf4na-Read';
CREATE USER 'app_ro'@'%' IDENTIFIED BY '${APP_RO_PASSWORD}';
GRANT SELECT ON crm.* TO 'grafana'@'%';
GRANT ALL PRIVILEGES ON crm.* TO 'crm'@'10.20.%';
ALTER USER 'root'@'localhost' IDENTIFIED BY 'My5ql-R00t!';
FLUSH PRIVILEGES;
