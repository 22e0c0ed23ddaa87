package db

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Options struct {
	Host     string
	Port     int
	User     string
	Password string
	Name     string
	SSLMode  string
}

func (o Options) DSN() string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(o.User, o.Password),
		Host:     fmt.Sprintf("%s:%d", o.Host, o.Port),
		Path:     o.Name,
		RawQuery: "sslmode=" + o.SSLMode,
	}
	return u.String()
}

func Connect(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// never include the DSN itself: it carries the password
		return nil, fmt.Errorf("parse database config: %w", err)
	}
	cfg.MaxConns = 20
	return pgxpool.NewWithConfig(ctx, cfg)
}
