source "amazon-ebs" "web" {
  ami_name      = "northwind-web-{{timestamp}}"
  instance_type = "t3.small"
  region        = "eu-central-1"
  ssh_username  = "ubuntu"
  source_ami_filter {
    filters = { name = "ubuntu/images/*ubuntu-jammy-22.04-amd64-server-*" }
    owners  = ["099720109477"]
    most_recent = true
  }
}

build {
  sources = ["source.amazon-ebs.web"]
  provisioner "shell" {
    environment_vars = [
      "NEWRELIC_LICENSE={{gen:hex-40:newrelic}}",
      "DEBIAN_FRONTEND=noninteractive",
    ]
    script = "scripts/provision.sh"
  }
}
