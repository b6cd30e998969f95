"""Plan monitoring: each indicator's value, progress, required rate, forecast and status for a period."""
