variable "identifier" { type = string }
variable "instance_class" { type = string }
variable "username" { type = string }
variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "replica" {
  length  = 32
  special = true
}

resource "aws_db_instance" "this" {
  identifier              = var.identifier
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.instance_class
  allocated_storage       = 100
  username                = var.username
  password                = var.password
  backup_retention_period = 14
  skip_final_snapshot     = false
}

resource "aws_ssm_parameter" "replica_password" {
  name  = "/rds/${var.identifier}/replica-password"
  type  = "SecureString"
  value = random_password.replica.result
}
