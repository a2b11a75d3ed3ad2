"""`khabar serve`'s page: the reader in a browser terminal, with a local Arabic font."""
