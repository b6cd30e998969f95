"""Warnings (预警): rules as data per jurisdiction, evaluated over the workspace, each warning with its evidence,
its responsible body and its state (new → acknowledged → in hand → resolved, or dismissed with a reason)."""
