package client

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestBasicAuth(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || u != "tester" || p != "Go-Test-Pass-42" {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer srv.Close()

	c := New(srv.URL, "tester", "Go-Test-Pass-42", "")
	req, _ := http.NewRequest("GET", srv.URL, nil)
	c.authorize(req)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %v err %v", resp.StatusCode, err)
	}
}

func TestAPIKeyWins(t *testing.T) {
	c := New("http://x", "u", "p", "sk-stock-7Hq2Xv9Lm4Rt1Yc8Bn3Jd")
	req, _ := http.NewRequest("GET", "http://x", nil)
	c.authorize(req)
	if req.Header.Get("Authorization") != "" {
		t.Fatal("basic auth set although an API key is configured")
	}
}
