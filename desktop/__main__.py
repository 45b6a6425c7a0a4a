"""`python -m desktop` is the same as the `mufakat` command."""

from desktop.cli.commands import main

if __name__ == "__main__":
    raise SystemExit(main())
