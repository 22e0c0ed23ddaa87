Rails.application.config.middleware.use OmniAuth::Builder do
  provider :github,
           ENV.fetch("GITHUB_CLIENT_ID", "Iv1.3c2b1a0f9e8d7c6b"),
           ENV.fetch("GITHUB_CLIENT_SECRET", "{{gen:hex-40:rails-gh}}"),
           scope: "user:email"
  provider :google_oauth2,
           Rails.application.credentials.dig(:google, :client_id),
           Rails.application.credentials.dig(:google, :client_secret)
end
