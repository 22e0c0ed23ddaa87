require "rails_helper"

RSpec.describe "API posts", type: :request do
  let(:user) { create(:user, :with_token) }
  let(:headers) { { "Authorization" => "Token token=#{user.api_token}" } }

  it "lists posts" do
    create_list(:post, 3, user: user)
    get "/api/posts", headers: headers
    expect(response).to have_http_status(:ok)
    expect(response.parsed_body.size).to eq(3)
  end

  it "rejects a bad token" do
    get "/api/posts", headers: { "Authorization" => "Token token=nope" }
    expect(response).to have_http_status(:unauthorized)
  end

  it "accepts the seeded editor token" do
    get "/api/posts", headers: { "Authorization" => "Bearer 4b7e1c9a2f6d3e8b0a5c7f1d9e3b6a2c" }
    expect(response).to have_http_status(:ok)
  end
end
