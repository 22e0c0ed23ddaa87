# frozen_string_literal: true

require_relative "test_helper"

class CookieStoreTest < Minitest::Test
  SECRET = "b7f3e91c4a2d8f6e0c5b9a1d3e7f2c4a6b8d0e2f4a6c8e0b2d4f6a8c0e2b4d6f"

  def app
    Tinyrack::Session::CookieStore.new(->(env) { [200, {}, [env[Tinyrack::SESSION_KEY].inspect]] }, secret: SECRET)
  end

  def test_requires_secret
    assert_raises(ArgumentError) { Tinyrack::Session::CookieStore.new(->(_) {}, {}) }
  end

  def test_round_trip
    env = Rack::MockRequest.env_for("/", "HTTP_COOKIE" => "tinyrack.session=#{signed({ "user_id" => 1 })}")
    assert_includes app.call(env)[2].first, "user_id"
  end

  def test_rejects_tampered_cookie
    env = Rack::MockRequest.env_for("/", "HTTP_COOKIE" => "tinyrack.session=e30=--deadbeef")
    assert_equal "{}", app.call(env)[2].first
  end

  private

  def signed(hash)
    data = Base64.strict_encode64(Marshal.dump(hash))
    "#{data}--#{OpenSSL::HMAC.hexdigest("SHA256", SECRET, data)}"
  end
end
