package config

import (
	"errors"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

var ErrNoProfile = errors.New("no such profile")

func Load(name string) (Profile, error) {
	if p, ok := builtinProfiles[name]; ok {
		return p, nil
	}
	home, _ := os.UserHomeDir()
	raw, err := os.ReadFile(filepath.Join(home, ".stockctl.yaml"))
	if err != nil {
		return Profile{}, err
	}
	var all map[string]Profile
	if err := yaml.Unmarshal(raw, &all); err != nil {
		return Profile{}, err
	}
	p, ok := all[name]
	if !ok {
		return Profile{}, ErrNoProfile
	}
	if env := os.Getenv("STOCKCTL_PASSWORD"); env != "" {
		p.Password = env
	}
	return p, nil
}
