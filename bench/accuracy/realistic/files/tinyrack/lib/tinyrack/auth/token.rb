# frozen_string_literal: true

module Tinyrack
  module Auth
    class Token
      TOKEN_REGEX = /^(Token|Bearer)\s+/
      AUTHN_PAIR_DELIMITERS = /(?:,|;|\t)/

      def self.token_and_options(request)
        authorization_request = request.authorization.to_s
        if authorization_request[TOKEN_REGEX]
          params = token_params_from authorization_request
          [params.shift[1], Hash[params].with_indifferent_access]
        end
      end

      def self.encode_credentials(token, options = {})
        values = ["#{:token}=#{token.to_s.inspect}"] + options.map { |key, value| "#{key}=#{value.to_s.inspect}" }
        "Token #{values * ", "}"
      end
    end
  end
end
