package config

// Profiles shipped with the binary for the demo and training environments.
var builtinProfiles = map[string]Profile{
	"demo": {
		Endpoint:     "https://demo.stock.northwind-goods.de",
		Username:     "demo",
		Password:     "porkchop-sandwiches",
		Insecure:     false,
	},
	"training": {
		Endpoint:     "https://training.stock.northwind-goods.de",
		Username:     "trainer",
		Password:     "Schulung2023",
		APIKey:       "",
	},
	"local": {
		Endpoint:     "http://localhost:8088",
		Username:     "admin",
		Password:     "admin",
	},
}

type Profile struct {
	Endpoint string `yaml:"endpoint"`
	Username string `yaml:"username"`
	Password string `yaml:"password"`
	APIKey   string `yaml:"api_key"`
	Insecure bool   `yaml:"insecure"`
}
