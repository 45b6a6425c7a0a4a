"""The field's rules as the laptop words them (the rules themselves are `domain`'s): the
satisfaction survey's figures and the PEKPPP indicators, with refusals in the user's language."""
