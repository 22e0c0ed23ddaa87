# frozen_string_literal: true

module Tinyrack
  class Env
    def initialize(name) = @name = name.to_s
    def production? = @name == "production"
    def test? = @name == "test"
    def development? = @name == "development"
    def to_s = @name
  end

  def self.env
    @env ||= Env.new(ENV.fetch("TINYRACK_ENV", "development"))
  end

  def self.secret_key_base
    ENV["SECRET_KEY_BASE"] || (env.test? ? Env.new("test").to_s * 16 : raise("SECRET_KEY_BASE missing"))
  end
end
