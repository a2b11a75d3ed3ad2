"""Lets `python -m reader` behave exactly like the `khabar` console script."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
