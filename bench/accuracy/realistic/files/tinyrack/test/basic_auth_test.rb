# frozen_string_literal: true

require_relative "test_helper"

class BasicAuthTest < Minitest::Test
  def app
    Tinyrack::Auth::Basic.new(->(_) { [200, {}, ["ok"]] }, "Test") { |u, p| u == "admin" && p == "s3kr1t-basic" }
  end

  def test_accepts_valid_credentials
    env = Rack::MockRequest.env_for("/", "HTTP_AUTHORIZATION" => "Basic YWRtaW46czNrcjF0LWJhc2lj")
    assert_equal 200, app.call(env)[0]
  end

  def test_rejects_missing_header
    assert_equal 401, app.call(Rack::MockRequest.env_for("/"))[0]
  end

  def test_rejects_other_scheme
    env = Rack::MockRequest.env_for("/", "HTTP_AUTHORIZATION" => "Bearer abc")
    assert_equal 401, app.call(env)[0]
  end
end
