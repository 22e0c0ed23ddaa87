require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.consider_all_requests_local = false
  config.force_ssl = true
  config.log_level = :info
  config.log_tags = [:request_id]
  config.action_mailer.delivery_method = :smtp
  config.action_mailer.smtp_settings = {
    address:              "smtp.mailgun.org",
    port:                 587,
    domain:               "blog.northwind-goods.de",
    user_name:            "postmaster@mg.northwind-goods.de",
    password:             "{{gen:mailgun:blog}}",
    authentication:       "plain",
    enable_starttls_auto: true
  }
  config.active_record.dump_schema_after_migration = false
  config.filter_parameters += [:passw, :secret, :token, :_key, :crypt, :salt, :certificate, :otp, :ssn]
end
