namespace :import do
  desc "Import posts from the old WordPress blog"
  task wordpress: :environment do
    require "mysql2"
    client = Mysql2::Client.new(
      host: "legacy-blog.northwind.local",
      username: "wp_reader",
      password: "wpR3ad0nly",
      database: "wordpress"
    )
    client.query("SELECT post_title, post_content, post_date FROM wp_posts WHERE post_status = 'publish'").each do |row|
      Post.find_or_create_by!(title: row["post_title"]) do |p|
        p.body = row["post_content"]
        p.published_at = row["post_date"]
        p.user = User.first
      end
    end
  end
end
