"""What the laptop's store and the server's store share (SQLAlchemy, no Qt, nothing of `desktop`
or `server_stub`): the constraint naming convention their migrations rely on (`naming`) and the
bulk insert through the driver both hot paths use (`bulk`)."""
