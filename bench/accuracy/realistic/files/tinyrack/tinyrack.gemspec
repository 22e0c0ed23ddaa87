Gem::Specification.new do |s|
  s.name        = "tinyrack"
  s.version     = "0.9.1"
  s.summary     = "A tiny Rack toolkit"
  s.authors     = ["Northwind Platform Team"]
  s.files       = Dir["lib/**/*.rb", "lib/**/*.yml"]
  s.license     = "MIT"
  s.add_dependency "rack", ">= 2.2"
  s.metadata["rubygems_mfa_required"] = "true"
end
