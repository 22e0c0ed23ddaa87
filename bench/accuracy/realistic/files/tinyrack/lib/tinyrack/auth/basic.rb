# frozen_string_literal: true

require "base64"

module Tinyrack
  module Auth
    # HTTP Basic authentication. The block receives the user name and password
    # and decides whether to let the request through.
    #
    #   use Tinyrack::Auth::Basic, "Admin" do |username, password|
    #     username == "admin" && password == ENV.fetch("ADMIN_PASSWORD")
    #   end
    class Basic
      def initialize(app, realm = nil, &authenticator)
        @app = app
        @realm = realm
        @authenticator = authenticator
      end

      def call(env)
        auth = env["HTTP_AUTHORIZATION"].to_s
        scheme, credentials = auth.split(" ", 2)
        return unauthorized unless scheme&.casecmp?("basic") && credentials

        username, password = Base64.decode64(credentials).split(":", 2)
        return unauthorized unless @authenticator.call(username, password)

        env["REMOTE_USER"] = username
        @app.call(env)
      end

      private

      def unauthorized
        [401, { "content-type" => "text/plain", "www-authenticate" => %(Basic realm="#{@realm}") }, ["Unauthorized"]]
      end
    end
  end
end
