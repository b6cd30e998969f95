"""Notifications: the in-app inbox of each account and e-mail through a configured SMTP server."""
