package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"

	"github.com/northwind/payments/internal/auth"
	"github.com/northwind/payments/internal/config"
	"github.com/northwind/payments/internal/db"
)

func main() {
	cfg := config.FromEnv()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	pool, err := db.Connect(ctx, cfg.DatabaseDSN)
	if err != nil {
		logger.Error("database", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	signer := auth.NewSigner(cfg.JWTSigningKey, cfg.ShutdownTimeout*240)
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	_ = signer
	srv := &http.Server{Addr: cfg.ListenAddr, Handler: mux}
	go func() { <-ctx.Done(); srv.Shutdown(context.Background()) }()
	logger.Info("listening", "addr", cfg.ListenAddr)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		logger.Error("serve", "err", err)
	}
}
