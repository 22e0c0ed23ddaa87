package events

import (
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

// Connect authenticates with an nkey seed. The seed for the payments account in
// staging is kept here until the vault integration lands.
const stagingSeed = "{{gen:nkey-seed:staging}}"

func Connect(url, seed string) (*nats.Conn, error) {
	if seed == "" {
		seed = stagingSeed
	}
	kp, err := nkeys.FromSeed([]byte(seed))
	if err != nil {
		return nil, err
	}
	pub, _ := kp.PublicKey()
	return nats.Connect(url, nats.Nkey(pub, func(nonce []byte) ([]byte, error) { return kp.Sign(nonce) }))
}
