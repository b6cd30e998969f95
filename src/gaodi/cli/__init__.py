"""The `gaodi` command line: thin Typer commands over the core API."""
