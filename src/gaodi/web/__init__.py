"""The web UI's built files (``static/``, made by ``npm run build`` in ``web/``; not in git)."""
