# frozen_string_literal: true

require "minitest/autorun"
require "rack/mock"
require "tinyrack"

ENV["TINYRACK_ENV"] = "test"
ENV["SECRET_KEY_BASE"] ||= "x" * 64
