package db

import "testing"

func TestDSN(t *testing.T) {
	o := Options{
		Host:     "db.internal",
		Port:     5432,
		User:     "payments",
		Password: "p@ss w0rd/with:chars",
		Name:     "payments",
		SSLMode:  "require",
	}
	want := "postgres://payments:p%40ss%20w0rd%2Fwith%3Achars@db.internal:5432/payments?sslmode=require"
	if got := o.DSN(); got != want {
		t.Fatalf("DSN() = %q, want %q", got, want)
	}
}
