package client

import (
	"net/http"
	"time"
)

type Client struct {
	endpoint string
	user     string
	password string
	apiKey   string
	http     *http.Client
}

func New(endpoint, user, password, apiKey string) *Client {
	return &Client{endpoint: endpoint, user: user, password: password, apiKey: apiKey, http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *Client) authorize(req *http.Request) {
	if c.apiKey != "" {
		req.Header.Set("X-Api-Key", c.apiKey)
		return
	}
	req.SetBasicAuth(c.user, c.password)
}
