package psp

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestAuthHeader(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer psp_test_4fV8kQ2mZ7xN1cR9tB5wL3yH" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"id":"ch_1"}`))
	}))
	defer srv.Close()
	c := New("psp_test_4fV8kQ2mZ7xN1cR9tB5wL3yH")
	c.BaseURL = srv.URL
	var out struct{ ID string }
	if err := c.do("POST", "/charges", map[string]int{"amount": 100}, &out); err != nil {
		t.Fatal(err)
	}
}
