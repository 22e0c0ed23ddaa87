# frozen_string_literal: true

require "securerandom"

module Tinyrack
  module CSRF
    TOKEN_LENGTH = 32
    HEADER = "HTTP_X_CSRF_TOKEN"

    def self.token(session)
      session[:csrf] ||= SecureRandom.urlsafe_base64(TOKEN_LENGTH)
    end

    def self.valid?(session, env)
      given = env[HEADER] || Tinyrack::Request.new(env).params["authenticity_token"]
      given && Rack::Utils.secure_compare(session[:csrf].to_s, given)
    end
  end
end
