"""The rules of the field that the laptop and the server both need (DESIGN.md "Layers"): who
counts as an element of the public and how PEKPPP's five *unsur* are counted (`unsur`), the
satisfaction survey's figures and grades (`skm`), working and closed days (`workdays`), and the
SP4N-LAPOR! deadlines counted in them (`deadlines`), votes as each contributor's share
(`counters`).

Plain Python over the protocol's vocabularies: no Qt, no database session, nothing of
`desktop` or `server_stub` (a test holds it to that). A refused value raises `RuleError` with
a code and its parameters; each side words it in its own user's language.
"""
