"""What the laptop and the server must agree on, and nothing else: the entities and their
fields, the values they take, the refusal codes, the typed messages and the protocol's version,
the life cycles (`lifecycle`), the hybrid logical clock (`hlc`), record ids (`ids`) and JSON
text (`jsontext`).

No Qt, no `desktop` and no `server_stub` import here: both sides import this package.
"""
