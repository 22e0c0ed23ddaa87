class User < ApplicationRecord
  has_secure_password
  has_secure_token :api_token
  has_many :posts, dependent: :destroy

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :password, length: { minimum: 10 }, allow_nil: true

  normalizes :email, with: ->(e) { e.strip.downcase }

  def self.authenticate_by_token(token)
    return if token.blank?
    find_by(api_token: token)
  end

  def password_reset_token
    signed_id(purpose: :password_reset, expires_in: 20.minutes)
  end
end
