"""Use cases. Each takes a database session (and plain values); none reads the request, flashes
or renders. Views call these and turn their errors into messages."""
