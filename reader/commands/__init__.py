"""One module per `khabar` subcommand, each with `add_parser` and `run`."""
