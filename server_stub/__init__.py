"""The central server (FastAPI). Built in issue #5; see server_stub/__main__.py."""
