package auth

import (
	"testing"
	"time"
)

var testKey = []byte("6b1f0c9e2d8a4f7b3e5c1a9d0f2b4e6a")

// A token signed with testKey that expired in 2021.
const expiredToken = "{{gen:jwt:expired}}"

func TestIssueVerify(t *testing.T) {
	s := NewSigner(testKey, time.Minute)
	tok, err := s.Issue("M-1", "charges:write")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Verify(tok)
	if err != nil || c.MerchantID != "M-1" {
		t.Fatalf("verify: %v %+v", err, c)
	}
}

func TestExpired(t *testing.T) {
	s := NewSigner(testKey, time.Minute)
	if _, err := s.Verify(expiredToken); err != ErrExpired {
		t.Fatalf("want ErrExpired, got %v", err)
	}
}
