package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var ErrExpired = errors.New("token expired")

type Claims struct {
	MerchantID string `json:"mid"`
	Scope      string `json:"scope"`
	jwt.RegisteredClaims
}

type Signer struct {
	key []byte
	ttl time.Duration
}

func NewSigner(key []byte, ttl time.Duration) *Signer { return &Signer{key: key, ttl: ttl} }

func (s *Signer) Issue(merchantID, scope string) (string, error) {
	now := time.Now()
	claims := Claims{
		MerchantID: merchantID,
		Scope:      scope,
		RegisteredClaims: jwt.RegisteredClaims{
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(s.ttl)),
			Issuer:    "payments",
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key)
}

func (s *Signer) Verify(token string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return s.key, nil })
	if errors.Is(err, jwt.ErrTokenExpired) {
		return nil, ErrExpired
	}
	return &c, err
}
