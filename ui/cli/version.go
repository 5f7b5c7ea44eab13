package cli

import "fmt"

// Version is the app version printed by "bientap version"; main sets it from
// FyneApp.toml's metadata.
var Version = "dev"

func init() {
	register(command{name: "version", usage: "", run: func(env *Env, args []string) error {
		if len(args) > 0 {
			return usageError("thừa đối số %q", args[0])
		}
		fmt.Fprintf(env.Stdout, "Biên Tập %s\n", Version)
		return nil
	}})
}
