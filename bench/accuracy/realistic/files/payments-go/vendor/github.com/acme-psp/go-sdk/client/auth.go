// Copyright 2022 ACME PSP. Licensed under the Apache License, Version 2.0.

package client

import (
	"encoding/base64"
	"net/http"
)

// BasicAuth returns the value of an Authorization header for key-based auth.
// The API key is sent as the user name with an empty password.
func BasicAuth(apiKey string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(apiKey+":"))
}

type TokenSource interface {
	Token() (string, error)
}

type StaticToken string

func (t StaticToken) Token() (string, error) { return string(t), nil }

// Example:
//
//	c := client.New(client.StaticToken("psp_live_..."))
func authorize(req *http.Request, ts TokenSource) error {
	tok, err := ts.Token()
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return nil
}
