# frozen_string_literal: true

module Tinyrack
  SESSION_KEY = "tinyrack.session"
  SESSION_OPTIONS = "tinyrack.session.options"

  module Session
    module Options
      def self.for(env)
        env[Tinyrack::SESSION_OPTIONS] ||= {
          secret: env.fetch("tinyrack.secret") { Tinyrack::SESSION_OPTIONS },
          httponly: true,
          secure: env["HTTPS"] == "on" || Tinyrack.env.production?,
          token_length: Tinyrack::CSRF::TOKEN_LENGTH
        }
      end
    end
  end
end
