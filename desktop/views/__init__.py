"""Qt widgets. They call services through the workspace and receive plain dataclasses."""
