FactoryBot.define do
  factory :user do
    sequence(:email) { |n| "user#{n}@example.com" }
    password { "password" }
    password_confirmation { "password" }

    trait :admin do
      admin { true }
      password { "Adm1n-Factory-Pw" }
    end

    trait :with_token do
      api_token { "tok_9Xq2Lm5Vb8Nc1Rz4" }
    end
  end
end
