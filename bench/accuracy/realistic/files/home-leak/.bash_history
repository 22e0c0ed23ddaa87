cd ~/projects/shop
git pull
docker compose up -d
mysql -u root -pMy5ql-R00t! crm < dump.sql
export GITHUB_TOKEN={{gen:github-pat:history}}
gh repo clone northwind/payments
psql "postgresql://readonly:R3adonly-Sh0p@shop-db.c9akcirqxjrt.eu-central-1.rds.amazonaws.com/shop"
curl -H "Authorization: token {{gen:github-pat:history}}" https://api.github.com/user/repos
sshpass -p 'W1ndows-Adm!n' ssh Administrator@10.20.9.5
htop
kubectl get pods -n shop
aws s3 ls s3://northwind-backups/
redis-cli -h shop-cache.internal -a r3d1s-Br0ker-77 info
history | grep docker
