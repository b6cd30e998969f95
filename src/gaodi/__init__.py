"""gaodi."""
