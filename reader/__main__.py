"""Lets `python -m reader` behave exactly like the `khabar` console script."""

from reader.cli import main

raise SystemExit(main())
