# Seeds for development and the staging demo.
admin = User.find_or_create_by!(email: "admin@blog.northwind-goods.de") do |u|
  u.password = "Blog-Admin-2023!"
  u.admin = true
end

editor = User.find_or_create_by!(email: "editor@blog.northwind-goods.de") do |u|
  u.password = ENV.fetch("SEED_EDITOR_PASSWORD", "editor123")
end
editor.update!(api_token: "4b7e1c9a2f6d3e8b0a5c7f1d9e3b6a2c")

10.times do |i|
  Post.create!(user: [admin, editor].sample, title: "Post #{i}", body: Faker::Lorem.paragraphs(number: 3).join("\n\n"))
end
