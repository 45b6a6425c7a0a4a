"""What the laptop and the server must agree on, and nothing else: the entities and their
fields, the values they take, the refusal codes, the typed messages and the protocol's version.

No Qt, no `desktop` and no `server_stub` import here: both sides import this package.
"""
