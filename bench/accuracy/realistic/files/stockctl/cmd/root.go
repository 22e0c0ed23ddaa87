package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var (
	profile  string
	password string
)

var rootCmd = &cobra.Command{
	Use:   "stockctl",
	Short: "Inspect and adjust warehouse stock",
}

func init() {
	rootCmd.PersistentFlags().StringVarP(&profile, "profile", "p", "default", "profile from ~/.stockctl.yaml")
	rootCmd.PersistentFlags().StringVar(&password, "password", "", "password (prefer STOCKCTL_PASSWORD)")
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
