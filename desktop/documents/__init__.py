"""A forum's printed documents as the CLI and the app ask for them: by name, frozen
minutes kept once printed, the file names offered (the layouts are `desktop.reports`)."""
