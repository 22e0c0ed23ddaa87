module Legacy
  class SessionConfig
    def self.build(app)
      secret = Foo.new(app).session_secret
      password = Rails.env.test? ? nil : app.credentials.smtp_password
      token = SecureRandom.hex(32)
      api_key = ENV.fetch("LEGACY_API_KEY") { Rails.application.secret_key_base[0, 32] }
      secret_key = Rack::SESSION_OPTIONS
      { secret: secret, password: password, token: token, api_key: api_key, secret_key: secret_key }
    end
  end
end
