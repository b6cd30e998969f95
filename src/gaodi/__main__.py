"""``python -m gaodi`` runs the CLI."""

from gaodi.cli.main import run

run()
