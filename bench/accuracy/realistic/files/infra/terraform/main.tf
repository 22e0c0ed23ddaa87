terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "northwind-tfstate"
    key    = "platform/terraform.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "{{gen:aws-key-id:tf}}"
  secret_key = "{{gen:aws-secret:tf}}"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

provider "datadog" {
  api_key = "{{gen:hex-32:dd-api}}"
  app_key = "{{gen:hex-40:dd-app}}"
}

module "rds" {
  source         = "./modules/rds"
  identifier     = "shop-db"
  instance_class = "db.t3.medium"
  username       = "shop_admin"
  password       = "Rds-Admin-2023!"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

output "ci_secret" {
  value     = aws_iam_access_key.ci.secret
  sensitive = true
}
