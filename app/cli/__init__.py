"""Command-line entry points, registered on the app in create_app()."""
