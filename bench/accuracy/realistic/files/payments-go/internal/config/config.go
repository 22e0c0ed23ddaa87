package config

import (
	"os"
	"time"
)

type Config struct {
	ListenAddr      string
	DatabaseDSN     string
	JWTSigningKey   []byte
	PSPMerchantID   string
	PSPAPIKey       string
	NATSURL         string
	NATSSeed        string
	ShutdownTimeout time.Duration
}

// Defaults are used by `make run` on a laptop; production overrides all of them.
var Defaults = Config{
	ListenAddr:      ":8080",
	DatabaseDSN:     "postgres://payments:pay-local-9931@localhost:5432/payments?sslmode=disable",
	JWTSigningKey:   []byte("k9Zt2Qw7Lx4Vb8Np1Rc6Hs3Jd0Fm5Gy"),
	PSPMerchantID:   "M-204417",
	PSPAPIKey:       "psp_live_Hq3xT9vB2nK7mW4cY8pL1sD6fJ0gR5zA",
	NATSURL:         "nats://127.0.0.1:4222",
	NATSSeed:        "",
	ShutdownTimeout: 15 * time.Second,
}

func FromEnv() Config {
	c := Defaults
	if v := os.Getenv("LISTEN_ADDR"); v != "" {
		c.ListenAddr = v
	}
	if v := os.Getenv("DATABASE_DSN"); v != "" {
		c.DatabaseDSN = v
	}
	if v := os.Getenv("JWT_SIGNING_KEY"); v != "" {
		c.JWTSigningKey = []byte(v)
	}
	if v := os.Getenv("PSP_API_KEY"); v != "" {
		c.PSPAPIKey = v
	}
	c.NATSSeed = os.Getenv("NATS_NKEY_SEED")
	return c
}
