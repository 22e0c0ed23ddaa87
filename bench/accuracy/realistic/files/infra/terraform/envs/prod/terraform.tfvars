cloudflare_api_token   = "{{gen:b64u-30:cf}}"
grafana_admin_password = "Pr0d-Grafana!x"
db_password            = "Rds-Admin-2023!"
environment            = "prod"
