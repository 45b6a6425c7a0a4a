"""One running Mufakat: the workspace both the CLI and the app start from, the Qt shell that
wires it to the widgets, and background jobs with an owner and a cancel."""
