# frozen_string_literal: true

module Tinyrack
  module Middleware
    class StaticAuth
      def initialize(app, user:, password:)
        @app = app
        @user = user
        @password = password
      end

      def call(env)
        return @app.call(env) if Tinyrack.env.test?
        Tinyrack::Auth::Basic.new(@app) { |u, p| u == @user && p == @password }.call(env)
      end
    end
  end
end
