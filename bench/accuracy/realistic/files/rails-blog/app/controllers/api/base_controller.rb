module Api
  class BaseController < ActionController::API
    include ActionController::HttpAuthentication::Token::ControllerMethods

    before_action :authenticate!

    private

    def authenticate!
      authenticate_or_request_with_http_token do |token, _options|
        @current_user = User.authenticate_by_token(token)
      end
    end

    def current_user = @current_user
  end
end
