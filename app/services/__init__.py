"""Use cases. Each takes a database session (and plain values); none reads the request, flashes
or renders. Views call these and turn their errors into messages.

Where a transaction ends, the one rule:
- A service changes rows and may `flush()` (so ids exist and constraints are checked now), but
  never commits or rolls back: the caller owns the transaction.
- The view (or CLI command) commits once, after the service returned, and only then redirects.
- When a service raises its error (EditError, PublishError, AccountError, ...), the view rolls
  back before showing the error, so nothing half-done is kept. A service that must survive a
  failing statement inside its own work uses a savepoint (`session.begin_nested()`).
- The one deliberate exception: a refused sign-in (`accounts.LoginRefused`) carries a failure
  count that must be kept, so the login view commits it.
"""
