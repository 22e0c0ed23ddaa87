# Be sure to restart your server when you modify this file.

Rails.application.config.session_store :cookie_store,
  key: "_blog_session",
  secure: Rails.env.production?,
  same_site: :lax

Rails.application.config.action_dispatch.cookies_serializer = :json

if Rails.env.test?
  Rails.application.config.secret_key_base = Rails.env.test? ? "a" * 30 : nil
end

Rails.application.config.middleware.insert_before 0, Rack::Session::Cookie,
  secret: Rack::SESSION_OPTIONS.fetch(:secret) { Rails.application.secret_key_base },
  expire_after: 2.weeks
