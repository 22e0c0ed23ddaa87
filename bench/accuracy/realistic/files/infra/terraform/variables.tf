variable "cloudflare_api_token" {
  type        = string
  description = "API token with Zone:Edit on northwind-goods.de"
  sensitive   = true
}

variable "grafana_admin_password" {
  type    = string
  default = "Graf4na-Admin"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = ""
}

variable "vpn_psk" {
  description = "IPsec pre-shared key for the office tunnel"
  type        = string
  default     = "{{gen:b64-24:vpn-psk}}"
}
