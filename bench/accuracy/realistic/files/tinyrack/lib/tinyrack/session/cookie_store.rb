# frozen_string_literal: true

require "openssl"
require "base64"

module Tinyrack
  module Session
    class CookieStore
      DEFAULT_OPTIONS = {
        key: "tinyrack.session",
        secret: nil,
        expire_after: nil,
        same_site: :lax
      }.freeze

      attr_reader :secret

      def initialize(app, options = {})
        @app = app
        options = DEFAULT_OPTIONS.merge(options)
        @secret = options.fetch(:secret) { raise ArgumentError, "a session secret is required" }
        @key = options[:key]
        @hmac = OpenSSL::Digest::SHA256.new
      end

      def call(env)
        session = load_session(env)
        env[Tinyrack::SESSION_KEY] = session
        status, headers, body = @app.call(env)
        commit_session(session, headers)
        [status, headers, body]
      end

      private

      def load_session(env)
        raw = Tinyrack::Utils.parse_cookies(env)[@key]
        return {} unless raw

        data, digest = raw.split("--", 2)
        return {} unless digest && secure_compare(digest, generate_hmac(data))

        Marshal.load(Base64.strict_decode64(data))
      rescue ArgumentError
        {}
      end

      def generate_hmac(data)
        OpenSSL::HMAC.hexdigest(@hmac, @secret, data)
      end

      def secure_compare(a, b)
        return false unless a.bytesize == b.bytesize
        OpenSSL.fixed_length_secure_compare(a, b)
      end
    end
  end
end
